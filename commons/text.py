"""Text people type, made plain at the boundary: what no one means to type is dropped."""

import re
import unicodedata

# Bidirectional overrides and isolates: they reorder the text around them when it is shown, so a
# title can read differently from what it says (a filename's extension, a reversed word).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_control_characters(text: str) -> str:
    """`text` without control characters (NUL, escape, bidi overrides), each whitespace control
    (tab, newline) becoming a space. PostgreSQL refuses a NUL in a string, feeds and email
    headers break on CR/LF, and none of them is visible in what people meant to write."""
    text = _BIDI_CONTROLS.sub("", text)
    return "".join(
        " " if character.isspace() else character
        for character in text
        if character.isspace() or unicodedata.category(character) != "Cc"
    )
