"""Search on a database without full-text search (SQLite, the embedded default).

The database narrows to objects that mention any word of any concept (`icontains`, an OR);
Python then scores what the Elasticsearch document would hold: each concept counts once, by the
best field it appears in (title above tags and summary above body). Words match by their start
after a light suffix trim, so "councils" finds "council" and "shared" finds "sharing".
"""

import re
from dataclasses import dataclass

from django.db.models import Model, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from search.backends.database_fields import WEIGHTS, KindFields, Ranked
from search.sources.base import as_datetime
from search.synonyms import STOP_WORDS, Concept, words
from search.types import SORT_NEWEST

# The embedded default holds a demonstration's worth of content; past this many candidates per
# kind the weakest are not scored (production runs PostgreSQL or Elasticsearch).
CANDIDATE_LIMIT = 2000
SNIPPET_WORDS = 35
_SUFFIXES = ("ies", "ing", "es", "ed", "s")


def stem(word: str) -> str:
    """A crude stem that is only ever matched as a word's start."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Matcher:
    """The compiled form of a question's concepts."""

    concepts: tuple[tuple[re.Pattern, ...], ...]  # per concept, one pattern per phrasing
    stems: tuple[str, ...]  # every significant word's stem, for narrowing and for marks

    @classmethod
    def build(cls, concepts: list[Concept]) -> "Matcher":
        compiled = []
        stems: dict[str, None] = {}
        for concept in concepts:
            patterns = []
            for phrase in concept.alternatives:
                phrase_words = words(phrase)
                patterns.append(
                    re.compile(
                        r"(?<![a-z0-9])"
                        + " ".join(f"{re.escape(stem(word))}[a-z0-9]*" for word in phrase_words)
                    )
                )
                significant = [w for w in phrase_words if w not in STOP_WORDS] or phrase_words
                stems.update(dict.fromkeys(stem(word) for word in significant))
            compiled.append(tuple(patterns))
        return cls(tuple(compiled), tuple(stems))

    def score(self, weighted_texts: dict[str, str]) -> float:
        """How many concepts appear, then (below 1) the weight of the best field each appears
        in: without word statistics, "council" in an organisation's name must not outrank a
        case study that mentions more of what was asked."""
        normalised = {weight: " ".join(words(text)) for weight, text in weighted_texts.items()}
        matched, weights = 0, 0.0
        for patterns in self.concepts:
            best = 0.0
            for weight, text in normalised.items():
                if WEIGHTS[weight] > best and any(p.search(text) for p in patterns):
                    best = WEIGHTS[weight]
            if best:
                matched, weights = matched + 1, weights + best
        return matched + weights / (len(self.concepts) + 1)

    def snippet(self, text: str) -> SafeString:
        """Escaped words around the first match, each matched word in <mark>."""
        if not self.stems:
            return escape(Truncator(text).words(SNIPPET_WORDS))
        marker = re.compile(
            r"\b(?:" + "|".join(re.escape(s) for s in self.stems) + r")\w*", re.IGNORECASE
        )
        tokens = text.split()
        first = next((i for i, token in enumerate(tokens) if marker.search(token)), 0)
        start = max(0, first - 8)
        window = tokens[start : start + SNIPPET_WORDS]
        pieces = []
        for token in window:
            pieces.append(_mark(token, marker))
        prefix = "… " if start else ""
        suffix = " …" if start + SNIPPET_WORDS < len(tokens) else ""
        return mark_safe(prefix + " ".join(pieces) + suffix)  # noqa: S308 (every piece escaped)


def _mark(token: str, marker: re.Pattern) -> str:
    out, last = [], 0
    for match in marker.finditer(token):
        out.append(str(escape(token[last : match.start()])))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(str(escape(token[last:])))
    return "".join(out)


def narrow(kind: KindFields, queryset: QuerySet, matcher: Matcher) -> QuerySet:
    """Objects whose searched fields contain any of the words: an OR, in the database."""
    anywhere = Q()
    for field in kind.text:
        mentions = Q()
        for word in matcher.stems:
            mentions |= Q(**{f"{field.path}__icontains": word})
        anywhere |= mentions & field.only_if if field.only_if is not None else mentions
    # Through a subquery: a match in two replies must not make the thread appear twice.
    return queryset.filter(pk__in=kind.model.objects.filter(anywhere).values("pk"))


def weighted_texts(kind: KindFields, obj: Model) -> dict[str, str]:
    """What the Elasticsearch document would hold, grouped by weight."""
    source = kind.source
    return {
        "A": source.prepare_title(obj),
        "B": " \n ".join((source.prepare_summary(obj), *source.prepare_tags(obj))),
        "C": " \n ".join(
            (
                source.prepare_body(obj),
                *source.prepare_organisation_names(obj),
                *source.prepare_service_area_names(obj),
            )
        ),
    }


def rank(
    kind: KindFields, queryset: QuerySet, matcher: Matcher, *, sort: str, limit: int
) -> tuple[int, list[Ranked]]:
    candidates = list(
        narrow(kind, queryset, matcher).values_list("pk", flat=True)[:CANDIDATE_LIMIT]
    )
    objects = kind.source.indexable().filter(pk__in=candidates)
    ranked = []
    for obj in objects:
        score = matcher.score(weighted_texts(kind, obj))
        if score > 0:
            day = as_datetime(kind.source.prepare_published_at(obj))
            ranked.append(Ranked(kind.kind, obj.pk, score, day, obj))
    if sort == SORT_NEWEST:
        ranked.sort(key=lambda r: (r.date is not None, r.date and r.date.timestamp()), reverse=True)
    else:
        ranked.sort(key=lambda r: -r.score)
    return len(ranked), ranked[:limit]


def snippet(kind: KindFields, obj: Model, matcher: Matcher) -> SafeString:
    source = kind.source
    return matcher.snippet(" ".join((source.prepare_summary(obj), source.prepare_body(obj))))
