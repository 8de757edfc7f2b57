"""The local-government synonyms of `synonyms.txt`, applied to a query outside Elasticsearch.

Elasticsearch applies the rules itself (a synonym_graph filter, see `search.analysis`). The
database fallback cannot, so this module reads the same Solr-format rules and turns a question
into *concepts*: each concept is one idea the person asked about, with every phrase that means
it. "how did councils share revs and bens" becomes
`council | share | (revs and bens, revenues and benefits, rev and bens)`; a backend then finds
anything that mentions any concept (OR), and ranks by how many it mentions.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from search.analysis import synonym_rules

# Words that say nothing about what someone wants; dropped unless the query has nothing else.
# Deliberately short: PostgreSQL's English configuration drops its own list as well.
_STOP_WORDS_TEXT = """a about after all also an and any are as at be been but by can could did do
does for from had has have how i if in into is it its me my no not of on or our should so than
that the their them then there these they this to up was we were what when where which who why
will with would you your"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Concept:
    """One thing asked about: the words typed first, then every phrase that means the same."""

    alternatives: tuple[str, ...]

    @property
    def typed(self) -> str:
        return self.alternatives[0]


def words(text: str) -> list[str]:
    """Lowercase, accent-free words; an apostrophe joins ("children's" -> "childrens") and an
    ampersand is "and" ("revs & bens" is how many councils write it)."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    folded = folded.replace("'", "").replace("\u2019", "").replace("&", " and ")
    return _WORD.findall(folded)


def parse_rule(rule: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """One Solr rule as {typed words: phrases to search for}.

    `a, b, c` makes each phrase find all three; `a, b => c` rewrites a and b to c only.
    """
    if "=>" in rule:
        left, right = rule.split("=>", 1)
        targets = _phrases(right)
        return {tuple(words(phrase)): targets for phrase in _phrases(left)}
    phrases = _phrases(rule)
    return {tuple(words(phrase)): phrases for phrase in phrases}


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(" ".join(part.lower().split()) for part in text.split(",") if part.strip())


@cache
def synonym_table() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Every rule in synonyms.txt, keyed by the words that trigger it (read when first used)."""
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for rule in synonym_rules():
        for trigger, phrases in parse_rule(rule).items():
            if not trigger:
                continue
            merged = table.get(trigger, ())
            table[trigger] = merged + tuple(p for p in phrases if p not in merged)
    return table


def expand(query: str) -> list[Concept]:
    """The concepts in a question, longest synonym phrase first, stop words left out."""
    table = synonym_table()
    longest = max((len(trigger) for trigger in table), default=1)
    tokens = words(query)
    concepts: list[Concept] = []
    position = 0
    while position < len(tokens):
        for size in range(min(longest, len(tokens) - position), 0, -1):
            trigger = tuple(tokens[position : position + size])
            if trigger in table:
                concepts.append(Concept(_alternatives(trigger, table[trigger])))
                position += size
                break
        else:
            token = tokens[position]
            if token not in STOP_WORDS:
                concepts.append(Concept((token,)))
            position += 1
    if not concepts and tokens:
        # A question made only of stop words ("how to") still means something to its asker.
        concepts = [Concept((token,)) for token in dict.fromkeys(tokens)]
    return _without_repeats(concepts)


def _alternatives(trigger: tuple[str, ...], phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The typed words first when they are one of the phrases; a `=>` rewrite drops them."""
    if not any(words(phrase) == list(trigger) for phrase in phrases):
        return phrases
    typed = " ".join(trigger)
    return (typed, *(phrase for phrase in phrases if phrase != typed))


def _without_repeats(concepts: list[Concept]) -> list[Concept]:
    seen: set[tuple[str, ...]] = set()
    unique = []
    for concept in concepts:
        if concept.alternatives not in seen:
            seen.add(concept.alternatives)
            unique.append(concept)
    return unique
