"""Which matches can still reach the page, so PostgreSQL ranks only those: the same answer as
ranking every match, for less work.

A question of several concepts ("data migration took longer than planned") matches tens of
thousands of entries at 100,000 items, most of them for one common word, and ranking computes
the coverage and `ts_rank` of each. But the ranking is coverage first: an entry's score is
(concepts matched + ts_rank) x its kind's prior, and ts_rank has a ceiling. So once at least
`limit` entries match `c` concepts (score at least `c`), an entry matching too few concepts can
never overtake them. The GIN index answers "how many match at least `c` concepts" (an OR of ANDs
of the concepts) without ranking anything, and the ranking then reads only the entries that
match enough.
"""

from dataclasses import dataclass
from itertools import combinations
from math import comb

from django.db import connection
from django.db.models import QuerySet

from search.backends.database_postgres import CONFIG, concept_tsquery
from search.synonyms import Concept

# ts_rank with normalisation 0 (PostgreSQL's calc_rank_or; every default weight at most 1) adds,
# for each query lexeme the entry holds, less than (best weight + the sum of weight / n^2 over
# its positions) / (pi^2 / 6) < (1 + pi^2 / 6) / (pi^2 / 6) = 1.608, and divides the sum by the
# number of lexemes in the query. A lexeme the entry lacks adds nothing.
LEXEME_CEILING = 1.61
# An "at least c concepts" query is an OR of C(K, c) ANDs: past this many, rank every match.
MAX_COMBINATIONS = 64
# Measured at 100,000 items: with three concepts the narrowing rarely rules out enough (the
# prior, up to 1.3, and the ceiling are worth more than a concept) and the extra counting and
# per-group queries cost more than they save (+27 to +56 ms on the benchmark's broad ones); from
# four, questions such as "job evaluation pension strain costs" took 151 ms instead of 268.
FEWEST_CONCEPTS = 4


@dataclass(frozen=True)
class Lexemes:
    """The lexemes of the query, by concept."""

    per_concept: tuple[frozenset[str], ...]
    # Lexemes of phrasings with more than one: an entry may hold them without the concept
    # matching (the words apart, not as the phrase), so they may add to ts_rank regardless.
    loose: tuple[frozenset[str], ...]
    total: int  # distinct lexemes in the whole query: what ts_rank divides by


def lexemes(concepts: list[Concept]) -> Lexemes:
    """The lexemes each phrasing searches for, as PostgreSQL's parser makes them: one query."""
    phrasings = [
        (i, phrase) for i, concept in enumerate(concepts) for phrase in concept.alternatives
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(to_tsvector(%s::regconfig, phrase)) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS typed(phrase, n) ORDER BY n",
            [CONFIG, [phrase for _, phrase in phrasings]],
        )
        found = [set(row[0]) for row in cursor.fetchall()]
    per_concept: list[set[str]] = [set() for _ in concepts]
    loose: list[set[str]] = [set() for _ in concepts]
    for (i, _), words in zip(phrasings, found, strict=True):
        per_concept[i] |= words
        if len(words) > 1:
            loose[i] |= words
    every = set().union(*per_concept)
    return Lexemes(
        tuple(frozenset(words) for words in per_concept),
        tuple(frozenset(words) for words in loose),
        len(every),
    )


def rank_ceiling(covered: int, counted: Lexemes) -> float:
    """More than ts_rank can give an entry matching `covered` of the concepts: it can hold the
    lexemes of those concepts, and the loose ones of the others."""
    if not counted.total:
        return LEXEME_CEILING
    concepts = range(len(counted.per_concept))
    held = 0
    for matched in combinations(concepts, covered):
        words = set().union(*(counted.per_concept[i] for i in matched))
        words |= set().union(*(counted.loose[i] for i in concepts if i not in matched))
        held = max(held, len(words))
    return LEXEME_CEILING * min(1.0, held / counted.total)


def needed(score: float, counted: Lexemes, *, prior: float) -> int:
    """The fewest concepts an entry of a kind with this prior must match to possibly score
    `score` or more."""
    concepts = len(counted.per_concept)
    for covered in range(concepts + 1):
        if (covered + rank_ceiling(covered, counted)) * prior >= score:
            return covered
    return concepts + 1


def at_least(concepts: list[Concept], count: int):
    """A tsquery matching entries that match at least `count` concepts; None if too large."""
    if count < 1 or comb(len(concepts), count) > MAX_COMBINATIONS:
        return None
    parts = [concept_tsquery(concept) for concept in concepts]
    either = None
    for chosen in combinations(parts, count):
        together = chosen[0]
        for part in chosen[1:]:
            together = together & part
        either = together if either is None else either | together
    return either


# Kinds ranked together, and the tsquery they must also match (None: any match will do).
Group = tuple[tuple[str, ...], object]


def rankable(
    entries: QuerySet, concepts: list[Concept], *, limit: int, priors: dict[str, float]
) -> list[Group] | None:
    """The entries worth ranking for the best `limit`, as groups of kinds to rank apart and merge
    (None: rank every match together). `entries` are those ranked (visible, filtered, of the
    chosen kinds), `priors` each chosen kind's prior (all at least 1, so every score is at least
    the entry's coverage). Each group is one query the GIN index can narrow."""
    if len(concepts) < FEWEST_CONCEPTS or min(priors.values()) < 1.0:
        return None
    counted = lexemes(concepts)
    by_prior: dict[float, list[str]] = {}
    for kind, prior in priors.items():
        by_prior.setdefault(prior, []).append(kind)
    for covered in range(len(concepts), 1, -1):
        floors = {prior: needed(covered, counted, prior=prior) for prior in by_prior}
        if max(floors.values()) < 2:
            return None  # fewer matched concepts rule out even less
        query = at_least(concepts, covered)
        narrowing = {
            prior: at_least(concepts, floor) for prior, floor in floors.items() if floor > 1
        }
        if query is None or None in narrowing.values():
            continue
        # Counting stops at `limit`: only whether there are that many matters.
        if entries.filter(vector=query)[:limit].count() >= limit:
            # Kinds that need the same number of concepts are ranked together.
            by_floor: dict[int, list[str]] = {}
            for prior, kinds in by_prior.items():
                by_floor.setdefault(floors[prior], []).extend(kinds)
            return [
                (tuple(kinds), at_least(concepts, floor) if floor > 1 else None)
                for floor, kinds in sorted(by_floor.items())
            ]
    return None
