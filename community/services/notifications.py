"""Telling watchers when something new appears, and authors what became of what they wrote.
Who watches what, and unsubscribing, is `community.services.watches`.

How new activity reaches this module: the services that make content visible call
`activity_published(content)` (the discussion services when a thread or reply is created visible,
the moderation queue when one is approved). We chose an explicit call over a `post_save` signal
because only the caller knows that content has just *become* visible; a signal sees every save
(edits, hiding, restoring) and would have to guess. `activity_published` is idempotent, so calling
it twice for the same content notifies nobody twice.

Each watcher (never the author, never someone who can no longer read a members-only community)
gets one in-site `Notification`. Watchers who chose "immediate" get an email after the transaction
commits; "daily" ones wait for `manage.py send_digests`; "site only" ones get no email. Every email
carries a signed one-click unsubscribe link (RFC 8058 `List-Unsubscribe` headers too).

Contributors of case studies and resources hear of an editor's decision the same way, on the site;
`community.signals` calls `contribution_changes_requested`, `contribution_published` and
`contribution_not_accepted` from Wagtail's workflow and publishing signals, because knowledge may
not import community.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable

from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.models import Page

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
from community.permissions import has_verified_email, readers_among, verified_among
from community.selectors.notifications import contribution_emails_wanted
from community.services.watches import unsubscribe_url
from knowledge.contribution_status import ContributionStatus, contribution_of

logger = logging.getLogger(__name__)

# Notifications older than this are no longer owed by email (the digest only looks this far back).
DIGEST_LOOKBACK = timezone.timedelta(days=14)
EMAILED_FREQUENCIES = (Watch.Frequency.IMMEDIATE, Watch.Frequency.DAILY)


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


AUTHOR_EMAIL_BECAUSE = "it is about something you wrote on Commons"


def author_tell(
    *, author: User, message: str, url: str, because: str = AUTHOR_EMAIL_BECAUSE
) -> Notification:
    """Tell an author what became of something they wrote or asked for (a held post approved, a
    story published, turned down or answered, a request to join answered): on the site always,
    and by email at once unless they turned `email_about_own_posts` off. It names no thread, so
    the daily digest, which is about watches, leaves it alone."""
    notification = Notification.objects.create(
        user=author, message=Truncator(one_line(message)).chars(300), url=url
    )
    if author.email_about_own_posts:
        transaction.on_commit(lambda: _author_email_send(notification.pk, because=because))
    return notification


def _author_email_send(notification_pk: int, *, because: str) -> None:
    notification = Notification.objects.select_related("user").filter(pk=notification_pk).first()
    if notification is None or not notification.user.email_about_own_posts:
        return
    if not has_verified_email(notification.user):
        return
    _notification_email_send(
        notification, unsubscribe_link=unsubscribe_url(user=notification.user), because=because
    )


# --- requests to join ------------------------------------------------------------------------

JOIN_REQUEST_BECAUSE = "you asked to join a community on Commons"


def join_request_tell_moderators(*, person: User, community: Community) -> int:
    """On the site only: the community's own moderators (editors moderate everywhere and would
    hear of every request) see who is waiting, with a link to the page where they answer."""
    url = reverse("community:community_members", kwargs={"slug": community.slug})
    message = Truncator(f"{person.public_name} asked to join “{community.name}”").chars(300)
    moderators = community.moderators.filter(is_active=True).exclude(pk=person.pk)
    return len(
        Notification.objects.bulk_create(
            [Notification(user=moderator, message=message, url=url) for moderator in moderators]
        )
    )


def join_request_answered(*, person: User, community: Community, accepted: bool) -> None:
    if accepted:
        message = f"You are now a member of “{community.name}”"
    else:
        message = (
            f"A moderator of “{community.name}” did not accept your request to join. "
            "You can ask again later."
        )
    author_tell(
        author=person,
        message=message,
        url=community.get_absolute_url(),
        because=JOIN_REQUEST_BECAUSE,
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


def contribution_not_accepted(*, page: Page) -> None:
    """An editor cancelled the review. Publishing outside the review and starting it again cancel
    one too, so what it meant is read once the transaction has committed."""
    contributor = _contributor_to_tell(page)
    if contributor is not None:
        transaction.on_commit(lambda: _not_accepted_tell(contributor, page.pk))


def _not_accepted_tell(contributor: User, page_id: int) -> None:
    """Wagtail sends no email when a review is cancelled, so this one sends its own, under the
    same setting as Wagtail's emails about decisions."""
    contribution = contribution_of(contributor, page_id)
    if contribution is None or contribution.status != ContributionStatus.NOT_ACCEPTED:
        return
    message = (
        f"The editors decided not to publish your {_kind(contribution.page)} “{contribution.title}”"
    )
    notification = Notification.objects.create(
        user=contributor,
        message=Truncator(one_line(message)).chars(300),
        url=reverse("knowledge:contributions"),
    )
    if not contribution_emails_wanted(contributor):
        return
    body = render_to_string(
        "community/notifications/email_not_accepted.txt",
        {
            "user": contributor,
            "notification": notification,
            "link": absolute_url(notification.url),
            "settings_link": absolute_url(reverse("community:notification_settings")),
        },
    )
    subject = one_line(f"Commons: {notification.message}")[:150]
    try:
        EmailMessage(subject=subject, body=body, to=[contributor.email]).send()
    except Exception:
        logger.exception("Could not email notification %s", notification.pk)
        return
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


# --- reading ---------------------------------------------------------------------------------


def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
