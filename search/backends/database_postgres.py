"""PostgreSQL full-text search for the fallback: weighted vectors built on the fly (no column or
migration needed), an OR of every concept and its synonyms, `ts_rank` and `ts_headline`.

One ranking query per kind (the window count rides along), and one headline query per kind
that appears on the page: the number of queries does not grow with the number of results.
"""

import nh3
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import (
    Case,
    Count,
    DateTimeField,
    F,
    Func,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.functions import Concat, Replace
from django.utils.safestring import SafeString, mark_safe

from search.backends import database_fields as fields_module
from search.backends.database_fields import KindFields, Ranked
from search.sources.base import as_datetime
from search.synonyms import Concept
from search.types import SORT_NEWEST

CONFIG = "english"
# ts_rank's length normalisation: none. Dividing by 1 + log(length) (1) let short pages outrank
# the long case studies that answer a question, as Elasticsearch's default b did: on the judged
# set 0 scored 0.858 nDCG@5 (tuned) and 0.841 (held out) against 0.825 and 0.833.
RANK_NORMALIZATION = 0
# ts_headline marks matches with these; the text is escaped in Python and then they become
# <mark>, so nothing in the content can inject markup.
START, STOP = "\u27e6", "\u27e7"
SNIPPET_WORDS = 35


class StripTags(Func):
    """Sanitised HTML as words, for headlines (vectors ignore tags by themselves)."""

    function = "regexp_replace"
    output_field = TextField()

    def __init__(self, expression):
        super().__init__(expression, Value("<[^>]*>"), Value(" "), Value("g"))


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
        Case(When(_vector=concept_tsquery(concept), then=Value(1)), default=Value(0))
        for concept in concepts
    ]
    total = counted[0]
    for part in counted[1:]:
        total = total + part
    return total


def _text(kind: KindFields, field: fields_module.TextField, *, plain: bool = False):
    if field.many:
        aggregate = StringAgg(field.path, " ", filter=field.many_filter)
        value = Subquery(
            kind.model.objects.filter(pk=OuterRef("pk"))
            .order_by()
            .values("pk")
            .annotate(_text=aggregate)
            .values("_text")[:1],
            output_field=TextField(),
        )
    else:
        value = F(field.path)
    if field.only_if is not None:
        value = Case(When(field.only_if, then=value), default=Value(""), output_field=TextField())
    if not plain:
        return value
    # Headlines are cut from escaped HTML text: sanitised HTML loses its tags (its text is
    # escaped already), plain text is escaped here, before ts_headline adds any marker.
    return StripTags(value) if field.html else escape_html(value)


def vector(kind: KindFields) -> SearchVector:
    combined = None
    for field in kind.text:
        part = SearchVector(_text(kind, field), weight=field.weight, config=CONFIG)
        combined = part if combined is None else combined + part
    return combined


def rank(
    kind: KindFields, queryset: QuerySet, concepts: list[Concept], *, sort: str, limit: int
) -> tuple[int, list[Ranked]]:
    """(how many match, the best `limit` of them) for one kind."""
    query = tsquery(concepts)
    date = fields_module.date_expression(kind)
    rows = (
        queryset.annotate(_vector=vector(kind))
        .filter(_vector=query)
        .annotate(
            # Concepts mentioned first, then PostgreSQL's rank (mostly below 1) among equals.
            _rank=coverage(concepts)
            + SearchRank(F("_vector"), query, normalization=Value(RANK_NORMALIZATION)),
            _date=date if date is not None else Value(None, output_field=DateTimeField()),
            _total=Window(Count("pk")),
        )
    )
    if sort == SORT_NEWEST:
        rows = rows.order_by(F("_date").desc(nulls_last=True), "-_rank", "pk")
    else:
        rows = rows.order_by("-_rank", "pk")
    found = list(rows.values_list("pk", "_rank", "_date", "_total")[:limit])
    total = found[0][3] if found else 0
    return total, [Ranked(kind.kind, pk, score, as_datetime(day)) for pk, score, day, _ in found]


def snippets(kind: KindFields, ids: list[int], concepts: list[Concept]) -> dict[int, SafeString]:
    """Each object's best passage, matched words in <mark>, by id."""
    parts = []
    for field in kind.text:
        if field.snippet:
            parts.extend((_text(kind, field, plain=True), Value(" \n ")))
    text = Concat(*parts, output_field=TextField()) if len(parts) > 1 else parts[0]
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
    found = kind.model.objects.filter(pk__in=ids).annotate(_snippet=headline)
    return {pk: marked(raw or "") for pk, raw in found.values_list("pk", "_snippet")}


def marked(headline: str) -> SafeString:
    """The headline's markers as <mark>; cleaned to nothing but <mark>, so neither a marker that
    happened to be in the text nor anything else can leave markup behind."""
    text = " ".join(headline.split()).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(nh3.clean(text, tags={"mark"}, attributes={}))  # noqa: S308
