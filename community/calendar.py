"""Events as iCalendar (RFC 5545), for calendar apps: a community's feed and a person's own."""

import datetime
from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from commons.links import absolute_url
from community.models import Event

PRODUCT_ID = "-//Commons//Community events//EN"


def _uid(event: Event) -> str:
    # Stable for the life of the event, so calendars update it rather than adding a copy.
    return f"event-{event.pk}@commons"


def calendar_of(events: Iterable[Event], *, name: str) -> bytes:
    """Times in UTC (calendar apps show them in the reader's zone); a cancelled event stays in
    the feed with STATUS:CANCELLED so calendars that already hold it strike it out."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", _uid(event))
        entry.add("dtstamp", stamp)
        entry.add("last-modified", event.updated_at)
        entry.add("dtstart", event.starts_at.astimezone(datetime.UTC))
        entry.add("dtend", event.ends_at.astimezone(datetime.UTC))
        entry.add("summary", event.title)
        url = absolute_url(event.get_absolute_url())
        entry.add("url", url)
        location = ", ".join(part for part in (event.place, event.online_link) if part)
        entry.add("location", location)
        # Markdown reads well enough as plain text, which is all a calendar shows.
        entry.add("description", f"{event.description_markdown}\n\n{url}".strip())
        entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
        calendar.add_component(entry)
    return calendar.to_ical()
