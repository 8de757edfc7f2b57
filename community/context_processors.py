"""Template context every page gets."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from community.selectors.moderation import QueueLink, queue_link_for
from community.selectors.notifications import Inbox


def notifications(request: HttpRequest) -> dict[str, Inbox]:
    """`inbox.unread_count` for the header, `inbox.watched_*_ids` for watch buttons; both lazy."""
    return {"inbox": Inbox(request.user)}


def moderation(request: HttpRequest) -> dict[str, QueueLink]:
    """`moderation_link.shown` and `.waiting` for the navigation, read only if a page shows it."""
    return {"moderation_link": SimpleLazyObject(lambda: queue_link_for(request.user))}
