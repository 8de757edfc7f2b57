"""PostgreSQL full-text search for the database backend, over `SearchEntry`: each entry's
weighted tsvector is stored and GIN-indexed (written with the entry: `search.entries`), so a
search only matches the index and ranks what it found; no text is analysed while it runs.

A question is an OR of every concept and its synonyms; what matches is ranked by how many
concepts it mentions, then `ts_rank`, times the kind's prior, in one query for every kind (and
one for the kind counts). Snippets come from `ts_headline`, for the page's entries only.
"""

import nh3
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat, Replace
from django.utils.safestring import SafeString, mark_safe

from search.query import KIND_PRIORS
from search.synonyms import Concept
from search.types import SNIPPET_WORDS, SORT_NEWEST

CONFIG = "english"
# ts_rank's length normalisation: none. Dividing by 1 + log(length) (1) let short pages outrank
# the long case studies that answer a question, as Elasticsearch's default b did: on the judged
# set 0 scored 0.858 nDCG@5 (tuned) and 0.841 (held out) against 0.825 and 0.833.
RANK_NORMALIZATION = 0
# ts_headline marks matches with these; the text is escaped in Python and then they become
# <mark>, so nothing in the content can inject markup.
START, STOP = "\u27e6", "\u27e7"


def escape_html(expression) -> Replace:
    escaped = expression
    for character, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        escaped = Replace(escaped, Value(character), Value(entity), output_field=TextField())
    return escaped


def tsquery(concepts: list[Concept]) -> SearchQuery:
    """Any concept, in any of its phrasings: an OR, so a question's every word need not appear."""
    combined = None
    for concept in concepts:
        part = concept_tsquery(concept)
        combined = part if combined is None else combined | part
    return combined


def concept_tsquery(concept: Concept) -> SearchQuery:
    combined = None
    for phrase in concept.alternatives:
        search_type = "phrase" if " " in phrase else "plain"
        part = SearchQuery(phrase, search_type=search_type, config=CONFIG)
        combined = part if combined is None else combined | part
    return combined


def coverage(concepts: list[Concept]):
    """How many of the question's concepts a row mentions. PostgreSQL's ranking knows nothing of
    how common a word is, so "council", in every organisation's name, would otherwise outrank
    the case study that mentions three of the four things asked about."""
    counted = [
        Case(When(vector=concept_tsquery(concept), then=Value(1)), default=Value(0))
        for concept in concepts
    ]
    total = counted[0]
    for part in counted[1:]:
        total = total + part
    return total


def prior():
    """The kind's prior (`search.query.KIND_PRIORS`), as Elasticsearch applies it."""
    return Case(
        *(When(kind=kind, then=Value(weight)) for kind, weight in KIND_PRIORS.items()),
        default=Value(1.0),
        output_field=FloatField(),
    )


def matching(entries: QuerySet, concepts: list[Concept]) -> QuerySet:
    """The entries that mention any concept: one GIN index lookup."""
    return entries.filter(vector=tsquery(concepts))


def counts(entries: QuerySet, concepts: list[Concept]) -> dict[str, int]:
    """How many entries of each kind match."""
    rows = matching(entries, concepts).order_by().values("kind").annotate(n=Count("id"))
    return {row["kind"]: row["n"] for row in rows}


def rank(
    entries: QuerySet,
    concepts: list[Concept],
    *,
    sort: str,
    limit: int,
    within: SearchQuery | None = None,
) -> list[dict]:
    """The best `limit` matching entries, each with its `score`. `within` narrows what is ranked
    to entries that also match it (those that can reach the page: `database_pruning`)."""
    query = tsquery(concepts)
    found = matching(entries, concepts)
    if within is not None:
        found = found.filter(vector=within)
    rows = found.annotate(
        # Concepts mentioned first, then PostgreSQL's rank (mostly below 1) among equals.
        score=(
            coverage(concepts)
            + SearchRank(F("vector"), query, normalization=Value(RANK_NORMALIZATION))
        )
        * prior()
    )
    if sort == SORT_NEWEST:
        rows = rows.order_by(F("published_at").desc(nulls_last=True), "-score", "id")
    else:
        rows = rows.order_by("-score", F("published_at").desc(nulls_last=True), "id")
    return list(rows.values("id", "kind", "score", "published_at")[:limit])


def shown(entry_ids: list[int], concepts: list[Concept]) -> dict[int, dict]:
    """What the page's hits show, by entry id: title, link, facts, summary, and the best passage
    of the summary and body with matched words in <mark> (`snippet`)."""
    from search.models import SearchEntryText

    # Headlines are cut from escaped text, before ts_headline adds any marker.
    text = escape_html(Concat("summary", Value(" \n "), "body", output_field=TextField()))
    headline = SearchHeadline(
        text,
        tsquery(concepts),
        config=CONFIG,
        start_sel=START,
        stop_sel=STOP,
        max_words=SNIPPET_WORDS,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )
    rows = (
        SearchEntryText.objects.filter(entry_id__in=entry_ids)
        .annotate(_snippet=headline)
        .values("entry_id", "title", "url", "meta", "summary", "_snippet")
    )
    return {row["entry_id"]: {**row, "snippet": marked(row.pop("_snippet") or "")} for row in rows}


def marked(headline: str) -> SafeString:
    """The headline's markers as <mark>; cleaned to nothing but <mark>, so neither a marker that
    happened to be in the text nor anything else can leave markup behind."""
    text = " ".join(headline.split()).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(nh3.clean(text, tags={"mark"}, attributes={}))  # noqa: S308
