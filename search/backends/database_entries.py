"""Which search entries a person may find, narrowed to the filters they chose: the same rules
Elasticsearch's `bool.filter` applies to the same documents (see `search.query`)."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from search.dates import date_bounds
from search.models import SearchEntry
from search.types import SearchFilters

# Filter name (a SearchFilters attribute) -> the entry's delimited column that holds its values.
DELIMITED_FILTERS = {
    "tags": "tags",
    "organisations": "organisations",
    "service_areas": "service_areas",
    "regions": "regions",
}


def visible_to(audiences: list[str]) -> QuerySet:
    """Entries for these audiences (members-only threads for their readers only), and offers
    and needs until the day they expire. Unpublished, private and moderated content has no
    entry at all: `Source.indexable()` leaves it out."""
    today = timezone.localdate()
    return SearchEntry.objects.filter(audience__in=audiences).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    )


def any_of(column: str, values) -> Q:
    """The entry holds any of these values in a delimited column."""
    either = Q()
    for value in values:
        either |= Q(**{f"{column}__contains": f"\n{value}\n"})
    return either


def narrowed(entries: QuerySet, filters: SearchFilters) -> QuerySet:
    """Every filter but the kind (the kind facet counts every kind, as Elasticsearch's does):
    values within one facet ORed, facets ANDed; an entry without the facet's field never
    matches it (a tag filter leaves out organisations)."""
    for name, column in DELIMITED_FILTERS.items():
        values = getattr(filters, name)
        if values:
            entries = entries.filter(any_of(column, values))
    if filters.communities:
        entries = entries.filter(community__in=filters.communities)
    if filters.site_organisation:
        entries = entries.filter(any_of("organisations", [filters.site_organisation]))
    if filters.date:
        start, before = date_bounds(filters.date)
        entries = entries.filter(published_at__isnull=False)
        if start:
            entries = entries.filter(published_at__gte=start)
        if before:
            entries = entries.filter(published_at__lt=before)
    return entries


def of_kinds(entries: QuerySet, kinds: tuple[str, ...]) -> QuerySet:
    return entries.filter(kind__in=kinds) if kinds else entries
