"""What the date filter's ranges mean, once for both backends: "in the past month" is since the
start of the same day last month (a calendar month, not thirty days), in the site's time zone.

Elasticsearch is sent date maths (`now-1M/d` with the site's `time_zone`); the database gets the
same bounds worked out here, with dateutil's months (31 March less a month is 28 February, as
Elasticsearch's date maths has it too)."""

from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from search.types import DATE_RANGES


def months_back(key: str) -> int | None:
    """How many calendar months a DATE_RANGES key reaches back; None for "older"."""
    _label, months = DATE_RANGES[key]
    return months


def oldest_months() -> int:
    """How far back the longest dated range reaches: "older" is before that."""
    return max(months for _label, months in DATE_RANGES.values() if months)


def date_math(months: int) -> str:
    """The range's lower bound as Elasticsearch date maths, rounded down to the day."""
    return f"now-{months}M/d"


def time_zone() -> str:
    """The zone whose midnight Elasticsearch rounds to, as the database does (`date_bounds`)."""
    return settings.TIME_ZONE


def date_bounds(
    key: str, *, now: datetime | None = None
) -> tuple[datetime | None, datetime | None]:
    """(from, before) for a DATE_RANGES key; (None, None) for an unknown one."""
    if key not in DATE_RANGES:
        return None, None
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    months = months_back(key)
    if months is None:
        return None, _months_before(today, oldest_months())
    return _months_before(today, months), None


def _months_before(day: datetime, months: int) -> datetime:
    # Built from the local date, not by subtracting from an aware time: across a change of
    # clocks the local midnight keeps its own offset.
    earlier = (day - relativedelta(months=months)).replace(tzinfo=None)
    return timezone.make_aware(earlier)
