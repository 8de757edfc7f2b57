"""The demo's events (#17 item 5), written through the services as a moderator and the people
who sign up would. Idempotent: keyed on community and title."""

import datetime
import logging

from django.utils import timezone

from community import demo_data
from community.events_time import UK
from community.models import Community, Event, User
from community.services.events import event_create, signup_create

logger = logging.getLogger(__name__)


def _starts_at(days_ahead: int, hour: int) -> datetime.datetime:
    day = timezone.now().astimezone(UK).date() + datetime.timedelta(days=days_ahead)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=UK)


def events_demo_ensure(people: dict[str, User], moderator: User) -> int:
    """Create the demo events that are missing; returns how many were created."""
    created = 0
    for spec in demo_data.EVENTS:
        community = Community.objects.get(slug=spec["community"])
        if Event.objects.filter(community=community, title=spec["title"]).exists():
            continue
        starts_at = _starts_at(spec["days_ahead"], spec["hour"])
        event = event_create(
            community=community,
            by=moderator,
            title=spec["title"],
            description_markdown=spec["description"],
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=spec["minutes"]),
            place=spec["place"],
            online_link=spec["online_link"],
            capacity=spec["capacity"],
        )
        for username in spec["signed_up"]:
            signup_create(event=event, person=people[username])
        created += 1
    if created:
        logger.info("Created %s demo events", created)
    return created
