"""Text people type, made plain at the boundary: what no one means to type is dropped."""

import re
import unicodedata

# Bidirectional overrides and isolates: they reorder the text around them when it is shown, so a
# title can read differently from what it says (a filename's extension, a reversed word).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u0085\u2028\u2029]")


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


def one_line(text: str) -> str:
    """A title, name or tag as one plain line: no control characters, and each run of spaces
    (a line break or tab included) one space. Safe in an email subject and in XML."""
    return " ".join(without_control_characters(text).split())


def lines(text: str) -> str:
    """A body of text that keeps its line breaks (as "\\n", however they were typed) and loses
    every other control character; a tab becomes a space."""
    return "\n".join(
        without_control_characters(line) for line in _LINE_BREAKS.sub("\n", text).split("\n")
    )
