"""Threads and replies: starting, replying, editing, pinning, locking and marking the answer.

Every function checks `community.permissions` first and raises `PermissionDenied` otherwise.
The posting rules live here too: a person not yet trusted has their posts wait for a moderator
and may not post links; and nobody may post or edit more often than the "post" and "edit" limits
in `commons.ratelimits` allow. Those are counted in the shared cache, atomically: a count read
from the database let 15 simultaneous replies all pass a limit of 5.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from commons.ratelimits import LIMITS, user_limit_check
from community.markdown import contains_link, render_markdown
from community.models import Community, ContentStatus, ModerationAction, Post, Thread, User
from community.permissions import (
    can_edit,
    can_mark_answer,
    can_moderate,
    can_post,
)
from community.selectors.discussions import threads_visible_to
from community.services.audit import audit_record
from community.services.notifications import activity_published, author_tell
from community.services.trust import trust_level_recompute
from community.services.watches import participant_watch

logger = logging.getLogger(__name__)

RATE_LIMITED = LIMITS["post"].message
NO_LINKS_YET = (
    "Remove the web address or link. New members can post links once a moderator has "
    "approved their first post."
)


def _is_trusted(author: User, community: Community) -> bool:
    """Moderators vouch for themselves; everyone else earns the basic trust level with a first
    approved post (`community.services.trust`)."""
    return author.trusted_poster or can_moderate(author, community)


def _links_refused(author: User, community: Community, fields: dict[str, str]) -> None:
    if _is_trusted(author, community):
        return
    errors = {name: NO_LINKS_YET for name, text in fields.items() if contains_link(text)}
    if errors:
        raise ValidationError(errors, code="links")


def _new_status(author: User, community: Community) -> str:
    return ContentStatus.VISIBLE if _is_trusted(author, community) else ContentStatus.PENDING


def thread_create(
    *, community: Community, author: User, title: str, body: str, tags: list[str]
) -> Thread:
    """Start a thread. A new poster's first threads wait for a moderator."""
    if not can_post(author, community):
        raise PermissionDenied("Join this community, with a confirmed email address, to post.")
    _links_refused(author, community, {"title": title, "body": body})
    thread = Thread(
        community=community,
        author=author,
        title=title.strip(),
        body_markdown=body,
        body_html=render_markdown(body),
        status=_new_status(author, community),
        last_activity_at=timezone.now(),
    )
    thread.full_clean(exclude=["answer"])
    # Counted last, so a form refused for what it says does not use up the allowance.
    user_limit_check("post", author)
    with transaction.atomic():
        thread.save()
        thread.tags.set(tags)
        participant_watch(user=author, thread=thread)
        activity_published(thread)
    logger.info("Thread %s started in community %s (%s)", thread.pk, community.pk, thread.status)
    return thread


def post_create(*, thread: Thread, author: User, body: str) -> Post:
    """Reply to a thread. A visible reply moves the thread up the latest-activity list."""
    if not can_post(author, thread.community):
        raise PermissionDenied("Join this community, with a confirmed email address, to reply.")
    if not threads_visible_to(author).filter(pk=thread.pk, status=ContentStatus.VISIBLE).exists():
        raise PermissionDenied("You cannot reply to this thread.")
    if thread.is_locked:
        raise PermissionDenied("This thread is locked: it takes no more replies.")
    _links_refused(author, thread.community, {"body": body})
    post = Post(
        thread=thread,
        author=author,
        body_markdown=body,
        body_html=render_markdown(body),
        status=_new_status(author, thread.community),
    )
    post.full_clean()
    user_limit_check("post", author)
    with transaction.atomic():
        post.save()
        participant_watch(user=author, thread=thread)
        if post.status == ContentStatus.VISIBLE:
            Thread.objects.filter(pk=thread.pk).update(last_activity_at=post.created_at)
            activity_published(post)
    logger.info("Reply %s in thread %s (%s)", post.pk, thread.pk, post.status)
    return post


def thread_edit(*, thread: Thread, editor: User, title: str, body: str, tags: list[str]) -> Thread:
    """The author changes their thread; the page then says when it was edited."""
    if not can_edit(editor, thread):
        raise PermissionDenied("Only the person who started a thread can edit it.")
    _links_refused(editor, thread.community, {"title": title, "body": body})
    thread.title = title.strip()
    thread.body_markdown = body
    thread.body_html = render_markdown(body)
    thread.edited_at = timezone.now()
    thread.full_clean(exclude=["answer"])
    user_limit_check("edit", editor)
    with transaction.atomic():
        thread.save(update_fields=["title", "body_markdown", "body_html", "edited_at"])
        thread.tags.set(tags)
    return thread


def post_edit(*, post: Post, editor: User, body: str) -> Post:
    """The author changes their reply; the page then says when it was edited."""
    if not can_edit(editor, post):
        raise PermissionDenied("Only the person who wrote a reply can edit it.")
    _links_refused(editor, post.thread.community, {"body": body})
    post.body_markdown = body
    post.body_html = render_markdown(body)
    post.edited_at = timezone.now()
    post.full_clean()
    user_limit_check("edit", editor)
    post.save(update_fields=["body_markdown", "body_html", "edited_at"])
    return post


def _moderator_checked(moderator: User, thread: Thread) -> None:
    if not can_moderate(moderator, thread.community):
        raise PermissionDenied("Only this community's moderators can do that.")


def thread_pin(*, moderator: User, thread: Thread, pinned: bool = True, note: str = "") -> Thread:
    """Pin a thread to the top of its community's list, or unpin it."""
    _moderator_checked(moderator, thread)
    with transaction.atomic():
        thread.is_pinned = pinned
        thread.save(update_fields=["is_pinned"])
        action = ModerationAction.Action.PIN if pinned else ModerationAction.Action.UNPIN
        audit_record(actor=moderator, content=thread, action=action, note=note)
    return thread


def thread_lock(*, moderator: User, thread: Thread, locked: bool = True, note: str = "") -> Thread:
    """Lock a thread so it takes no more replies, or unlock it."""
    _moderator_checked(moderator, thread)
    with transaction.atomic():
        thread.is_locked = locked
        thread.save(update_fields=["is_locked"])
        action = ModerationAction.Action.LOCK if locked else ModerationAction.Action.UNLOCK
        audit_record(actor=moderator, content=thread, action=action, note=note)
    return thread


def answer_mark(*, user: User, thread: Thread, post: Post | None) -> Thread:
    """Say which visible reply answered the thread (or, with no post, that none did)."""
    if not can_mark_answer(user, thread):
        raise PermissionDenied("Only the person who asked, or a moderator, can mark the answer.")
    if post is not None and (post.thread_id != thread.pk or post.status != ContentStatus.VISIBLE):
        raise ValidationError("Choose a reply in this thread.", code="not_in_thread")
    thread.answer = post
    thread.save(update_fields=["answer"])
    return thread


def content_approve(*, moderator: User, content: Thread | Post, note: str = "") -> Thread | Post:
    """A moderator lets a pending thread or reply appear; its author is trusted from now on."""
    thread = content if isinstance(content, Thread) else content.thread
    _moderator_checked(moderator, thread)
    if content.status != ContentStatus.PENDING:
        raise ValidationError("This is not waiting for approval.", code="not_pending")
    with transaction.atomic():
        content.status = ContentStatus.VISIBLE
        content.save(update_fields=["status"])
        # It appears now, so the thread moves up the latest-activity list now.
        Thread.objects.filter(pk=thread.pk).update(last_activity_at=timezone.now())
        # Its author has earned at least the basic level now (unless a level was set by hand).
        trust_level_recompute(content.author)
        audit_record(
            actor=moderator, content=content, action=ModerationAction.Action.APPROVE, note=note
        )
        activity_published(content)
        # Watchers never include the author, who waited and is owed the news most.
        author_tell(
            author=content.author,
            message=_approved_message(content),
            url=content.get_absolute_url(),
        )
    return content


def _approved_message(content: Thread | Post) -> str:
    if isinstance(content, Thread):
        return f"Your thread “{content.title}” in {content.community.name} is approved and shown."
    return f"Your reply to “{content.thread.title}” is approved and shown."
