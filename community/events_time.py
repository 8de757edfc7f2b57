"""Event times in GOV.UK style, in UK time: "Tuesday 12 January 2027, 2pm to 3:30pm"."""

import datetime
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def clock(value: datetime.datetime) -> str:
    """ "2pm", "3:30pm", and GOV.UK's "midday" and "midnight" (never "12pm" or "12am")."""
    if value.minute == 0 and value.hour == 12:
        return "midday"
    if value.minute == 0 and value.hour == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def day(value: datetime.datetime) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def event_when(starts_at: datetime.datetime, ends_at: datetime.datetime) -> str:
    """Both ends in UK time, whatever the server's zone; the day is written once when the event
    starts and ends on the same day."""
    start, end = starts_at.astimezone(UK), ends_at.astimezone(UK)
    if start.date() == end.date():
        return f"{day(start)}, {clock(start)} to {clock(end)}"
    return f"{day(start)}, {clock(start)} to {day(end)}, {clock(end)}"
