"""Watching communities and threads, and telling watchers when something new appears.

How new activity reaches this module: the services that make content visible call
`activity_published(content)` (the discussion services when a thread or reply is created visible,
the moderation queue when one is approved). We chose an explicit call over a `post_save` signal
because only the caller knows that content has just *become* visible; a signal sees every save
(edits, hiding, restoring) and would have to guess. `activity_published` is idempotent, so calling
it twice for the same content notifies nobody twice.

Starting or replying to a thread watches it (`participant_watch`), unless the person turned
"Watch threads I start or reply to" off, so authors hear about answers without pressing Watch.

Each watcher (never the author, never someone who can no longer read a members-only community)
gets one in-site `Notification`. Watchers who chose "immediate" get an email after the transaction
commits; "daily" ones wait for `manage.py send_digests`; "site only" ones get no email. Every email
carries a signed one-click unsubscribe link (RFC 8058 `List-Unsubscribe` headers too).

Contributors of case studies and resources hear of an editor's decision the same way, on the site;
`community.signals` calls `contribution_changes_requested` / `contribution_published` from
Wagtail's workflow and publishing signals, because knowledge may not import community.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.models import Page
from wagtail.users.models import UserProfile

from commons.links import absolute_url
from commons.text import one_line
from community.models import (
    Community,
    ContentStatus,
    Notification,
    Post,
    Thread,
    User,
    Watch,
)
from community.permissions import can_read, has_verified_email, readers_among, verified_among
from community.selectors.notifications import watches_of
from knowledge.contribution_status import contribution_of

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "community.notifications.unsubscribe"
# Notifications older than this are no longer owed by email (the digest only looks this far back).
DIGEST_LOOKBACK = timezone.timedelta(days=14)
EMAILED_FREQUENCIES = (Watch.Frequency.IMMEDIATE, Watch.Frequency.DAILY)


# --- watching --------------------------------------------------------------------------------


def _target_community(target: Community | Thread) -> Community:
    return target if isinstance(target, Community) else target.community


def watch_start(*, user: User, target: Community | Thread, frequency: str | None = None) -> Watch:
    """Start watching a community or a thread. Watching again keeps the existing watch."""
    if not user.is_authenticated or not can_read(user, _target_community(target)):
        raise PermissionDenied("You cannot watch something you cannot read.")
    if isinstance(target, Thread) and target.status != ContentStatus.VISIBLE:
        raise PermissionDenied("You cannot watch a thread that is not shown.")
    key = {"community": target} if isinstance(target, Community) else {"thread": target}
    watch, created = Watch.objects.get_or_create(
        user=user, **key, defaults={"frequency": frequency or Watch.Frequency.IMMEDIATE}
    )
    if not created and frequency and watch.frequency != frequency:
        watch.frequency = frequency
        watch.save(update_fields=["frequency"])
    return watch


def watch_stop(*, user: User, target: Community | Thread) -> bool:
    """Stop watching. Returns whether there was a watch to stop."""
    key = {"community": target} if isinstance(target, Community) else {"thread": target}
    deleted, _ = Watch.objects.filter(user=user, **key).delete()
    return deleted > 0


def participant_watch(*, user: User, thread: Thread) -> Watch | None:
    """Whoever starts or replies to a thread hears about its later replies, as on Discourse,
    unless they turned that off. The thread may still wait for a moderator, which the public
    `watch_start` refuses; its own author can read it, and the watch pays off once it appears.
    An existing watch keeps the frequency the person chose for it."""
    if not user.watch_participated:
        return None
    watch, _ = Watch.objects.get_or_create(user=user, thread=thread)
    return watch


def contribution_emails_set(*, user: User, emailed: bool) -> None:
    """Turn Wagtail's emails about decisions on one's contributions on or off (see
    `contribution_emails_wanted`); the in-site notifications stay."""
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications != emailed or profile.rejected_notifications != emailed:
        profile.approved_notifications = profile.rejected_notifications = emailed
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def participant_watching_set(*, user: User, watch_participated: bool) -> None:
    """Turn watching one's own threads and replies on or off; existing watches stay."""
    if user.watch_participated != watch_participated:
        user.watch_participated = watch_participated
        user.save(update_fields=["watch_participated"])


def author_emails_set(*, user: User, email_about_own_posts: bool) -> None:
    """Turn emails about what became of one's own posts and stories on or off."""
    if user.email_about_own_posts != email_about_own_posts:
        user.email_about_own_posts = email_about_own_posts
        user.save(update_fields=["email_about_own_posts"])


def watch_frequencies_set(*, user: User, frequencies: dict[int, str]) -> int:
    """Set how often the person hears about each of their watches (by watch id)."""
    changed = 0
    for watch in Watch.objects.filter(user=user, pk__in=frequencies):
        wanted = frequencies[watch.pk]
        if wanted not in Watch.Frequency.values:
            raise ValueError(f"{wanted!r} is not a frequency.")
        if watch.frequency != wanted:
            watch.frequency = wanted
            watch.save(update_fields=["frequency"])
            changed += 1
    return changed


# --- unsubscribing ---------------------------------------------------------------------------


def unsubscribe_token(*, user: User, watch: Watch | None = None) -> str:
    """A signed token that stops email from one watch, or (without a watch) from all of them."""
    return signing.dumps({"u": user.pk, "w": watch.pk if watch else None}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(*, user: User, watch: Watch | None = None) -> str:
    path = reverse(
        "community:unsubscribe", kwargs={"token": unsubscribe_token(user=user, watch=watch)}
    )
    return absolute_url(path)


@dataclass
class Unsubscription:
    """What one unsubscribe link stops. `watches` are the ones it names on its page: only those
    the person may read today, because the link in an old email never expires and a former member
    must not learn a members-only thread's current title from it."""

    user: User
    watches: list[Watch]
    every_watch: bool


def unsubscription_from_token(token: str) -> Unsubscription | None:
    """What a token would stop, or None when it is bad, tampered with or its person is gone."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user_id, watch_id = int(payload["u"]), payload["w"]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return None
    watches = watches_of(user)
    if watch_id is not None:
        watches = watches.filter(pk=watch_id)
    return Unsubscription(user=user, watches=list(watches), every_watch=watch_id is None)


def unsubscribe(*, unsubscription: Unsubscription) -> int:
    """Stop email from the watches; the person still sees notifications on the site. "Stop all"
    also quietens the watches it does not name, so rejoining a community later sends no email,
    and stops emails about what the person wrote."""
    if unsubscription.every_watch:
        User.objects.filter(pk=unsubscription.user.pk).update(email_about_own_posts=False)
        stopped = Watch.objects.filter(user=unsubscription.user)
    else:
        stopped = Watch.objects.filter(pk__in=[watch.pk for watch in unsubscription.watches])
    return stopped.update(frequency=Watch.Frequency.SITE_ONLY)


# --- notifying -------------------------------------------------------------------------------


def _watches_of_readers(thread: Thread, *, include_thread: bool, author_id: int) -> list[Watch]:
    """One watch per watcher who may still read the community; a thread watch beats a community
    watch because it is the more specific wish."""
    community = thread.community
    matches = (
        Q(community=community) | Q(thread=thread) if include_thread else Q(community=community)
    )
    chosen: dict[int, Watch] = {}
    watches = Watch.objects.filter(matches, user__is_active=True).exclude(user_id=author_id)
    for watch in watches.select_related("user"):
        if watch.user_id not in chosen or watch.thread_id is not None:
            chosen[watch.user_id] = watch
    readers = readers_among(chosen, community)
    return [watch for user_id, watch in chosen.items() if user_id in readers]


def _message(content: Thread | Post) -> str:
    community = (content if isinstance(content, Thread) else content.thread).community
    if isinstance(content, Thread):
        text = f"{content.author.public_name} started “{content.title}” in {community.name}"
    else:
        text = (
            f"{content.author.public_name} replied to “{content.thread.title}” in {community.name}"
        )
    return Truncator(text).chars(300)


def activity_published(content: Thread | Post) -> list[Notification]:
    """Tell the watchers about a thread or reply that has just become visible."""
    thread = content if isinstance(content, Thread) else content.thread
    if content.status != ContentStatus.VISIBLE or thread.status != ContentStatus.VISIBLE:
        return []
    post = content if isinstance(content, Post) else None
    # Notifications about content cannot be older than it: that bound keeps this check on the
    # created_at index instead of reading every notification ever made.
    if Notification.objects.filter(
        created_at__gte=content.created_at, thread=thread, post=post
    ).exists():
        return []
    watches = _watches_of_readers(
        thread, include_thread=isinstance(content, Post), author_id=content.author_id
    )
    message = _message(content)
    url = content.get_absolute_url()
    notifications = Notification.objects.bulk_create(
        Notification(user=watch.user, message=message, url=url, thread=thread, post=post)
        for watch in watches
    )
    immediate = [
        (notification.pk, watch.pk)
        for notification, watch in zip(notifications, watches, strict=True)
        if watch.frequency == Watch.Frequency.IMMEDIATE
    ]
    if immediate:
        transaction.on_commit(lambda: _immediate_emails_send(immediate))
    return notifications


def _email(*, user: User, subject: str, body: str, unsubscribe_link: str) -> EmailMessage:
    return EmailMessage(
        # A title stored before input was cleaned may hold a line break, which Django refuses
        # in a header (BadHeaderError): the email would never leave.
        subject=one_line(subject),
        body=body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _notification_email_send(
    notification: Notification, *, unsubscribe_link: str, because: str = ""
) -> None:
    """Email one notification now and mark it emailed. Runs after commit, outside any
    transaction; a mail server failure is logged and leaves it unmarked (a watcher's
    notification then goes in the daily digest)."""
    body = render_to_string(
        "community/notifications/email_immediate.txt",
        {
            "user": notification.user,
            "notification": notification,
            "link": absolute_url(notification.url),
            "unsubscribe_link": unsubscribe_link,
            "because": because,
        },
    )
    email = _email(
        user=notification.user,
        subject=f"Commons: {notification.message}"[:150],
        body=body,
        unsubscribe_link=unsubscribe_link,
    )
    try:
        email.send()
    except Exception:
        logger.exception("Could not email notification %s", notification.pk)
        return
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


def _immediate_emails_send(pairs: Iterable[tuple[int, int]]) -> None:
    """Runs after commit, outside any transaction: one email per notification."""
    pairs = dict(pairs)
    watches = Watch.objects.in_bulk(list(pairs.values()))
    for notification in Notification.objects.filter(pk__in=pairs).select_related("user"):
        watch = watches.get(pairs[notification.pk])
        if watch is None or watch.frequency != Watch.Frequency.IMMEDIATE:
            continue  # unwatched or unsubscribed in the meantime
        if not has_verified_email(notification.user):
            continue
        _notification_email_send(
            notification, unsubscribe_link=unsubscribe_url(user=notification.user, watch=watch)
        )


# --- telling authors -------------------------------------------------------------------------


def author_tell(*, author: User, message: str, url: str) -> Notification:
    """Tell an author what became of something they wrote (a held post approved, a story
    published, turned down or answered): on the site always, and by email at once unless they
    turned `email_about_own_posts` off. It names no thread, so the daily digest, which is about
    watches, leaves it alone."""
    notification = Notification.objects.create(
        user=author, message=Truncator(one_line(message)).chars(300), url=url
    )
    if author.email_about_own_posts:
        transaction.on_commit(lambda: _author_email_send(notification.pk))
    return notification


def _author_email_send(notification_pk: int) -> None:
    notification = Notification.objects.select_related("user").filter(pk=notification_pk).first()
    if notification is None or not notification.user.email_about_own_posts:
        return
    if not has_verified_email(notification.user):
        return
    _notification_email_send(
        notification,
        unsubscribe_link=unsubscribe_url(user=notification.user),
        because="it is about something you wrote on Commons",
    )


# --- the daily digest ------------------------------------------------------------------------


def _still_owed(
    notification: Notification, *, watches: list[Watch], readable: set[int]
) -> Watch | None:
    """The watch that makes this notification owed by email, if it is still owed at all: the
    person still watches (with email), can still read it (`readable` community ids), and it is
    still shown. Asks nothing of the database: its thread and reply come loaded with it."""
    thread, post = notification.thread, notification.post
    if thread is None or thread.status != ContentStatus.VISIBLE:
        return None
    if post is not None and post.status != ContentStatus.VISIBLE:
        return None
    if thread.community_id not in readable:
        return None
    by_thread = {watch.thread_id: watch for watch in watches if watch.thread_id}
    by_community = {watch.community_id: watch for watch in watches if watch.community_id}
    watch = by_thread.get(thread.pk) or by_community.get(thread.community_id)
    if watch is None or watch.frequency not in EMAILED_FREQUENCIES:
        return None
    return watch


def _digest_send(
    user: User, notifications: list[Notification], *, watches: list[Watch], readable: set[int]
) -> bool:
    owed = [
        (notification, watch)
        for notification in notifications
        if (watch := _still_owed(notification, watches=watches, readable=readable)) is not None
    ]
    if not owed:
        return False
    stop_all_link = unsubscribe_url(user=user)
    stops = {
        watch.pk: (str(watch.thread or watch.community), unsubscribe_url(user=user, watch=watch))
        for _, watch in owed
    }
    body = render_to_string(
        "community/notifications/email_digest.txt",
        {
            "user": user,
            "items": [(n, absolute_url(n.url)) for n, _ in owed],
            "stops": stops.values(),
            "unsubscribe_link": stop_all_link,
        },
    )
    count = len(owed)
    subject = f"Commons: {count} new {'update' if count == 1 else 'updates'} today"
    _email(user=user, subject=subject, body=body, unsubscribe_link=stop_all_link).send()
    Notification.objects.filter(pk__in=[n.pk for n, _ in owed], emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    return True


def digests_send() -> int:
    """Email each person their notifications not yet emailed, in one message. Returns how many
    emails went out. Runs outside a transaction; a person whose email fails is tried next time."""
    since = timezone.now() - DIGEST_LOOKBACK
    waiting = (
        Notification.objects.filter(
            emailed_at__isnull=True, created_at__gte=since, user__is_active=True
        )
        .select_related("user", "thread__community", "post")
        .order_by("user_id", "created_at")
    )
    # Everything the digests need is read here, for everyone at once: asked person by person
    # (and notification by notification) it was an N+1 that grew with every watcher.
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for notification in waiting:
        by_user[notification.user_id].append(notification)
    verified = verified_among(by_user)
    watches: dict[int, list[Watch]] = defaultdict(list)
    for watch in Watch.objects.filter(user_id__in=verified).select_related("community", "thread"):
        watches[watch.user_id].append(watch)
    readers: dict[Community, set[int]] = defaultdict(set)
    for user_id in verified:
        for notification in by_user[user_id]:
            if notification.thread is not None:
                readers[notification.thread.community].add(user_id)
    readable: dict[int, set[int]] = defaultdict(set)
    for community, user_ids in readers.items():
        for user_id in readers_among(user_ids, community):
            readable[user_id].add(community.pk)
    sent = 0
    for user_id in sorted(verified):
        notifications = by_user[user_id]
        user = notifications[0].user
        try:
            sent += _digest_send(
                user, notifications, watches=watches[user_id], readable=readable[user_id]
            )
        except Exception:
            logger.exception("Could not send the digest to user %s", user.pk)
    return sent


# --- decisions on contributions -------------------------------------------------------------


def _contributor_to_tell(page: Page) -> User | None:
    """Who sent the page in, if they need telling: editors who could publish it themselves
    follow it in the admin, and their own pages would only tell them what they just did."""
    owner = page.owner
    if owner is None or not owner.is_active or page.permissions_for_user(owner).can_publish():
        return None
    return owner


def _kind(page: Page) -> str:
    return str(page.specific_class._meta.verbose_name)


def contribution_changes_requested(*, page: Page) -> Notification | None:
    """An editor asked for changes: the contributor is pointed at the page where they make
    them. Wagtail emails them the editor's comment (templates/wagtailadmin/notifications)."""
    contributor = _contributor_to_tell(page)
    if contributor is None:
        return None
    contribution = contribution_of(contributor, page.pk)
    url = (
        reverse("knowledge:contribution_edit", kwargs={"page_id": page.pk})
        if contribution is not None and contribution.editable
        else reverse("knowledge:contributions")
    )
    title = page.draft_title or page.title  # as sent, before any publication
    message = f"An editor asked for changes to your {_kind(page)} “{title}”"
    return Notification.objects.create(
        user=contributor, message=Truncator(message).chars(300), url=url
    )


def contribution_published(*, page: Page) -> Notification | None:
    """A contribution went live for the first time. Approval through the workflow also brings
    Wagtail's email; a notification is the one thing added here, so nobody is emailed twice."""
    contributor = _contributor_to_tell(page)
    parts = page.get_url_parts()
    if contributor is None or parts is None:
        return None
    message = f"Your {_kind(page)} “{page.title}” was published"
    return Notification.objects.create(
        user=contributor, message=Truncator(message).chars(300), url=parts[2]
    )


# --- reading ---------------------------------------------------------------------------------


def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
