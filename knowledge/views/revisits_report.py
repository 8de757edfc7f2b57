"""The editors' report of case studies due a revisit (Wagtail admin > Reports)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from knowledge.revisits_due import case_studies_due_a_revisit
from knowledge.views.report_access import can_read_reports


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
        if not can_read_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return case_studies_due_a_revisit()

    def get_filename(self) -> str:
        return "case-studies-due-a-revisit"
