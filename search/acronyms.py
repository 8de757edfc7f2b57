"""Acronyms that content defines, found with Schwartz and Hearst's algorithm ("A simple algorithm
for identifying abbreviation definitions in biomedical text", Pacific Symposium on Biocomputing,
2003).

A definition is a long form followed by its short form in parentheses, "multi-agency safeguarding
hub (MASH)", or, less often, the other way round, "MASH (multi-agency safeguarding hub)". Each
letter and digit of the short form is matched right to left in the text before the parenthesis;
the first must start a word; the long form runs from that word to the parenthesis. So leading
words that match nothing are cut: "the council tax reduction scheme (CTR)" gives "council tax
reduction scheme". A long form may have at most min(|A| + 5, |A| * 2) words, |A| being the
short form's letters and digits.

Council writing puts years, sums, asides and names in parentheses far more often than acronyms,
so Commons adds two checks to the paper's for precision: a short form is one word, and it looks
like an abbreviation (two capital letters, or a digit). "(see below)", "(the council)" and
"(Optional)" are never read as short forms.
"""

import re

# Text in parentheses with no parentheses inside: the innermost of nested ones.
_PARENTHESES = re.compile(r"\(([^()]*)\)")
# Where a long form cannot reach back past: the end of a sentence or a line. (Not ";" or ":",
# which also appear inside parentheses.)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
# Schwartz-Hearst cut a short form at ", " or "; ": "(MASH, see below)" is "MASH".
_SHORT_FORM_END = re.compile(r"[,;]\s")
_SHORT_FORM = re.compile(r"[^\W_][\w&./-]{1,9}")
# Long forms are counted in words split at spaces and hyphens, as in the paper's code.
_WORD_BREAK = re.compile(r"[\s\-]+")
_EDGE_PUNCTUATION = " \"'\u201c\u201d\u2018\u2019,;:"


def find_definitions(text: str) -> list[tuple[str, str]]:
    """Each (short form, long form) the text defines, as written, first definition first."""
    found: list[tuple[str, str]] = []
    for sentence in _SENTENCE_END.split(text):
        for match in _PARENTHESES.finditer(sentence):
            definition = _definition(match.group(1), sentence[: match.start()])
            if definition and definition not in found:
                found.append(definition)
    return found


def _definition(inside: str, before: str) -> tuple[str, str] | None:
    inside = " ".join(_SHORT_FORM_END.split(inside, maxsplit=1)[0].split())
    # A long form holds no parenthesis: in "the service (the hub (TH))" it starts after "(".
    before = " ".join(re.split(r"[()]", before)[-1].split())
    if not inside or not before:
        return None
    if len(inside.split()) > 2 or len(inside) > len(before):
        # The paper's other order: "MASH (multi-agency safeguarding hub)".
        short_form, candidate = before.split()[-1].strip(_EDGE_PUNCTUATION), inside
    else:
        short_form, candidate = inside, before
    if not looks_like_short_form(short_form):
        return None
    letters = sum(char.isalnum() for char in short_form)
    most_words = min(letters + 5, letters * 2)
    # The candidate is the words nearest the parenthesis, at most as many as a long form may have.
    candidate = " ".join(candidate.split()[-most_words:])
    long_form = _best_long_form(short_form, candidate)
    if long_form is None:
        return None
    long_form = long_form.strip(_EDGE_PUNCTUATION)
    if not _acceptable(short_form, long_form, most_words):
        return None
    return short_form, long_form


def looks_like_short_form(text: str) -> bool:
    """2 to 10 characters, one word, starting with a letter or digit, with a letter, and two
    capitals or a digit (the paper's rules, then Commons' precision check)."""
    if not _SHORT_FORM.fullmatch(text) or not any(char.isalpha() for char in text):
        return False
    return sum(char.isupper() for char in text) >= 2 or any(char.isdigit() for char in text)


def _best_long_form(short_form: str, candidate: str) -> str | None:
    """The shortest end of `candidate` whose words hold the short form's letters and digits in
    order, matched right to left, the first of them at the start of a word (the paper's
    findBestLongForm)."""
    text = candidate.lower()
    short = short_form.lower()
    position = len(text) - 1
    for index in range(len(short) - 1, -1, -1):
        char = short[index]
        if not char.isalnum():
            continue
        while position >= 0 and (
            text[position] != char
            or (index == 0 and position > 0 and text[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return None
        position -= 1
    start = candidate.rfind(" ", 0, position + 1) + 1
    return candidate[start:]


def _acceptable(short_form: str, long_form: str, most_words: int) -> bool:
    """The paper's last checks: the long form is longer than the short form, does not merely
    contain it, and has no more words than allowed."""
    short, long = short_form.lower(), long_form.lower()
    if len(long) <= len(short) or f"{short} " in long or long.endswith(short):
        return False
    words = [word for word in _WORD_BREAK.split(long) if word]
    return 0 < len(words) <= most_words
