"""Editors manage communities in the Wagtail admin, as snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.models import Community


class CommunityViewSet(SnippetViewSet):
    model = Community
    icon = "group"
    menu_label = "Communities"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "visibility", "join_policy"]
    list_filter = ["visibility", "join_policy"]
    search_fields = ["name"]


register_snippet(CommunityViewSet)
