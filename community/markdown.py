"""Markdown in, sanitised HTML out, for everything people write in the community.

markdown-it-py renders (with raw HTML switched off), then nh3 keeps only the tags and attributes
listed here: nothing a person types can run script, style the page or frame another site.
"""

import re

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# Headings inside a post must sit below the page's own h1 and h2.
_HEADING_SHIFT = {"h1": "h3", "h2": "h4", "h3": "h5", "h4": "h6", "h5": "h6", "h6": "h6"}
_LINK_PATTERN = re.compile(r"(https?://|www\.|mailto:|\[[^\]]*\]\([^)]*\))", re.IGNORECASE)

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_renderer.enable("table")


def _shift_headings(tokens) -> None:
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _HEADING_SHIFT[token.tag]


def render_markdown(text: str) -> str:
    """Safe HTML for a piece of Markdown someone typed."""
    tokens = _renderer.parse(text or "")
    _shift_headings(tokens)
    html = _renderer.renderer.render(tokens, _renderer.options, {})
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer ugc",
        strip_comments=True,
    )


def contains_link(text: str) -> bool:
    """Whether Markdown text holds a web address or a link (new accounts may not post links)."""
    return bool(_LINK_PATTERN.search(text or ""))
