"""Reads for notifications and watching: a person's notifications, unread count and watches."""

from django.db.models import Q, QuerySet
from wagtail.users.models import UserProfile

from community.models import Community, ContentStatus, Notification, Thread, Watch
from community.permissions import AnyUser
from community.selectors.communities import communities_readable_by


def notifications_for(user: AnyUser) -> QuerySet[Notification]:
    """The person's notifications, newest first."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(user=user).order_by("-created_at", "-pk")


def unread_count(user: AnyUser) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def watches_of(user: AnyUser) -> QuerySet[Watch]:
    """The person's watches on what they may still read. A watch outlives a membership (it comes
    back to life if they rejoin), but a former member must not keep seeing the current titles of
    a members-only community's threads, nor of threads a moderator has since hidden."""
    if not user.is_authenticated:
        return Watch.objects.none()
    readable = communities_readable_by(user).values("pk")
    still_readable = Q(community__in=readable) | Q(
        thread__community__in=readable, thread__status=ContentStatus.VISIBLE
    )
    return (
        Watch.objects.filter(still_readable, user=user)
        .select_related("community", "thread__community")
        .order_by("created_at")
    )


def watch_of(user: AnyUser, target: Community | Thread) -> Watch | None:
    if not user.is_authenticated:
        return None
    key = {"community": target} if isinstance(target, Community) else {"thread": target}
    return Watch.objects.filter(user=user, **key).first()


class Inbox:
    """What the header and the watch buttons need about the signed-in person, read only when a
    template asks for it, so pages that do not show it cost no queries."""

    def __init__(self, user: AnyUser) -> None:
        self._user = user
        self._unread: int | None = None
        self._watched: tuple[set[int], set[int]] | None = None

    @property
    def unread_count(self) -> int:
        if self._unread is None:
            self._unread = unread_count(self._user)
        return self._unread

    def _watched_ids(self) -> tuple[set[int], set[int]]:
        if self._watched is None:
            rows = watches_of(self._user).values_list("community_id", "thread_id")
            self._watched = (
                {community for community, _ in rows if community},
                {thread for _, thread in rows if thread},
            )
        return self._watched

    @property
    def watched_community_ids(self) -> set[int]:
        return self._watched_ids()[0]

    @property
    def watched_thread_ids(self) -> set[int]:
        return self._watched_ids()[1]


def contribution_emails_wanted(user: AnyUser) -> bool:
    """Whether Wagtail emails this person its workflow decisions on what they sent in: its own
    per-person preferences (UserProfile), which contributors cannot reach without the admin."""
    if not user.is_authenticated:
        return False
    profile = UserProfile.get_for_user(user)
    return profile.approved_notifications and profile.rejected_notifications
