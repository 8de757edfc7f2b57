"""How well an offer and a need fit each other: a small, deterministic score with its reasons.

Pure functions of plain values (no database), so the rules can be read and tested on their own.
A suggestion must share the listing's service area (the selector only asks for those); on top of
that it earns points out of 100:

- region (30): the same region, or either side works UK-wide;
- capacity (20): the offer has room for as many partners as the need asks for (10 if it has room
  for some of them);
- words (50): the cosine similarity of the two listings' word sets, where each word set is the
  title and description, lower-cased, with common words removed and each word cut to a rough stem
  so "school" and "schools" count as one. Cosine of sets is |A and B| / sqrt(|A| x |B|): 1 when
  the sets are the same, 0 when they share nothing, and not inflated by a long description.

No network and no language library: a handful of suffix rules is enough to see that two short
listings talk about the same things, and it gives the same answer every time.
"""

import math
import re
from dataclasses import dataclass

UK_WIDE = "uk-wide"
REGION_POINTS = 30
CAPACITY_POINTS = 20
WORDS_POINTS = 50
SHARED_WORDS_SHOWN = 5

# Words every listing uses ("council", "shared service", "partner"...) say nothing about whether
# two listings fit, so they are stop words here too.
_STOP_WORDS_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    like me more most my no nor not now of off on once only or other our ours out over own per
    same she should so some such than that the their theirs them then there these they this those
    through to too under until up us very was we were what when where which while who whom why
    will with would you your yours
    able across get got looking look need needs offer offers run runs want wants help new two
    three four five one council councils organisation organisations partner partners service
    services shared sharing share take taking room capacity spare
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_WORD = re.compile(r"[a-z]+")
_ENDINGS = ("ment", "ing", "ed")


@dataclass(frozen=True)
class ListingFacts:
    """What the score looks at, taken from a listing."""

    kind: str
    region: str
    capacity: int
    text: str


@dataclass(frozen=True)
class Fit:
    score: int
    reasons: tuple[str, ...]


def stem(word: str) -> str:
    """A rough stem of a lower-case word, so that forms of one word meet.

    Plurals go ("schools" -> "school", "libraries" -> "library", "processes" -> "process", but
    "process" and "status" stay), then one of -ment, -ing, -ed when four letters remain, then a
    final "e": "manage", "managed", "managing" and "management" all become "manag".
    """
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "zes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def significant_words(text: str) -> dict[str, str]:
    """The stems of a text's meaningful words, each with the first form it appeared in."""
    words: dict[str, str] = {}
    for word in _WORD.findall((text or "").lower()):
        if len(word) < 3 or word in STOP_WORDS:
            continue
        words.setdefault(stem(word), word)
    return words


def word_similarity(first: str, second: str) -> tuple[float, list[str]]:
    """Cosine similarity of two texts' stem sets (0 to 1), and the shared words, A to Z."""
    a, b = significant_words(first), significant_words(second)
    if not a or not b:
        return 0.0, []
    shared = a.keys() & b.keys()
    similarity = len(shared) / math.sqrt(len(a) * len(b))
    return similarity, sorted(a[key] for key in shared)


def regions_match(first: str, second: str) -> bool:
    """UK-wide listings count as being in every region."""
    return first == second or UK_WIDE in (first, second)


def capacity_points(offer_capacity: int, need_capacity: int) -> int:
    """Full points when the offer has room for every partner the need asks for, half for some."""
    if offer_capacity >= need_capacity:
        return CAPACITY_POINTS
    return CAPACITY_POINTS // 2 if offer_capacity > 0 else 0


def fit(listing: ListingFacts, candidate: ListingFacts) -> Fit:
    """How well a candidate of the other kind, in the same service area, fits a listing."""
    reasons = ["Same service area"]
    score = 0.0
    if regions_match(listing.region, candidate.region):
        score += REGION_POINTS
        reasons.append(
            "Same region" if listing.region == candidate.region else "Same region (UK-wide)"
        )
    offer, need = (listing, candidate) if listing.kind == "offer" else (candidate, listing)
    points = capacity_points(offer.capacity, need.capacity)
    if points == CAPACITY_POINTS:
        reasons.append("Capacity fits")
    elif points:
        reasons.append(f"Room for {offer.capacity} of the {need.capacity} partners wanted")
    score += points
    similarity, shared = word_similarity(listing.text, candidate.text)
    score += WORDS_POINTS * similarity
    if shared:
        reasons.append(f"Similar words: {', '.join(shared[:SHARED_WORDS_SHOWN])}")
    return Fit(score=round(score), reasons=tuple(reasons))
