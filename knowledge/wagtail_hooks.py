from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.document_access import document_visible_to
from knowledge.models import Organisation, ServiceArea, SharedService
from knowledge.revisits_due import case_studies_due_a_revisit
from knowledge.services.contributions import REVIEWER_GROUP_NAMES


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "kind", "region"]
    list_filter = ["kind", "region"]
    search_fields = ["name"]


class ServiceAreaViewSet(SnippetViewSet):
    model = ServiceArea
    icon = "tag"
    menu_label = "Service areas"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class SharedServiceViewSet(SnippetViewSet):
    model = SharedService
    icon = "link"
    menu_label = "Shared services"
    list_display = ["name", "lead_organisation", "service_area", "status"]
    list_filter = ["status", "service_area"]
    search_fields = ["name"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = "Network"
    menu_icon = "site"
    menu_order = 200
    items = (OrganisationViewSet, ServiceAreaViewSet, SharedServiceViewSet)


register_snippet(NetworkViewSetGroup)


# After Wagtail's own check of the collection's privacy (order 0), which may ask people to sign in.
@hooks.register("before_serve_document", order=10)
def document_hidden_with_its_pages(document, request) -> None:
    if not document_visible_to(document, request):
        raise Http404("No document matches the given query.")


def _is_editor(user) -> bool:
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
        if not _is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return case_studies_due_a_revisit()

    def get_filename(self) -> str:
        return "case-studies-due-a-revisit"


class EditorsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return _is_editor(request.user)


@hooks.register("register_admin_urls")
def register_revisits_due_report_urls():
    return [
        path("reports/revisits-due/", RevisitsDueReport.as_view(), name="revisits_due_report"),
        path(
            "reports/revisits-due/results/",
            RevisitsDueReport.as_view(results_only=True),
            name="revisits_due_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_revisits_due_menu_item():
    return EditorsMenuItem(
        "Revisits due", reverse("revisits_due_report"), icon_name="date", order=800
    )
