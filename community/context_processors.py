"""Template context every page gets."""

from django.http import HttpRequest

from community.selectors.notifications import Inbox


def notifications(request: HttpRequest) -> dict[str, Inbox]:
    """`inbox.unread_count` for the header, `inbox.watched_*_ids` for watch buttons; both lazy."""
    return {"inbox": Inbox(request.user)}
