"""Plain text typed on the public site, stored as Wagtail rich text, and back again."""

import html
import re

from django.utils.html import linebreaks, strip_tags

# The case study's rich text parts a contributor writes as plain text.
STORY_FIELDS = (
    "outcomes",
    "what_went_wrong",
    "lessons_learned",
    "target_operating_model",
    "culture_and_leadership",
)


def rich_text_from_plain(text: str) -> str:
    """Plain text as stored rich text: every character escaped, blank lines start paragraphs."""
    text = (text or "").strip()
    return linebreaks(text, autoescape=True) if text else ""


def plain_from_rich_text(value: str) -> str:
    """Stored rich text back as the plain text it was made from, for a contributor to change:
    paragraphs become blank lines. Formatting an editor added (lists, links) does not survive,
    which is why only contributions no editor has published come back to the public form, and
    why text sent back unchanged keeps its formatting (`rich_text_kept_or_from_plain`)."""
    text = re.sub(r"<br\s*/?>", "\n", value)
    text = re.sub(r"</p>\s*<p[^>]*>", "\n\n", text)
    # Each list item and heading on a line of its own, not run into the next.
    text = re.sub(r"</(li|h[1-6]|blockquote)>\s*", "\n", text)
    return html.unescape(strip_tags(text)).strip()


def rich_text_kept_or_from_plain(typed: str, stored: str) -> str:
    """What to store for text a contributor sent back: the stored rich text, formatting and all,
    if they left its words as the form showed them; otherwise their new text."""
    if stored and " ".join(typed.split()) == " ".join(plain_from_rich_text(stored).split()):
        return stored
    return rich_text_from_plain(typed)
