"""The editors' report of case studies due a revisit (Wagtail admin > Reports)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from knowledge.revisits_due import case_studies_due_a_revisit
from knowledge.services.contributions import REVIEWER_GROUP_NAMES


def is_editor(user) -> bool:
    # community.permissions.is_editor says the same, but knowledge may not import community.
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=REVIEWER_GROUP_NAMES).exists()


class RevisitsDueReport(ReportView):
    page_title = "Case studies due a revisit"
    header_icon = "date"
    index_url_name = "revisits_due_report"
    index_results_url_name = "revisits_due_report_results"
    template_name = "knowledge/admin/revisits_due_report.html"
    columns = [
        TitleColumn(
            "title",
            label="Case study",
            get_url=lambda item: reverse("wagtailadmin_pages:edit", args=[item.page.pk]),
        ),
        Column("due_text", label="Revisit due"),
        Column("last_revisited_text", label="Last revisited"),
        Column("author_text", label="Author"),
    ]
    list_export = ["title", "due_on", "last_revisited_text", "author_text"]
    export_headings = {
        "title": "Case study",
        "due_on": "Revisit due",
        "last_revisited_text": "Last revisited",
        "author_text": "Author",
    }
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        # Checked here, on the server: the menu item's visibility is only a convenience.
        if not is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return case_studies_due_a_revisit()

    def get_filename(self) -> str:
        return "case-studies-due-a-revisit"


class EditorsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_editor(request.user)
