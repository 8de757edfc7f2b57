"""Every synonym rule in force, for query expansion on every backend: the shipped files, then the
entries editors confirmed in the admin (`search.models.VocabularyEntry`).

Rules are Solr's synonym format, one a line, lower case, hyphens written as spaces (the engine's
tokenizer splits "multi-agency" into two words, so the rule says "multi agency"):

    revs and bens, revenues and benefits           phrases that mean the same
    mash, multi agency safeguarding hub            an acronym, then its long form
    bins, rubbish => waste collection              residents' words => the council's words

A `=>` rule is one way: a search for the residents' words also finds the council's words, and
the words typed are kept (the engine adds the right-hand phrases; it does not replace the left).
The council's words do not find the residents' words.

Changes apply without reindexing. Each process keeps the rules for `CACHE_SECONDS`; saving or
deleting an entry clears this process's copy at once, and other processes (web workers, the
search worker) see the change within `CACHE_SECONDS`.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from search.phrases import rule_phrase, words_of
from search.process_cache import ProcessCache

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.txt"
PLAIN_ENGLISH_FILE = Path(__file__).resolve().parent / "plain_english.txt"
SHIPPED_FILES = (SYNONYMS_FILE, PLAIN_ENGLISH_FILE)
# Long enough that a busy search page reads the table rarely, short enough that an editor's
# change reaches every process while they are still looking at it.
CACHE_SECONDS = 30.0


@dataclass(frozen=True)
class Vocabulary:
    rules: tuple[str, ...]
    plain_english_rules: tuple[str, ...]
    known_terms: frozenset[str]
    # The phrases of each rule, to tell whether two phrases are already linked.
    phrase_sets: tuple[frozenset[str], ...]




def rules() -> tuple[str, ...]:
    """Every rule in force: search/synonyms.txt, search/plain_english.txt, then confirmed
    entries (synonyms, acronyms, then residents' words, oldest first), each line once."""
    return _current().rules


def plain_english_rules() -> tuple[str, ...]:
    """The one-way residents' words rules (`a, b => c, d`) among `rules()`."""
    return _current().plain_english_rules


def known_terms() -> frozenset[str]:
    """Every lower-case word in any rule, also without apostrophes and accents: words "did you
    mean" must never correct, such as an acronym nobody else uses."""
    return _current().known_terms


def links(first: str, second: str) -> bool:
    """Whether one rule in force already holds both phrases (in any form of hyphens or case)."""
    wanted = {rule_phrase(first), rule_phrase(second)}
    return any(wanted <= phrases for phrases in _current().phrase_sets)


def shipped_rules() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(file name, its rules) for each file shipped with the code, for the admin to show."""
    return tuple((path.name, _file_rules(path)) for path in SHIPPED_FILES)


def _current() -> Vocabulary:
    return _cache.get()


def clear_cache(**_: object) -> None:
    """Forget this process's copy, so the next call reads the table again."""
    _cache.clear()


def _entry_changed(**_: object) -> None:
    clear_cache()
    # Also once the change commits: a read made inside the writer's transaction would otherwise
    # keep what may yet be rolled back (or miss what is not committed) for CACHE_SECONDS.
    transaction.on_commit(clear_cache)


def connect() -> None:
    """Called from `SearchConfig.ready()`."""
    from search.models import VocabularyEntry

    post_save.connect(_entry_changed, sender=VocabularyEntry, dispatch_uid="vocabulary_saved")
    post_delete.connect(_entry_changed, sender=VocabularyEntry, dispatch_uid="vocabulary_deleted")


def _load() -> Vocabulary:
    from search.models import VocabularyEntry

    kinds = list(VocabularyEntry.Kind)  # synonyms, acronyms, then residents' words
    confirmed = VocabularyEntry.objects.filter(status=VocabularyEntry.Status.CONFIRMED)
    entries = sorted(confirmed.order_by("created_at", "pk"), key=lambda e: kinds.index(e.kind))
    from_files = [rule for _, file_rules in shipped_rules() for rule in file_rules]
    all_rules = tuple(dict.fromkeys([*from_files, *(entry.rule() for entry in entries)]))
    return Vocabulary(
        rules=all_rules,
        plain_english_rules=tuple(rule for rule in all_rules if "=>" in rule),
        known_terms=frozenset(word for rule in all_rules for word in words_of(rule)),
        phrase_sets=tuple(_phrases_of(rule) for rule in all_rules),
    )


@cache
def _file_rules(path: Path) -> tuple[str, ...]:
    """A shipped file's rules, normalised as the table's are; read once, since a change to a
    file arrives with a deploy, which restarts every process."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rules.append(_normalised(line))
    return tuple(dict.fromkeys(rules))


def _normalised(rule: str) -> str:
    if "=>" in rule:
        left, right = rule.split("=>", 1)
        return f"{_normalised(left)} => {_normalised(right)}"
    phrases = (rule_phrase(phrase) for phrase in rule.split(","))
    return ", ".join(dict.fromkeys(phrase for phrase in phrases if phrase))


def _phrases_of(rule: str) -> frozenset[str]:
    phrases = (phrase.strip() for phrase in rule.replace("=>", ",").split(","))
    return frozenset(phrase for phrase in phrases if phrase)


_cache: ProcessCache[Vocabulary] = ProcessCache(_load, seconds=CACHE_SECONDS)
