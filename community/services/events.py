"""Changing events: moderators create, edit and cancel them; people take and give up places;
the emails about them (a reminder the day before, and word of a cancellation) go once each.

Each email is recorded (`EventEmail`) before it is sent, so a rerun of the reminder job or a
second cancel sends nothing twice; a mail server failure is logged and that email is not retried
(a late reminder is worse than none).
"""

import logging
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from commons.links import absolute_url
from commons.text import one_line
from community.models import (
    Community,
    Event,
    EventEmail,
    EventFeed,
    EventSignup,
    Notification,
    User,
)
from community.permissions import can_manage_events, can_sign_up, readers_among, verified_among

logger = logging.getLogger(__name__)

EVENT_FIELDS = (
    "title", "description_markdown", "starts_at", "ends_at", "place", "online_link", "capacity",
)  # fmt: skip
REMINDER_AHEAD = timezone.timedelta(hours=24)


class EventFull(Exception):
    """No places are left."""


def event_create(*, community: Community, by: User, **fields) -> Event:
    if not can_manage_events(by, community):
        raise PermissionDenied("Only this community's moderators can add events.")
    event = Event(community=community, created_by=by, **fields)
    event.full_clean()
    event.save()
    return event


def event_update(*, event: Event, by: User, **fields) -> Event:
    if not can_manage_events(by, event.community):
        raise PermissionDenied("Only this community's moderators can change its events.")
    if event.is_cancelled:
        raise ValidationError("A cancelled event cannot be changed.")
    for name, value in fields.items():
        if name not in EVENT_FIELDS:
            raise TypeError(name)
        setattr(event, name, value)
    event.full_clean()
    event.save()
    return event


def event_cancel(*, event: Event, by: User) -> Event:
    """Cancel it and tell everyone who had a place, once, on the site and by email."""
    if not can_manage_events(by, event.community):
        raise PermissionDenied("Only this community's moderators can cancel its events.")
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.is_cancelled:
            return locked
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["cancelled_at", "updated_at"])
        people = _people_to_tell(locked, _signed_up_ids(locked))
        message = one_line(f"“{locked.title}” in {locked.community.name} is cancelled")[:300]
        Notification.objects.bulk_create(
            Notification(user_id=pk, message=message, url=locked.get_absolute_url())
            for pk in people
        )
        emailed = _emails_record(locked, people, EventEmail.Kind.CANCELLED)
        transaction.on_commit(lambda: _emails_send(locked, emailed, EventEmail.Kind.CANCELLED))
    event.cancelled_at = locked.cancelled_at
    return locked


def signup_create(*, event: Event, person: User) -> EventSignup:
    """Take a place. Taking it twice keeps the one place. The event row is locked while places
    are counted, so two people cannot both take the last one."""
    if not can_sign_up(person, event.community):
        raise PermissionDenied("You cannot sign up for this event.")
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        existing = EventSignup.objects.filter(event=locked, person=person).first()
        if existing is not None:
            return existing
        if locked.is_cancelled:
            raise ValidationError("This event is cancelled.")
        if locked.ends_at <= timezone.now():
            raise ValidationError("This event is over.")
        if locked.capacity is not None and locked.signups.count() >= locked.capacity:
            raise EventFull("This event is full.")
        try:
            with transaction.atomic():
                return EventSignup.objects.create(event=locked, person=person)
        except IntegrityError:
            return EventSignup.objects.get(event=locked, person=person)


def signup_cancel(*, event: Event, person: User) -> bool:
    """Give up a place. Returns whether there was one."""
    deleted, _ = EventSignup.objects.filter(event=event, person=person).delete()
    return deleted > 0


def event_feed_for(person: User) -> EventFeed:
    feed, _ = EventFeed.objects.get_or_create(person=person)
    return feed


def event_feed_reset(person: User) -> EventFeed:
    """A new secret address; the old one stops working at once."""
    EventFeed.objects.filter(person=person).delete()
    return EventFeed.objects.create(person=person)


# --- emails ----------------------------------------------------------------------------------


def _signed_up_ids(event: Event) -> set[int]:
    return set(event.signups.values_list("person_id", flat=True))


def _people_to_tell(event: Event, person_ids: Iterable[int]) -> set[int]:
    """Those who may still read the community, with a verified address: the rest hear nothing
    (someone who left a members-only community must not learn of its events by email)."""
    readers = readers_among(person_ids, event.community)
    return verified_among(readers)


def _emails_record(event: Event, person_ids: set[int], kind: str) -> list[int]:
    """Record an email for each person who wants them and has none of this kind yet; returns
    whom to send to. One insert each, so that when two runs overlap the unique constraint gives
    each person's email to exactly one of them."""
    wanting = User.objects.filter(
        pk__in=person_ids, is_active=True, email_about_events=True
    ).exclude(pk__in=EventEmail.objects.filter(event=event, kind=kind).values("person_id"))
    ours = []
    for pk in wanting.values_list("pk", flat=True):
        try:
            with transaction.atomic():
                EventEmail.objects.create(event=event, person_id=pk, kind=kind)
        except IntegrityError:
            continue
        ours.append(pk)
    return ours


def _emails_send(event: Event, person_ids: Iterable[int], kind: str) -> int:
    """Runs outside any transaction. Returns how many went."""
    template = f"community/events/email_{kind}.txt"
    link = absolute_url(event.get_absolute_url())
    settings_link = absolute_url(reverse("community:notification_settings"))
    subject_text = "Reminder" if kind == EventEmail.Kind.REMINDER else "Cancelled"
    sent = 0
    for person in User.objects.filter(pk__in=list(person_ids)):
        body = render_to_string(
            template,
            {
                "user": person,
                "event": event,
                "when": event.when,
                "link": link,
                "settings_link": settings_link,
            },
        )
        email = EmailMessage(
            subject=one_line(f"{subject_text}: {event.title}")[:150], body=body, to=[person.email]
        )
        try:
            email.send()
        except Exception:
            logger.exception("Could not email %s about event %s", kind, event.pk)
            continue
        sent += 1
    return sent


def event_reminders_send(*, now=None) -> int:
    """Email each person with a place at an event starting in the next 24 hours, once."""
    now = now or timezone.now()
    events = Event.objects.filter(
        cancelled_at__isnull=True, starts_at__gt=now, starts_at__lte=now + REMINDER_AHEAD
    ).select_related("community")
    sent = 0
    for event in events:
        owed = _people_to_tell(event, _signed_up_ids(event))
        to_send = _emails_record(event, owed, EventEmail.Kind.REMINDER)
        sent += _emails_send(event, to_send, EventEmail.Kind.REMINDER)
    return sent
