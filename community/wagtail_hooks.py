"""Editors manage communities in the Wagtail admin, as snippets; the menu links the public
site's moderation queue, where moderators and editors act on reports and waiting content."""

from django.http import HttpRequest
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.models import Community
from community.selectors.moderation import can_use_queue


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


class ModerationQueueMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_use_queue(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_queue_menu_item() -> MenuItem:
    return ModerationQueueMenuItem(
        "Moderation queue",
        reverse("community:moderation_queue"),
        name="moderation-queue",
        icon_name="warning",
        order=215,
    )
