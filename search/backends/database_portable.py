"""Search on a database without full-text search (SQLite, the embedded default).

The database narrows the search entries (`SearchEntry`, the text of the Elasticsearch document)
to those that mention any word of any concept (`icontains`, an OR); Python then scores them:
each concept counts once, by the best field it appears in (title above tags and summary above
body). Words match by their start after a light suffix trim, so "councils" finds "council" and
"shared" finds "sharing". One table is read, never the content's own models.
"""

import re
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.backends import opening_words
from search.synonyms import STOP_WORDS, Concept, words
from search.types import SNIPPET_WORDS, SORT_NEWEST

# The embedded default holds a demonstration's worth of content; past this many candidates per
# kind the weakest are not scored (production runs PostgreSQL or Elasticsearch).
CANDIDATE_LIMIT = 2000
# The entries' fields by weight: title A, tags and summary B, body and names C (as
# `search.entries.VECTOR_SQL` weighs them), scored as PostgreSQL's ts_rank does by default.
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}
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
            return opening_words(text)
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


# Where each text an entry is scored on lives.
TEXT_COLUMNS = {
    "title": "text__title",
    "summary": "text__summary",
    "tags": "tags",
    "body": "text__body",
    "names": "text__names",
}
SHOWN_COLUMNS = {"url": "text__url", "meta": "text__meta"}


def narrow(entries: QuerySet, matcher: Matcher) -> QuerySet:
    """Entries whose text contains any of the words: an OR, in the database."""
    anywhere = Q()
    for column in TEXT_COLUMNS.values():
        for word in matcher.stems:
            anywhere |= Q(**{f"{column}__icontains": word})
    return entries.filter(anywhere)


def weighted_texts(entry: dict) -> dict[str, str]:
    """An entry's text grouped by weight, as the Elasticsearch document's fields are boosted."""
    return {
        "A": entry["title"],
        "B": " \n ".join((entry["summary"], entry["tags"])),
        "C": " \n ".join((entry["body"], entry["names"])),
    }


def rank(entries: QuerySet, matcher: Matcher, *, sort: str, limit: int) -> tuple[int, list[dict]]:
    """(how many match, the best `limit` of them, each with its `score`) among `entries`."""
    wanted = {**TEXT_COLUMNS, **SHOWN_COLUMNS}
    own = [name for name, path in wanted.items() if name == path]
    joined = {name: F(path) for name, path in wanted.items() if name != path}
    candidates = narrow(entries, matcher).values("id", "kind", "published_at", *own, **joined)[
        :CANDIDATE_LIMIT
    ]
    ranked = []
    for entry in candidates:
        score = matcher.score(weighted_texts(entry))
        if score > 0:
            ranked.append({**entry, "score": score})
    if sort == SORT_NEWEST:
        ranked.sort(key=_newest_first)
    else:
        ranked.sort(key=lambda r: -r["score"])
    return len(ranked), ranked[:limit]


def _newest_first(entry: dict) -> tuple:
    day = entry["published_at"]
    return (day is None, -(day.timestamp() if day else 0))


def snippet(entry: dict, matcher: Matcher) -> SafeString:
    return matcher.snippet(" ".join((entry["summary"], entry["body"])))
