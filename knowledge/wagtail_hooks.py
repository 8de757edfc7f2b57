from django.http import Http404
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.document_access import document_visible_to
from knowledge.models import Organisation, ReadinessProfile, ServiceArea, SharedService
from knowledge.views.report_access import ReportMenuItem
from knowledge.views.review_report import DueForReviewReportView
from knowledge.views.revisits_report import RevisitsDueReport

DUE_FOR_REVIEW = DueForReviewReportView.index_url_name


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


class ReadinessProfileViewSet(SnippetViewSet):
    model = ReadinessProfile
    icon = "clipboard-list"
    menu_label = "Due-diligence profiles"
    list_display = ["organisation", "updated_at"]
    search_fields = ["organisation__name"]
    # Not a Wagtail-indexed model: the organisation's name is searched in the database.
    search_backend_name = None


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = "Network"
    menu_icon = "site"
    menu_order = 200
    items = (
        OrganisationViewSet,
        ServiceAreaViewSet,
        SharedServiceViewSet,
        ReadinessProfileViewSet,
    )


register_snippet(NetworkViewSetGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def readiness_profile_changed_by(request, instance) -> None:
    """Records an editor's change in the admin as theirs, as the officers' form does."""
    if isinstance(instance, ReadinessProfile):
        ReadinessProfile.objects.filter(pk=instance.pk).update(updated_by=request.user)


# After Wagtail's own check of the collection's privacy (order 0), which may ask people to sign in.
@hooks.register("before_serve_document", order=10)
def document_hidden_with_its_pages(document, request) -> None:
    if not document_visible_to(document, request):
        raise Http404("No document matches the given query.")


@hooks.register("register_admin_urls")
def due_for_review_urls() -> list:
    return [
        path("reports/due-for-review/", DueForReviewReportView.as_view(), name=DUE_FOR_REVIEW),
        path(
            "reports/due-for-review/results/",
            DueForReviewReportView.as_view(results_only=True),
            name=f"{DUE_FOR_REVIEW}_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def due_for_review_menu_item() -> MenuItem:
    return ReportMenuItem(
        "Due for review",
        reverse(DUE_FOR_REVIEW),
        name="due-for-review",
        icon_name="time",
        order=1150,
    )


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
    return ReportMenuItem(
        "Revisits due", reverse("revisits_due_report"), icon_name="date", order=800
    )
