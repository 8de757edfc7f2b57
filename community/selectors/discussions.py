"""Reads of threads and replies. Every page, list and count goes through these two selectors.

Members-only threads are invisible to non-members; pending, hidden and removed content is seen
only by its author and by the community's moderators (and editors, who moderate everywhere).
"""

from django.db.models import Count, Q, QuerySet

from community.models import Community, ContentStatus, Post, Thread
from community.permissions import AnyUser, can_moderate, is_editor
from community.selectors.communities import communities_readable_by, moderated_community_ids

SORT_ACTIVITY = "activity"
SORT_NEWEST = "newest"
SORT_UNANSWERED = "unanswered"
SORTS = {
    SORT_ACTIVITY: "Latest activity",
    SORT_NEWEST: "Newest",
    SORT_UNANSWERED: "Unanswered",
}


def threads_visible_to(user: AnyUser, community: Community | None = None) -> QuerySet[Thread]:
    """The threads this person may see, in one community or across all of them."""
    threads = Thread.objects.filter(community__in=communities_readable_by(user))
    if community is not None:
        threads = threads.filter(community=community)
    if is_editor(user):
        return threads
    shown = Q(status=ContentStatus.VISIBLE)
    if user.is_authenticated:
        shown |= Q(author=user) | Q(community__in=moderated_community_ids(user))
    return threads.filter(shown)


def posts_visible_to(user: AnyUser, thread: Thread) -> QuerySet[Post]:
    """The replies in a thread this person may see, oldest first (none if the thread is hidden)."""
    if not threads_visible_to(user).filter(pk=thread.pk).exists():
        return Post.objects.none()
    posts = thread.posts.select_related("author__verified_officer_of").order_by("created_at", "pk")
    if can_moderate(user, thread.community):
        return posts
    shown = Q(status=ContentStatus.VISIBLE)
    if user.is_authenticated:
        shown |= Q(author=user)
    return posts.filter(shown)


def thread_list(user: AnyUser, community: Community, sort: str = SORT_ACTIVITY) -> QuerySet:
    """A community's threads for its page: sorted, with authors, tags and visible reply counts.

    Latest activity (the default) puts pinned threads first; unanswered keeps the threads where
    nobody has marked a reply as the answer.
    """
    threads = (
        threads_visible_to(user, community)
        .select_related("community", "author__verified_officer_of")
        .prefetch_related("tags")
        .annotate(reply_count=Count("posts", filter=Q(posts__status=ContentStatus.VISIBLE)))
    )
    if sort == SORT_NEWEST:
        return threads.order_by("-created_at", "-pk")
    if sort == SORT_UNANSWERED:
        threads = threads.filter(answer__isnull=True)
    return threads.order_by("-is_pinned", "-last_activity_at", "-pk")
