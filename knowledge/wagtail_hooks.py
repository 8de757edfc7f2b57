from django.http import Http404
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.document_access import document_visible_to
from knowledge.models import Organisation, ServiceArea, SharedService


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
