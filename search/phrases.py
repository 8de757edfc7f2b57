"""What a phrase in the search vocabulary may be, and how it is written in a synonym rule.

Rules are Solr's synonym format, one a line: commas separate phrases, "=>" points one way, "#"
starts a comment and a backslash escapes. A phrase holding any of these would change the rule
around it, so editors are told to change the phrase instead of having it silently altered.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

MAX_PHRASE_LENGTH = 100

# Hyphens and dashes: the engine's tokenizer splits words at them, so a rule says "multi agency"
# for "multi-agency" (either spelling typed then matches).
_DASHES = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014\u2212]+")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def clean_phrase(text: str) -> str:
    """The phrase in lower case with single spaces, or a ValidationError saying what to change."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    shown = " ".join(text.split())
    if any(_is_control(char) for char in text):
        raise ValidationError(
            f"“{shown}” has a hidden control character in it. Delete the phrase and type it again."
        )
    if "," in text:
        raise ValidationError(f"“{shown}” has a comma in it. Put each phrase on its own line.")
    if "=>" in text:
        raise ValidationError(f"“{shown}” has “=>” in it. Remove it.")
    if "\\" in text:
        raise ValidationError(f"“{shown}” has a backslash (\\) in it. Remove it.")
    phrase = shown.lower()
    if phrase.startswith("#"):
        raise ValidationError(f"“{shown}” starts with #. Remove it.")
    if not any(char.isalnum() for char in phrase):
        raise ValidationError(f"“{shown}” needs at least one letter or number.")
    if len(phrase) > MAX_PHRASE_LENGTH:
        raise ValidationError(
            f"“{shown[:30]}…” is too long. "
            f"A phrase must be {MAX_PHRASE_LENGTH} characters or fewer."
        )
    return phrase


def clean_phrases(text: str) -> list[str]:
    """Every phrase of a box holding one a line, cleaned, each once; blank lines are skipped.
    Raises one ValidationError listing every phrase that needs changing."""
    phrases: list[str] = []
    errors: list[ValidationError] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            phrase = clean_phrase(line)
        except ValidationError as error:
            errors.append(error)
            continue
        if phrase not in phrases:
            phrases.append(phrase)
    if errors:
        raise ValidationError(errors)
    return phrases


def rule_phrase(phrase: str) -> str:
    """A phrase as a rule writes it: lower case, hyphens and dashes as spaces, single spaces."""
    return " ".join(_DASHES.sub(" ", phrase.lower()).split())


def words_of(text: str) -> set[str]:
    """The lower-case words in text, each also without its apostrophes and accents, since a
    query may be typed either way ("children's", "childrens"; "café", "cafe")."""
    found: set[str] = set()
    for word in _WORD.findall(text.lower()):
        plain = word.replace("'", "")
        folded = unicodedata.normalize("NFKD", plain)
        folded = "".join(char for char in folded if not unicodedata.combining(char))
        found.update((word, plain, folded))
    return found


def _is_control(char: str) -> bool:
    # Tabs and line breaks are white space, folded into single spaces; every other control,
    # format (zero-width, direction) or unassigned character is invisible in the admin.
    return unicodedata.category(char).startswith("C") and not char.isspace()
