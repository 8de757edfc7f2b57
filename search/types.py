"""The shapes search answers in, whichever backend answers: Elasticsearch or the database."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.safestring import SafeString

SORT_RELEVANCE = "relevance"
SORT_NEWEST = "newest"
SORTS = (SORT_RELEVANCE, SORT_NEWEST)

SCOPE_NETWORK = "network"
SCOPE_SITE = "site"

# Date facet buckets, newest first: value -> (label, calendar months back, or None for older
# than the longest range). What the months mean, for both backends: `search.dates`.
DATE_RANGES: dict[str, tuple[str, int | None]] = {
    "past-month": ("In the past month", 1),
    "past-year": ("In the past year", 12),
    "older": ("More than a year ago", None),
}

# How long a hit's snippet is, in words, whichever backend cuts it.
SNIPPET_WORDS = 35

BACKEND_ELASTICSEARCH = "elasticsearch"
BACKEND_DATABASE = "database"


@dataclass(frozen=True)
class SearchFilters:
    """What a person narrowed the search to. Values are slugs (or kind and region codes)."""

    kinds: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    service_areas: tuple[str, ...] = ()
    communities: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    date: str = ""  # a key of DATE_RANGES, or "" for any date
    # Scope "site": only work involving the organisation behind this site's branding.
    site_organisation: str = ""

    def is_empty(self) -> bool:
        return not any(
            (
                self.kinds,
                self.tags,
                self.organisations,
                self.service_areas,
                self.communities,
                self.regions,
                self.date,
                self.site_organisation,
            )
        )


@dataclass(frozen=True)
class Hit:
    kind: str
    kind_label: str
    title: str
    url: str
    snippet: SafeString  # sanitised HTML: matched words in <mark>
    score: float | None
    date: datetime | None
    meta: tuple[str, ...] = ()  # short facts shown under the title: organisations, community...


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Facet:
    name: str  # its query-string parameter, such as "kind" or "service_area"
    label: str
    values: tuple[FacetValue, ...]


@dataclass(frozen=True)
class Suggestion:
    """An autocomplete entry: a title to go to, or a tag to search for."""

    text: str
    kind: str  # a document kind, or "tag"
    url: str


@dataclass
class SearchResults:
    query: str
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: list[Facet] = field(default_factory=list)
    did_you_mean: str = ""
    backend: str = BACKEND_ELASTICSEARCH
    # True when Elasticsearch is configured but did not answer, and the database answered instead.
    degraded: bool = False
    # True when the database search ran past its time limit and was stopped: nothing was found
    # because the search gave up, not because nothing matched.
    timed_out: bool = False

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.per_page))
