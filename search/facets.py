"""The filters every search carries and the facets it counts, as Elasticsearch clauses.

Pure, like search/query.py, which puts them into the request bodies: who may see what
(`visibility_filters`), the site scope, and facets that combine (values within a facet ORed,
facets ANDed, each facet counted under every other facet's selection).
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from search.dates import date_math, months_back, oldest_months, time_zone
from search.types import DATE_RANGES, SearchFilters

TAG_FACET_SIZE = 15
FACET_SIZE = 30


@dataclass(frozen=True)
class FacetField:
    name: str  # query-string parameter, Facet.name
    label: str
    field: str  # the keyword field in the index
    size: int = FACET_SIZE


# In the order the search page shows them; "date" is its own range facet (see DATE_FACET).
FACET_FIELDS = (
    FacetField("kind", "Type of content", "kind"),
    FacetField("tag", "Tag", "tags", TAG_FACET_SIZE),
    FacetField("organisation", "Organisation", "organisations"),
    FacetField("service_area", "Service area", "service_areas"),
    FacetField("community", "Community", "community"),
    FacetField("region", "Region", "region"),
)
DATE_FACET = FacetField("date", "Date", "published_at")


def selected_values(filters: SearchFilters) -> dict[str, tuple[str, ...]]:
    """Each facet's selected values, by facet name."""
    return {
        "kind": filters.kinds,
        "tag": filters.tags,
        "organisation": filters.organisations,
        "service_area": filters.service_areas,
        "community": filters.communities,
        "region": filters.regions,
        "date": (filters.date,) if filters.date in DATE_RANGES else (),
    }


def visibility_filters(audiences: list[str], *, today: date | None = None) -> list[dict]:
    """What the person may find at all: their audiences, and no expired offers or needs."""
    today = today or timezone.localdate()
    expired_listing = {
        "bool": {
            "filter": [
                {"term": {"kind": "listing"}},
                {"range": {"expires_on": {"lt": today.isoformat()}}},
            ]
        }
    }
    return [
        {"terms": {"audience": list(audiences)}},
        {"bool": {"must_not": [expired_listing]}},
    ]


def scope_filters(filters: SearchFilters) -> list[dict]:
    if filters.site_organisation:
        return [{"term": {"organisations": filters.site_organisation}}]
    return []


def date_range_filter(key: str) -> dict:
    months = months_back(key)
    # "Older" is before the longest dated range reaches.
    bound = {"gte": date_math(months)} if months else {"lt": date_math(oldest_months())}
    return {"range": {"published_at": {**bound, "time_zone": time_zone()}}}


def facet_filter(name: str, values: tuple[str, ...]) -> dict | None:
    """One facet's selection: values within a facet are ORed."""
    if not values:
        return None
    if name == DATE_FACET.name:
        return date_range_filter(values[0])
    field = next(facet.field for facet in FACET_FIELDS if facet.name == name)
    return {"terms": {field: list(values)}}


def selected_facet_filters(filters: SearchFilters, *, except_facet: str = "") -> list[dict]:
    """Every selected facet's filter (ANDed), leaving one facet out when asked."""
    chosen = []
    for name, values in selected_values(filters).items():
        if name == except_facet:
            continue
        clause = facet_filter(name, values)
        if clause:
            chosen.append(clause)
    return chosen


def all_of(clauses: list[dict]) -> dict:
    return {"bool": {"filter": clauses}} if clauses else {"match_all": {}}


def aggregations(filters: SearchFilters) -> dict:
    """One aggregation per facet, each counted under every OTHER facet's selection, so a facet
    keeps showing its alternatives while the rest narrow it."""
    chosen = selected_values(filters)
    aggs = {}
    for facet in FACET_FIELDS:
        values = {"values": {"terms": {"field": facet.field, "size": facet.size}}}
        if chosen[facet.name]:
            # Selected values stay shown with their true count even outside the top buckets.
            values["selected"] = {
                "terms": {
                    "field": facet.field,
                    "include": list(chosen[facet.name]),
                    "size": len(chosen[facet.name]),
                }
            }
        aggs[facet.name] = {
            "filter": all_of(selected_facet_filters(filters, except_facet=facet.name)),
            "aggs": values,
        }
    ranges = [
        {"key": key, "from": date_math(months)}
        if months
        else {"key": key, "to": date_math(oldest_months())}
        for key, (_label, months) in DATE_RANGES.items()
    ]
    date_range = {"field": DATE_FACET.field, "time_zone": time_zone(), "ranges": ranges}
    aggs[DATE_FACET.name] = {
        "filter": all_of(selected_facet_filters(filters, except_facet=DATE_FACET.name)),
        "aggs": {"values": {"date_range": date_range}},
    }
    return aggs
