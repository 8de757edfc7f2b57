"""Reads about events: which a person may see, how many places are left, and their own."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from community.models import Community, Event, EventSignup
from community.permissions import AnyUser
from community.selectors.communities import communities_readable_by


def _with_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.select_related("community").annotate(signup_count=Count("signups"))


def upcoming_events(community: Community) -> QuerySet[Event]:
    """Events not yet over, soonest first, cancelled ones included (people who signed up need
    to see that); the caller has checked the person may read the community."""
    return _with_counts(community.events.filter(ends_at__gt=timezone.now()))


def event_in(community: Community, event_id: int) -> Event | None:
    """The event, counted, if it belongs to this community (whose readability the caller has
    checked)."""
    return _with_counts(Event.objects.filter(community=community, pk=event_id)).first()


def events_signed_up_for(user: AnyUser, *, upcoming_only: bool = True) -> QuerySet[Event]:
    """The events this person has a place at, in communities they may still read (someone who
    left a members-only community loses sight of its events, place or not)."""
    if not user.is_authenticated:
        return Event.objects.none()
    events = Event.objects.filter(
        pk__in=EventSignup.objects.filter(person=user).values("event_id"),
        community__in=communities_readable_by(user),
    )
    if upcoming_only:
        events = events.filter(ends_at__gt=timezone.now())
    return _with_counts(events)


def signed_up_event_ids(user: AnyUser, events: list[Event]) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        EventSignup.objects.filter(person=user, event__in=events).values_list("event_id", flat=True)
    )


def public_feed_events(community: Community) -> QuerySet[Event]:
    """A community's events for its calendar feed: from a month ago on, so a calendar keeps
    recent ones and learns of cancellations."""
    since = timezone.now() - timezone.timedelta(days=31)
    return Event.objects.filter(Q(community=community) & Q(ends_at__gt=since)).select_related(
        "community"
    )
