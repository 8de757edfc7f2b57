"""What people choose to hear about: watching communities and threads, their notification
settings, and the one-click unsubscribe links every email carries.

Starting or replying to a thread watches it (`participant_watch`), unless the person turned
"Watch threads I start or reply to" off, so authors hear about answers without pressing Watch.
Telling watchers about new activity is `community.services.notifications`.
"""

from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.users.models import UserProfile

from commons.links import absolute_url
from community.models import Community, ContentStatus, Thread, User, Watch
from community.permissions import can_read
from community.selectors.notifications import watches_of

UNSUBSCRIBE_SALT = "community.notifications.unsubscribe"


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


def event_emails_set(*, user: User, emailed: bool) -> None:
    """Turn reminders and cancellation emails about one's events on or off."""
    if user.email_about_events != emailed:
        user.email_about_events = emailed
        user.save(update_fields=["email_about_events"])


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
