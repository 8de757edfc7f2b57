"""A question turned into the concepts it asks about, the same way for every backend.

Elasticsearch, PostgreSQL and SQLite all search with these concepts, so one description of the
vocabulary (synonyms, acronyms, residents' words for council services, British and American
spellings, joined and hyphenated words) applies everywhere, and an editor's change to the
vocabulary applies at once, with no reindex. "how did councils share revs and bens" becomes
`council | share | (revs and bens, revenues and benefits, rev and bens)`; a backend then finds
what mentions the concepts and ranks by how many it mentions, and where.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from search import vocabulary

# Words that say nothing about what someone wants; dropped unless the query has nothing else,
# and never counted when deciding how many of the question's words a result must contain.
_STOP_WORDS_TEXT = """a about after all also am an and any are as at be been but by can could did
do does for from get got had has have how i if in into is it its me my no not of on or our should
so than that the their them then there these they this to up us was we were what when where which
who why will with would you your"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_WORD = re.compile(r"[a-z0-9]+")
# A word and its hyphenated continuations: "low-code", "tri-borough", "multi-agency".
_COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# American spellings people type, as the start of a word, and the British spelling councils
# write (and the other way round): "program" -> "programme", "centers" -> "centres".
_AMERICAN_TO_BRITISH = {
    "color": "colour",
    "behavior": "behaviour",
    "neighbor": "neighbour",
    "labor": "labour",
    "favor": "favour",
    "honor": "honour",
    "center": "centre",
    "program": "programme",
    "catalog": "catalogue",
    "defense": "defence",
    "offense": "offence",
    "license": "licence",
    "analyz": "analys",
    "fulfill": "fulfil",
    "enroll": "enrol",
    "judgment": "judgement",
    "aging": "ageing",
    "modeling": "modelling",
    "canceled": "cancelled",
    "traveled": "travelled",
    "labeled": "labelled",
    "fueled": "fuelled",
}
_BRITISH_TO_AMERICAN = {british: american for american, british in _AMERICAN_TO_BRITISH.items()}
# -ise/-ize and -isation/-ization, with what may follow: "harmonisation", "prioritized".
# Longer than this, two words written as one are not a word anybody types.
MAX_JOINED_LENGTH = 20
MAX_JOINED_PART = 4
# Numbers are never half of a joined word ("shared two" is not "sharedtwo").
_NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)
# Before "-ed", the letters after which the stemmers keep an "e" the "-ed" form loses
# ("evidenced" -> "evidence", "harmonised" -> "harmonise"; not "collected" -> "collecte").
_SOFT_ENDINGS = frozenset("cgsuvz")
_ISE = re.compile(r"^([a-z]{4,})(i[sz])(e|es|ed|ing|er|ers|ation|ations)$")


@dataclass(frozen=True)
class Concept:
    """One thing asked about: the words typed first, then every phrase that means the same.

    `known` says the words are in the vocabulary (an acronym, a synonym, a council term): such
    words are never "corrected" as typos, nor matched loosely."""

    alternatives: tuple[str, ...]
    known: bool = False

    @property
    def typed(self) -> str:
        return self.alternatives[0]


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return folded.replace("'", "").replace("\u2019", "").replace("&", " and ")


def words(text: str) -> list[str]:
    """Lowercase, accent-free words; an apostrophe joins ("children's" -> "childrens"), an
    ampersand is "and" ("revs & bens" is how many councils write it), a hyphen splits."""
    return _WORD.findall(_fold(text))


def _compounds(text: str) -> list[list[str]]:
    """The words of a question, with the parts of each hyphenated word kept together."""
    return [part.split("-") for part in _COMPOUND.findall(_fold(text))]


def spelling_variants(word: str) -> tuple[str, ...]:
    """The word in the other spelling of English, when it has one: "harmonization" ->
    ("harmonisation",), "centre" -> ("center",)."""
    variants = []
    matched = _ISE.match(word)
    if matched:
        stem, middle, ending = matched.groups()
        variants.append(stem + ("iz" if middle == "is" else "is") + ending)
    for table in (_AMERICAN_TO_BRITISH, _BRITISH_TO_AMERICAN):
        for start, other in table.items():
            if word.startswith(start) and not word.startswith(other):
                variants.append(other + word[len(start) :])
                break
    return tuple(dict.fromkeys(v for v in variants if v != word))


def inflection_variants(word: str) -> tuple[str, ...]:
    """Forms of the word that English stemmers (Porter in Elasticsearch, Snowball in
    PostgreSQL) cut to a different stem: "evidencing" -> "evidence", "evidence" ->
    "evidencing", "harmonised" -> "harmonise"."""
    if len(word) >= 7 and word.endswith("ing"):
        return (word[:-3] + "e",)
    if len(word) >= 6 and word.endswith("ed") and word[-3] in _SOFT_ENDINGS:
        return (word[:-1],)
    if len(word) >= 6 and word.endswith(("ence", "ance")):
        return (word[:-1] + "ing",)
    return ()


def parse_rule(rule: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """One Solr-format rule as {typed words: phrases to search for}.

    `a, b, c` makes each phrase find all three; `a, b => c` makes a and b find each other and c,
    and c not a or b (residents' words list the ways residents say one thing; the words typed
    are always searched for as well: a resident's word may be in a resident's story)."""
    if "=>" in rule:
        left, right = rule.split("=>", 1)
        sources = _phrases(left)
        targets = tuple(dict.fromkeys((*sources, *_phrases(right))))
        return {tuple(words(phrase)): targets for phrase in sources}
    phrases = _phrases(rule)
    return {tuple(words(phrase)): phrases for phrase in phrases}


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(" ".join(words(part)) for part in text.split(",") if words(part))


def synonym_table(
    rules: tuple[str, ...] | None = None,
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Every rule, keyed by the words that trigger it (the rules in force when none are given:
    the shipped files and the editors' confirmed entries)."""
    return _table(vocabulary.rules() if rules is None else rules)


def _key(word: str) -> str:
    """A word as rules are looked up: British spelling, singular ("computers" finds the rule
    for "computer", "bins" the rule for "bin")."""
    word = _british(word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=4)
def _table(rules: tuple[str, ...]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Rules keyed by their trigger's words as `_key` makes them."""
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for rule in rules:
        for typed, phrases in parse_rule(rule).items():
            trigger = tuple(_key(word) for word in typed)
            if not trigger:
                continue
            merged = table.get(trigger, ())
            table[trigger] = merged + tuple(p for p in phrases if p not in merged)
    return table


def expand(query: str, rules: tuple[str, ...] | None = None) -> list[Concept]:
    """The concepts in a question, longest vocabulary phrase first, stop words left out."""
    table = synonym_table(rules)
    longest = max((len(trigger) for trigger in table), default=1)
    groups = _compounds(query)
    flat = [word for group in groups for word in group]
    # Where each hyphenated word starts, and how many parts it has.
    starts: dict[int, int] = {}
    position = 0
    for group in groups:
        starts[position] = len(group)
        position += len(group)
    concepts: list[Concept] = []
    position = 0
    while position < len(flat):
        matched = _longest_rule(flat, position, table, longest)
        if matched:
            size, concept = matched
            concepts.append(concept)
            position += size
            continue
        parts = starts.get(position, 1)
        if parts > 1:
            concepts.append(_compound(flat[position : position + parts], table))
            position += parts
            continue
        word = flat[position]
        if word not in STOP_WORDS:
            variants = (*spelling_variants(word), *inflection_variants(word))
            concepts.append(Concept(tuple(dict.fromkeys((word, *variants)))))
        position += 1
    if not concepts and flat:
        # A question made only of stop words ("how to") still means something to its asker.
        return [Concept((word,)) for word in dict.fromkeys(flat)]
    return _without_repeats(_with_joined_neighbours(concepts))


def _with_joined_neighbours(concepts: list[Concept]) -> list[Concept]:
    """Two plain words side by side may be one word in the content ("low code" is often
    "lowcode"): each of the two also matches them joined, so a document saying "lowcode"
    mentions both concepts."""
    plain = [
        not concept.known
        and len(concept.alternatives) <= 2
        and " " not in concept.typed
        and concept.typed not in _NUMBER_WORDS
        and not concept.typed.isdigit()
        for concept in concepts
    ]
    extra: list[list[str]] = [[] for _ in concepts]
    for index in range(len(concepts) - 1):
        if plain[index] and plain[index + 1]:
            first, second = concepts[index].typed, concepts[index + 1].typed
            joined = first + second
            # A prefix or a short word joins ("anti fraud", "web chat"); two long words
            # ("councils share") are two words.
            if min(len(first), len(second)) <= MAX_JOINED_PART and len(joined) <= MAX_JOINED_LENGTH:
                extra[index].append(joined)
                extra[index + 1].append(joined)
    return [
        Concept((*concept.alternatives, *more), known=concept.known) if more else concept
        for concept, more in zip(concepts, extra, strict=True)
    ]


def _longest_rule(flat: list[str], position: int, table: dict, longest: int):
    """(how many words, the concept) of the longest rule starting here, in either spelling."""
    for size in range(min(longest, len(flat) - position), 0, -1):
        trigger = tuple(flat[position : position + size])
        phrases = table.get(tuple(_key(word) for word in trigger))
        if phrases:
            return size, Concept(_alternatives(trigger, phrases), known=True)
    return None


def _british(word: str) -> str:
    """The British spelling, which the shipped vocabulary is written in."""
    matched = _ISE.match(word)
    if matched and matched.group(2) == "iz":
        return matched.group(1) + "is" + matched.group(3)
    for american, british in _AMERICAN_TO_BRITISH.items():
        if word.startswith(american) and not word.startswith(british):
            return british + word[len(american) :]
    return word


def _compound(parts: list[str], table: dict) -> Concept:
    """A hyphenated word matches itself written apart or joined: "low-code" finds "low code"
    and "lowcode" (and whatever the vocabulary says the joined word means)."""
    apart, joined = " ".join(parts), "".join(parts)
    known = table.get((_key(joined),), ())
    return Concept(tuple(dict.fromkeys((apart, joined, *known))), known=bool(known))


def _alternatives(trigger: tuple[str, ...], phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The typed words first, then the phrases the vocabulary gives them."""
    typed = " ".join(trigger)
    return tuple(dict.fromkeys((typed, *phrases)))


def _without_repeats(concepts: list[Concept]) -> list[Concept]:
    seen: set[tuple[str, ...]] = set()
    unique = []
    for concept in concepts:
        if concept.alternatives not in seen:
            seen.add(concept.alternatives)
            unique.append(concept)
    return unique
