"""What people search for, kept without anything personal: the normalised words and a count a day.

No user, session, address or time of day is stored. Terms that look like they carry personal
details (an email address, a phone or National Insurance number, any long run of digits) are not
stored at all: what remains of such a term could still identify someone.
"""

import datetime
import logging
import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from search.models import SearchTermDay

logger = logging.getLogger(__name__)

TERM_MAX_LENGTH = 200
REPORT_DAYS = 30

EMAIL = re.compile(r"\S+@\S+")
# Six or more digits, allowing the spaces, dashes and brackets people type inside numbers.
LONG_DIGIT_RUN = re.compile(r"\d(?:[\s\-().]*\d){5,}")
NATIONAL_INSURANCE_NUMBER = re.compile(r"\b[a-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d]?\b")


def normalise_term(query: str) -> str:
    """Lower case, single spaces, at most 200 characters."""
    return " ".join(query.lower().split())[:TERM_MAX_LENGTH].strip()


def looks_personal(term: str) -> bool:
    return bool(
        EMAIL.search(term) or LONG_DIGIT_RUN.search(term) or NATIONAL_INSURANCE_NUMBER.search(term)
    )


def record_search(query: str, *, found: int, day: datetime.date | None = None) -> bool:
    """Count one search for this term today (and one that found nothing, when it found nothing).
    Returns whether anything was stored."""
    term = normalise_term(query)
    if not term or looks_personal(term):
        return False
    day = day or timezone.localdate()
    increments = {
        "searches": F("searches") + 1,
        "searches_without_results": F("searches_without_results") + (0 if found else 1),
    }
    rows = SearchTermDay.objects.filter(term=term, day=day)
    if rows.update(**increments):
        return True
    try:
        with transaction.atomic():
            SearchTermDay.objects.create(
                term=term, day=day, searches=1, searches_without_results=0 if found else 1
            )
    except IntegrityError:
        # Someone else recorded the same term first, between our update and insert.
        rows.update(**increments)
    return True


@dataclass(frozen=True)
class TermCount:
    term: str
    searches: int
    without_results: int


def term_counts(days: int = REPORT_DAYS):
    """Each term searched in the last `days` days with its totals, most searched first (a
    queryset of dicts with term, searches and without_results)."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return (
        SearchTermDay.objects.filter(day__gte=since)
        .values("term")
        .annotate(searches=Sum("searches"), without_results=Sum("searches_without_results"))
        .order_by("-searches", "term")
    )


@dataclass(frozen=True)
class SearchReport:
    days: int
    top_terms: list[TermCount]
    terms_without_results: list[TermCount]


def report(days: int = REPORT_DAYS, limit: int = 50) -> SearchReport:
    """The most searched terms, and the terms that most often found nothing."""
    counts = term_counts(days)
    top = [TermCount(**row) for row in counts[:limit]]
    nothing = [
        TermCount(**row)
        for row in counts.filter(without_results__gt=0).order_by("-without_results", "term")[:limit]
    ]
    return SearchReport(days=days, top_terms=top, terms_without_results=nothing)
