"""The words public content uses, for the database backends: what Elasticsearch's index and
its suggester give it for free. With it, a misspelt word also searches for the word the content
most likely meant ("safegaurding" -> "safeguarding"), and a joined word for its parts as the
content writes them ("lowcode" -> "low code").

Only the short, chosen text of public content is read (titles, names, summaries and tags, not
bodies), so nothing a reader may not see can steer a search, and building it stays cheap. Each
process keeps it for `CACHE_SECONDS`.
"""

import difflib
from collections import Counter
from dataclasses import replace

from search.process_cache import ProcessCache
from search.sources import sources
from search.synonyms import Concept, words

CACHE_SECONDS = 600.0
# A correction must be this close (difflib's ratio): one or two letters in a word of seven.
CORRECTION_CUTOFF = 0.8
MIN_CORRECTED_LENGTH = 4
MIN_SPLIT_LENGTH = 6
MIN_PART_LENGTH = 2


def content_words() -> Counter:
    """How many public titles, names, summaries and tags each word appears in."""
    return _cache.get()


def clear_cache() -> None:
    _cache.clear()


def _read() -> Counter:
    counted: Counter = Counter()
    for source in sources().values():
        for text in source.public_texts():
            if text:
                counted.update(set(words(text)))
    return counted


_cache: ProcessCache[Counter] = ProcessCache(_read, seconds=CACHE_SECONDS)


def with_spellings(concepts: list[Concept]) -> list[Concept]:
    """Each concept typed as one word the content does not use also searches for the likeliest
    word it does use, or for the two words it is made of. Known terms are left as typed."""
    lexicon = content_words()
    return [_respelled(concept, lexicon) for concept in concepts]


def _respelled(concept: Concept, lexicon: Counter) -> Concept:
    typed = concept.typed
    if concept.known or " " in typed or typed in lexicon or typed.isdigit():
        return concept
    extra = [split for split in (_split(typed, lexicon),) if split]
    correction = _correction(typed, lexicon)
    if correction:
        extra.append(correction)
    if not extra:
        return concept
    return replace(concept, alternatives=tuple(dict.fromkeys((*concept.alternatives, *extra))))


def _correction(word: str, lexicon: Counter) -> str:
    if len(word) < MIN_CORRECTED_LENGTH:
        return ""
    # Same first letter and a similar length: the typo is rarely in the first letter, and this
    # keeps the comparison to a few hundred words.
    candidates = [
        other
        for other in lexicon
        if other[0] == word[0] and abs(len(other) - len(word)) <= 2 and len(other) >= 3
    ]
    close = difflib.get_close_matches(word, candidates, n=3, cutoff=CORRECTION_CUTOFF)
    # Of the close ones, the word the content uses most.
    return max(close, key=lambda other: lexicon[other]) if close else ""


def _split(word: str, lexicon: Counter) -> str:
    if len(word) < MIN_SPLIT_LENGTH:
        return ""
    best, best_count = "", 0
    for cut in range(MIN_PART_LENGTH, len(word) - MIN_PART_LENGTH + 1):
        first, second = word[:cut], word[cut:]
        count = min(lexicon.get(first, 0), lexicon.get(second, 0))
        if count > best_count:
            best, best_count = f"{first} {second}", count
    return best
