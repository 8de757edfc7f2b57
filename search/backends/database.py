"""Search answered by the database: the embedded default (SQLite, no Elasticsearch) and the
fallback when Elasticsearch is down (PostgreSQL full-text search).

It searches the database's own copy of every search document (`SearchEntry`, kept in step by the
outbox: `search.entries`), so it finds the same things Elasticsearch would, for the same people:
the entry carries the document's audience, and what should not be found has no entry. A
question is an OR of its concepts and their local-government synonyms (`search.synonyms`),
ranked by how many concepts match and where, times the kind's prior. The only facet is the
kind, and there is no "did you mean".

On PostgreSQL each search runs under a time limit (`SEARCH_FALLBACK_TIMEOUT_MS`): past it, the
search answers with nothing and says it took too long, rather than hold a web worker.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, OperationalError, connection, transaction
from django.db.models import Q, QuerySet
from taggit.models import Tag

from community.permissions import AnyUser
from search import entries as search_entries
from search.audience import audiences_for
from search.backends import (
    database_entries,
    database_lexicon,
    database_portable,
    database_postgres,
    database_pruning,
    opening_words,
    tag_suggestion,
)
from search.query import KIND_PRIORS
from search.sources import Source, source_for, sources
from search.synonyms import Concept, expand
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
# Deeper than this, the ranking would hand over thousands of rows: stop at the last page.
MAX_DEPTH = 1000
AUTOCOMPLETE_MAX_TAGS = 3
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE when statement_timeout stops a query


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
    results = SearchResults(
        query=query, hits=[], total=0, page=page, per_page=per_page, backend=BACKEND_DATABASE
    )
    concepts = database_lexicon.with_spellings(expand(query))
    if not concepts:
        return results
    # Entries nobody has written yet (no worker in the embedded default; a worker behind in an
    # outage): a bounded batch, before the time limit starts.
    try:
        search_entries.catch_up()
    except DatabaseError:
        # A clash with the worker writing the same entries (a deadlock, say): it writes them
        # anyway, and the search must still answer. The failed write was rolled back alone.
        logger.exception("Catching up search entries failed; searching what is written")
    audiences = audiences_for(user)
    try:
        with time_limit():
            counts, rows = _ranked(concepts, audiences, filters, sort=sort, limit=page * per_page)
            on_page = rows[(page - 1) * per_page : page * per_page]
            results.hits = _hits(on_page, concepts, scored=sort != SORT_NEWEST)
    except OperationalError as error:
        if not timed_out(error):
            raise
        logger.warning("A database search took too long and was stopped: %r", query)
        results.timed_out = True
        results.degraded = True
        return results
    results.total = sum(
        n for kind, n in counts.items() if not filters.kinds or kind in filters.kinds
    )
    results.facets = [_kind_facet(counts, filters)]
    return results


@contextmanager
def time_limit():
    """On PostgreSQL, stop any statement inside after `SEARCH_FALLBACK_TIMEOUT_MS`. `SET LOCAL`
    needs a transaction; inside a caller's transaction the earlier limit is put back after."""
    if not _full_text():
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('statement_timeout')")
        (before,) = cursor.fetchone()
        limit = f"{int(settings.SEARCH_FALLBACK_TIMEOUT_MS)}ms"
        cursor.execute("SELECT set_config('statement_timeout', %s, true)", [limit])
        yield
        # Reached only when nothing failed: a failure rolls the savepoint, and the SET, back.
        cursor.execute("SELECT set_config('statement_timeout', %s, true)", [before])


def timed_out(error: OperationalError) -> bool:
    return getattr(error.__cause__, "pgcode", None) == QUERY_CANCELED


def _ranked(
    concepts: list[Concept], audiences: list[str], filters: SearchFilters, *, sort: str, limit: int
) -> tuple[dict[str, int], list[dict]]:
    """(matches per kind, the best `limit` entries of the chosen kinds, each with a `score`)."""
    entries = database_entries.narrowed(database_entries.visible_to(audiences), filters)
    if _full_text():
        counts = database_postgres.counts(entries, concepts)
        wanted = database_entries.of_kinds(entries, filters.kinds)
        groups = _rankable(wanted, concepts, filters, sort=sort, limit=limit)
        if groups is None:
            return counts, database_postgres.rank(wanted, concepts, sort=sort, limit=limit)
        rows = []
        for kinds, within in groups:
            rows.extend(
                database_postgres.rank(
                    wanted.filter(kind__in=kinds), concepts, sort=sort, limit=limit, within=within
                )
            )
        rows.sort(key=lambda row: (-row["score"], *_newest_first(row), row["id"]))
        return counts, rows[:limit]
    matcher = database_portable.Matcher.build(concepts)
    counts, rows = {}, []
    for kind in sources():
        found, best = database_portable.rank(
            entries.filter(kind=kind), matcher, sort=sort, limit=limit
        )
        if found:
            counts[kind] = found
        if not filters.kinds or kind in filters.kinds:
            prior = KIND_PRIORS.get(kind, 1.0)
            rows.extend({**row, "score": row["score"] * prior, "matcher": matcher} for row in best)
    rows.sort(key=_sort_key(sort))
    return counts, rows[:limit]


def _rankable(
    wanted: QuerySet, concepts: list[Concept], filters: SearchFilters, *, sort: str, limit: int
) -> list | None:
    """On PostgreSQL, groups of kinds to rank apart, each narrowed to what can reach the best
    `limit` by relevance (None: rank every match together)."""
    if sort == SORT_NEWEST:
        return None  # the newest may match a single concept
    kinds = filters.kinds or tuple(sources())
    priors = {kind: KIND_PRIORS.get(kind, 1.0) for kind in kinds}
    return database_pruning.rankable(wanted, concepts, limit=limit, priors=priors)


def _newest_first(row: dict) -> tuple:
    """Undated last, as PostgreSQL's `published_at DESC NULLS LAST` orders them."""
    day = row["published_at"]
    return (day is None, -(day.timestamp() if day else 0))


def _sort_key(sort: str):
    def newest(row: dict) -> tuple:
        day = row["published_at"]
        return (day is None, -(day.timestamp() if day else 0), -row["score"])

    def relevance(row: dict) -> tuple:
        day = row["published_at"]
        return (-row["score"], day is None, -(day.timestamp() if day else 0))

    return newest if sort == SORT_NEWEST else relevance


def _hits(rows: list[dict], concepts: list[Concept], *, scored: bool) -> list[Hit]:
    """Hits in the order given, from the entries alone: no content model is read."""
    if _full_text():
        shown = database_postgres.shown([row["id"] for row in rows], concepts)
        rows = [{**row, **shown[row["id"]]} for row in rows if row["id"] in shown]
    else:
        rows = [{**row, "snippet": database_portable.snippet(row, row["matcher"])} for row in rows]
    return [_hit(row, scored=scored) for row in rows]


def _hit(row: dict, *, scored: bool) -> Hit:
    snippet = row["snippet"]
    if not snippet.strip():
        snippet = opening_words(row["summary"])
    return Hit(
        kind=row["kind"],
        kind_label=source_for(row["kind"]).singular,
        title=row["title"],
        url=row["url"],
        snippet=snippet,
        score=float(row["score"]) if scored else None,
        date=row["published_at"],
        meta=tuple(row["meta"] or ()),
    )


def _kind_facet(counts: dict[str, int], filters: SearchFilters) -> Facet:
    values = tuple(
        FacetValue(
            value=kind,
            label=source.label,
            count=counts.get(kind, 0),
            selected=kind in filters.kinds,
        )
        for kind, source in sources().items()
        if counts.get(kind) or kind in filters.kinds
    )
    name, label = KIND_FACET
    return Facet(name=name, label=label, values=values)


def searchable(source: Source, audiences: list[str]) -> QuerySet:
    """What of this kind this person may find, in the content's own tables (for autocomplete)."""
    queryset = source.model.objects.filter(pk__in=source.indexable().values("pk"))
    return source.readable_by(queryset, audiences)


# --- autocomplete ---------------------------------------------------------------------------


def autocomplete(prefix: str, *, user: AnyUser, limit: int = 8) -> list[Suggestion]:
    """Titles whose words start with what was typed, then tags, across every kind."""
    prefix = " ".join(prefix.split())
    if len(prefix) < 2 or limit < 1:
        return []
    audiences = audiences_for(user)
    suggestions = _tag_suggestions(prefix, audiences)[:AUTOCOMPLETE_MAX_TAGS]
    titles: list[tuple[int, int, str, int]] = []
    for kind, source in sources().items():
        column = source.title_field
        starts = Q(**{f"{column}__istartswith": prefix}) | Q(
            **{f"{column}__icontains": f" {prefix}"}
        )
        queryset = searchable(source, audiences).filter(starts)
        for pk, title in queryset.values_list("pk", column)[:limit]:
            at_start = 0 if title.lower().startswith(prefix.lower()) else 1
            titles.append((at_start, len(title), kind, pk))
    titles.sort()
    chosen = titles[: max(0, limit - len(suggestions))]
    by_kind: dict[str, list[int]] = {}
    for _, _, kind_name, pk in chosen:
        by_kind.setdefault(kind_name, []).append(pk)
    found = {}
    for kind_name, ids in by_kind.items():
        source = source_for(kind_name)
        for obj in source.indexable().filter(pk__in=ids):
            found[(kind_name, obj.pk)] = Suggestion(
                text=source.prepare_title(obj), kind=kind_name, url=source.prepare_url(obj)
            )
    titled = [found[(kind, pk)] for _, _, kind, pk in chosen if (kind, pk) in found]
    return list(dict.fromkeys([*suggestions, *titled]))[:limit]


def _tag_suggestions(prefix: str, audiences: list[str]) -> list[Suggestion]:
    """Tags on something this person can find, a word of which starts with what was typed."""
    used = Q()
    for source in sources().values():
        if source.tagged:
            used |= Q(pk__in=searchable(source, audiences).values("tags"))
    tags = (
        Tag.objects.filter(used)
        .filter(Q(name__istartswith=prefix) | Q(name__icontains=f" {prefix}"))
        .order_by("name")
        .values_list("name", flat=True)[:AUTOCOMPLETE_MAX_TAGS]
    )
    return [tag_suggestion(name) for name in tags]
