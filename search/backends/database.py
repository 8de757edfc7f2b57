"""Search answered by the database: the embedded default (SQLite, no Elasticsearch) and the
fallback when Elasticsearch is down (PostgreSQL full-text search).

It finds the same things Elasticsearch would, for the same people: every kind through its
`Source.indexable()`, members-only threads for their readers only, no expired offers or needs.
A question is an OR of its concepts and their local-government synonyms (`search.synonyms`),
ranked by how many concepts match and where. Each kind is ranked on its own (one query each)
and the kinds are merged here. The only facet is the kind, and there is no "did you mean".
"""

import logging
from dataclasses import replace

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from taggit.models import Tag

from community.permissions import AnyUser
from search.audience import audiences_for
from search.backends import (
    database_lexicon,
    database_portable,
    database_postgres,
    tag_suggestion,
)
from search.backends.database_fields import BY_KIND, KINDS, KindFields, Ranked, restrict, visible_to
from search.query import KIND_PRIORS
from search.sources.base import as_datetime
from search.synonyms import expand
from search.types import (
    BACKEND_DATABASE,
    SORT_NEWEST,
    Facet,
    FacetValue,
    Hit,
    SearchFilters,
    SearchResults,
    Suggestion,
)

logger = logging.getLogger(__name__)

KIND_FACET = ("kind", "Type of content")  # as search.query.FACET_FIELDS names it
# Deeper than this, each kind would hand over thousands of rows to merge: stop at the last page.
MAX_DEPTH = 1000
AUTOCOMPLETE_MAX_TAGS = 3


def _full_text() -> bool:
    return connection.vendor == "postgresql"


def search(
    query: str,
    *,
    user: AnyUser,
    filters: SearchFilters,
    sort: str,
    page: int,
    per_page: int,
) -> SearchResults:
    per_page = max(1, per_page)
    page = min(max(1, page), max(1, MAX_DEPTH // per_page))
    concepts = database_lexicon.with_spellings(expand(query))
    results = SearchResults(
        query=query, hits=[], total=0, page=page, per_page=per_page, backend=BACKEND_DATABASE
    )
    if not concepts:
        return results
    audiences = audiences_for(user)
    matcher = None if _full_text() else database_portable.Matcher.build(concepts)
    counts: dict[str, int] = {}
    ranked: list[Ranked] = []
    for kind in KINDS:
        queryset = searchable(kind, filters, audiences)
        if queryset is None:
            continue
        if matcher is None:
            found, best = database_postgres.rank(
                kind, queryset, concepts, sort=sort, limit=page * per_page
            )
        else:
            found, best = database_portable.rank(
                kind, queryset, matcher, sort=sort, limit=page * per_page
            )
        counts[kind.kind] = found
        if not filters.kinds or kind.kind in filters.kinds:
            prior = KIND_PRIORS.get(kind.kind, 1.0)
            ranked.extend(replace(row, score=row.score * prior) for row in best)
    ranked.sort(key=_sort_key(sort))
    on_page = ranked[(page - 1) * per_page : page * per_page]
    results.hits = _hits(on_page, concepts, matcher, scored=sort != SORT_NEWEST)
    results.total = sum(
        n for kind, n in counts.items() if not filters.kinds or kind in filters.kinds
    )
    results.facets = [_kind_facet(counts, filters)]
    return results


def searchable(kind: KindFields, filters: SearchFilters, audiences: list[str]) -> QuerySet | None:
    """What of this kind this person may find, narrowed to the filters (the kind filter aside:
    the kind facet counts every kind, as Elasticsearch's does)."""
    model = kind.model
    queryset = model.objects.filter(pk__in=kind.source.indexable().values("pk"))
    return restrict(kind, visible_to(kind, queryset, audiences), filters)


def _sort_key(sort: str):
    if sort == SORT_NEWEST:
        return lambda r: (r.date is None, -(r.date.timestamp() if r.date else 0), -r.score)
    return lambda r: (-r.score, r.date is None, -(r.date.timestamp() if r.date else 0))


def _hits(rows: list[Ranked], concepts, matcher, *, scored: bool) -> list[Hit]:
    """Hits in the order given: objects loaded and snippets cut per kind, not per row."""
    by_kind: dict[str, list[Ranked]] = {}
    for row in rows:
        by_kind.setdefault(row.kind, []).append(row)
    loaded: dict[tuple[str, int], tuple[object, SafeString]] = {}
    for kind_name, kind_rows in by_kind.items():
        kind = BY_KIND[kind_name]
        if matcher is None:
            ids = [row.pk for row in kind_rows]
            marked = database_postgres.snippets(kind, ids, concepts)
            for obj in kind.source.indexable().filter(pk__in=ids):
                loaded[(kind_name, obj.pk)] = (obj, marked.get(obj.pk, ""))
        else:
            for row in kind_rows:
                snippet = database_portable.snippet(kind, row.obj, matcher)
                loaded[(kind_name, row.pk)] = (row.obj, snippet)
    hits = []
    for row in rows:
        if (row.kind, row.pk) not in loaded:
            continue  # gone between the two queries
        obj, snippet = loaded[(row.kind, row.pk)]
        hits.append(_hit(BY_KIND[row.kind], obj, snippet, row.score if scored else None))
    return hits


def _hit(kind: KindFields, obj, snippet: SafeString, score: float | None) -> Hit:
    source = kind.source
    if not snippet.strip():
        snippet = escape(Truncator(source.prepare_summary(obj)).words(35))
    return Hit(
        kind=kind.kind,
        kind_label=source.singular,
        title=source.prepare_title(obj),
        url=source.prepare_url(obj),
        snippet=snippet,
        score=float(score) if score is not None else None,
        date=as_datetime(source.prepare_published_at(obj)),
        meta=tuple(source.prepare_meta_line(obj)),
    )


def _kind_facet(counts: dict[str, int], filters: SearchFilters) -> Facet:
    values = tuple(
        FacetValue(
            value=kind.kind,
            label=kind.source.label,
            count=counts.get(kind.kind, 0),
            selected=kind.kind in filters.kinds,
        )
        for kind in KINDS
        if counts.get(kind.kind) or kind.kind in filters.kinds
    )
    name, label = KIND_FACET
    return Facet(name=name, label=label, values=values)


# --- autocomplete ---------------------------------------------------------------------------


def autocomplete(prefix: str, *, user: AnyUser, limit: int = 8) -> list[Suggestion]:
    """Titles whose words start with what was typed, then tags, across every kind."""
    prefix = " ".join(prefix.split())
    if len(prefix) < 2 or limit < 1:
        return []
    audiences = audiences_for(user)
    suggestions = _tag_suggestions(prefix, audiences)[:AUTOCOMPLETE_MAX_TAGS]
    titles: list[tuple[int, int, str, int]] = []
    for kind in KINDS:
        starts = Q(**{f"{kind.title}__istartswith": prefix}) | Q(
            **{f"{kind.title}__icontains": f" {prefix}"}
        )
        queryset = searchable(kind, SearchFilters(), audiences).filter(starts)
        for pk, title in queryset.values_list("pk", kind.title)[:limit]:
            at_start = 0 if title.lower().startswith(prefix.lower()) else 1
            titles.append((at_start, len(title), kind.kind, pk))
    titles.sort()
    chosen = titles[: max(0, limit - len(suggestions))]
    by_kind: dict[str, list[int]] = {}
    for _, _, kind_name, pk in chosen:
        by_kind.setdefault(kind_name, []).append(pk)
    found = {}
    for kind_name, ids in by_kind.items():
        source = BY_KIND[kind_name].source
        for obj in source.indexable().filter(pk__in=ids):
            found[(kind_name, obj.pk)] = Suggestion(
                text=source.prepare_title(obj), kind=kind_name, url=source.prepare_url(obj)
            )
    titled = [found[(kind, pk)] for _, _, kind, pk in chosen if (kind, pk) in found]
    return list(dict.fromkeys([*suggestions, *titled]))[:limit]


def _tag_suggestions(prefix: str, audiences: list[str]) -> list[Suggestion]:
    """Tags on something this person can find, a word of which starts with what was typed."""
    used = Q()
    for kind in KINDS:
        if "tags" in kind.lookups:
            used |= Q(pk__in=searchable(kind, SearchFilters(), audiences).values("tags"))
    tags = (
        Tag.objects.filter(used)
        .filter(Q(name__istartswith=prefix) | Q(name__icontains=f" {prefix}"))
        .order_by("name")
        .values_list("name", flat=True)[:AUTOCOMPLETE_MAX_TAGS]
    )
    return [tag_suggestion(name) for name in tags]
