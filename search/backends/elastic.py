"""Search and autocomplete answered by Elasticsearch: send the bodies `search.query` builds,
and turn the answer into `SearchResults`. Raises `SearchUnavailable` when the node cannot
answer, so `search.services` can fall back to the database."""

import logging
import time
import unicodedata
from contextvars import ContextVar
from datetime import datetime
from functools import partial

import nh3
from django.contrib.auth.models import AnonymousUser
from django.db.models import CharField, QuerySet, Value
from django.utils.safestring import SafeString, mark_safe
from elasticsearch import ApiError, NotFoundError, TransportError

from community.permissions import AnyUser
from community.selectors.communities import communities_known_to
from knowledge.models import Organisation, Region, ServiceArea
from search import elasticsearch
from search.audience import audiences_for
from search.backends import SearchUnavailable, opening_words, tag_suggestion
from search.documents import alias_name
from search.facets import DATE_FACET, FACET_FIELDS, selected_values
from search.query import (
    build_autocomplete_body,
    build_count_body,
    build_search_body,
    clamp_page,
    needs_loosening,
)
from search.query import corrections as suggested_corrections
from search.sources import sources
from search.synonyms import expand
from search.types import (
    BACKEND_ELASTICSEARCH,
    DATE_RANGES,
    SORT_NEWEST,
    SORT_RELEVANCE,
    Facet,
    FacetValue,
    Hit,
    SearchFilters,
    SearchResults,
    Suggestion,
)

logger = logging.getLogger(__name__)

AUTOCOMPLETE_MAX_TAGS = 3
MAX_QUERY_WORDS = 32


# The longest one request of this search waited for Elasticsearch: what the circuit breaker
# judges the node by (search.services), leaving out our own work around it (the vocabulary,
# facet labels from the database); None when the search needed no request. Per context, so
# threads never see each other's.
_slowest_request: ContextVar[float | None] = ContextVar("slowest_request", default=None)


def slowest_request_seconds() -> float | None:
    return _slowest_request.get()


def forget_request_times() -> None:
    _slowest_request.set(None)


def _send(method: str, **arguments) -> dict:
    """Call the node with the short search timeout; whatever stops it answering becomes
    SearchUnavailable (`search.services` puts the circuit breaker around the whole search)."""
    client = elasticsearch.search_client()
    started = time.monotonic()
    try:
        return getattr(client, method)(index=alias_name(), **arguments).body
    except NotFoundError as error:
        raise SearchUnavailable(f"the search index is missing: {error}") from error
    except ApiError as error:
        if error.meta.status < 500:
            # A request the node refuses is Commons' bug: say so loudly, but keep search working.
            logger.error("Elasticsearch refused a search request: %s", error)
        raise SearchUnavailable(f"Elasticsearch answered {error.meta.status}") from error
    except TransportError as error:
        raise SearchUnavailable(f"Elasticsearch did not answer: {error}") from error
    finally:
        waited = time.monotonic() - started
        _slowest_request.set(max(waited, _slowest_request.get() or 0.0))


def search(
    query: str,
    *,
    user: AnyUser,
    filters: SearchFilters,
    sort: str = SORT_RELEVANCE,
    page: int = 1,
    per_page: int = 20,
) -> SearchResults:
    # Nobody types more than this; far longer input would only expand into thousands of clauses.
    query = " ".join(query.split()[:MAX_QUERY_WORDS])
    page = clamp_page(page, per_page)
    if not query and filters.is_empty():
        return SearchResults(query=query, hits=[], total=0, page=page, per_page=per_page)
    audiences = audiences_for(user)
    request = partial(
        build_search_body,
        query,
        audiences=audiences,
        filters=filters,
        sort=sort,
        page=page,
        per_page=per_page,
    )
    first = _send("search", **request())
    loose = bool(query) and needs_loosening(first)
    # "Did you mean" only when the words as typed found little: a correctly spelt question that
    # finds plenty is never second-guessed.
    fixes = _corrections(first, query) if loose else {}
    suggestion = _suggestion(query, fixes)
    # A suggestion is counted for this person (their audiences and filters, so a word only
    # members see is never leaked), loosened as the results it competes with were.
    counted = build_count_body(suggestion, audiences=audiences, filters=filters, loose=loose)
    if loose:
        # Few results for most of the words as typed: try again with any word and near misses
        # (TYPO_FALLBACK_BELOW), counting the suggestion in the same round trip.
        answer, found = _search_and_count(
            request(loose=True, corrections=fixes), counted if suggestion else None
        )
    else:
        answer, found = first, 0
    total = answer["hits"]["total"]["value"]
    scored = bool(query) and sort != SORT_NEWEST
    return SearchResults(
        query=query,
        hits=[_hit(raw, scored=scored) for raw in answer["hits"]["hits"]],
        total=total,
        page=page,
        per_page=per_page,
        facets=_facets(answer.get("aggregations", {}), filters, user=user),
        # Offered only when it finds at least as much as what was typed.
        did_you_mean=suggestion if found and found >= total else "",
        backend=BACKEND_ELASTICSEARCH,
    )


def _search_and_count(body: dict, count: dict | None) -> tuple[dict, int]:
    """A search and, when given, a count, in one `msearch` round trip (the node runs them side
    by side): the typo-tolerant retry and its suggestion's count."""
    if count is None:
        return _send("search", **body), 0
    searches = [{}, body, {}, {**count, "size": 0, "track_total_hits": True}]
    answered, counted = _send("msearch", searches=searches)["responses"]
    for response in (answered, counted):
        if "error" in response:
            status = response.get("status", 500)
            if status < 500:
                logger.error("Elasticsearch refused a search request: %s", response["error"])
            raise SearchUnavailable(f"Elasticsearch answered {status}")
    return answered, counted["hits"]["total"]["value"]


def autocomplete(prefix: str, *, user: AnyUser, limit: int = 8) -> list[Suggestion]:
    prefix = " ".join(prefix.split()[:MAX_QUERY_WORDS])
    if len(prefix) < 2 or limit < 1:
        return []
    body = build_autocomplete_body(prefix, audiences=audiences_for(user), limit=limit)
    answer = _send("search", **body)
    suggestions = _tag_suggestions(answer, prefix)[:AUTOCOMPLETE_MAX_TAGS]
    for raw in answer["hits"]["hits"]:
        if "title" in raw.get("matched_queries", ()):
            source = raw["_source"]
            suggestions.append(Suggestion(source["title"], source["kind"], source["url"]))
    # Two pages with the same title would read as one entry twice: offer the best-scored one.
    seen, unique = set(), []
    for suggestion in suggestions:
        key = (suggestion.text.casefold(), suggestion.kind)
        if key not in seen:
            seen.add(key)
            unique.append(suggestion)
    return unique[:limit]


# --- hits -----------------------------------------------------------------------------------


def _hit(raw: dict, *, scored: bool) -> Hit:
    source = raw["_source"]
    kind = source["kind"]
    return Hit(
        kind=kind,
        kind_label=sources()[kind].singular if kind in sources() else kind,
        title=source.get("title", ""),
        url=source.get("url", ""),
        snippet=_snippet(raw.get("highlight", {}), source.get("summary", "")),
        score=raw.get("_score") if scored else None,
        date=_parse_date(source.get("published_at")),
        meta=tuple(source.get("meta_line") or ()),
    )


def _snippet(highlight: dict, summary: str) -> SafeString:
    """The best highlighted fragment (escaped by Elasticsearch's html encoder, then cleaned to
    nothing but <mark>), or the start of the summary when no words matched there."""
    for field in ("summary", "body", "title"):
        fragments = highlight.get(field)
        if fragments:
            return mark_safe(nh3.clean(fragments[0], tags={"mark"}, attributes={}))  # noqa: S308
    return opening_words(summary)


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


# --- facets ---------------------------------------------------------------------------------


def _facets(aggregations: dict, filters: SearchFilters, *, user: AnyUser) -> list[Facet]:
    chosen = selected_values(filters)
    counts: dict[str, dict[str, int]] = {}
    for facet in FACET_FIELDS:
        agg = aggregations.get(facet.name, {})
        found = {b["key"]: b["doc_count"] for b in agg.get("values", {}).get("buckets", [])}
        for bucket in agg.get("selected", {}).get("buckets", []):
            found[bucket["key"]] = bucket["doc_count"]
        for value in chosen[facet.name]:
            found.setdefault(value, 0)
        counts[facet.name] = found
    labels = _labels(counts, user=user)
    facets = []
    for facet in FACET_FIELDS:
        values = tuple(
            FacetValue(
                value=value,
                label=labels[facet.name].get(value, value),
                count=count,
                selected=value in chosen[facet.name],
            )
            for value, count in counts[facet.name].items()
        )
        facets.append(Facet(name=facet.name, label=facet.label, values=values))
    facets.append(_date_facet(aggregations.get(DATE_FACET.name, {}), filters))
    return facets


def _date_facet(aggregation: dict, filters: SearchFilters) -> Facet:
    found = {b["key"]: b["doc_count"] for b in aggregation.get("values", {}).get("buckets", [])}
    values = tuple(
        FacetValue(key, label, found.get(key, 0), selected=key == filters.date)
        for key, (label, _since) in DATE_RANGES.items()
        if found.get(key, 0) or key == filters.date
    )
    return Facet(name=DATE_FACET.name, label=DATE_FACET.label, values=values)


def _named(user: AnyUser) -> dict[str, QuerySet]:
    """Facets whose values are slugs, and where their names come from. Communities only from
    those the person may know of: a private community's slug typed into the address must not
    come back with its name."""
    return {
        "organisation": Organisation.objects.all(),
        "service_area": ServiceArea.objects.all(),
        # A search made without a person (None, as in the backend contract) is an outsider's.
        "community": communities_known_to(user or AnonymousUser()),
    }


def _labels(counts: dict[str, dict[str, int]], *, user: AnyUser) -> dict[str, dict[str, str]]:
    """Human names for facet values: the sources name kinds, regions are choices, and the named
    facets' values shown are looked up together, in one database query (none if nothing shown)."""
    named = _named(user)
    labels: dict[str, dict[str, str]] = {
        "kind": {kind: source.label for kind, source in sources().items()},
        "tag": {},
        "region": dict(Region.choices),
        **{name: {} for name in named},
    }
    for facet, slug, name in _names(counts, named):
        labels[facet][slug] = name
    return labels


def _names(
    counts: dict[str, dict[str, int]], named: dict[str, QuerySet]
) -> list[tuple[str, str, str]]:
    """(facet, slug, name) for the named facets' values, as one UNION query."""
    # Without the models' default ordering: SQLite refuses ORDER BY inside a UNION's parts.
    queries = [
        queryset.filter(slug__in=list(counts[facet]))
        .order_by()
        .annotate(facet=Value(facet, output_field=CharField()))
        .values_list("facet", "slug", "name")
        for facet, queryset in named.items()
        if counts.get(facet)
    ]
    if not queries:
        return []
    first, *others = queries
    return list(first.union(*others, all=True)) if others else list(first)


# --- suggestions ----------------------------------------------------------------------------


def _corrections(answer: dict, query: str) -> dict[str, str]:
    """The index's corrections of words it does not hold, but never of a word the vocabulary
    knows (an acronym, a synonym), one typed in capitals, or a short one."""
    known = {word for concept in expand(query) if concept.known for word in concept.typed.split()}
    protected = {
        word.casefold() for word in query.split() if word.isupper() or len(word) < 4
    } | known
    return {
        word: correction
        for word, correction in suggested_corrections(answer).items()
        if word not in protected and correction != word
    }


def _suggestion(query: str, fixes: dict[str, str]) -> str:
    """The question with each misspelt word corrected, or "" when nothing was."""
    if not fixes:
        return ""
    return " ".join(fixes.get(word.casefold(), word) for word in query.split())


def _tag_suggestions(answer: dict, prefix: str) -> list[Suggestion]:
    """Tags whose words start with the typed words, most used first."""
    typed = [_folded(word) for word in prefix.split()]
    buckets = answer.get("aggregations", {}).get("tags", {}).get("values", {}).get("buckets", [])
    suggestions = []
    for bucket in buckets:
        tag = bucket["key"]
        words = [_folded(word) for word in tag.split()]
        if all(any(word.startswith(t) for word in words) for t in typed):
            suggestions.append(tag_suggestion(tag))
    return suggestions


def _folded(word: str) -> str:
    """Lowercase without accents, as the autocomplete analyser sees words."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
