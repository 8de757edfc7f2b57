"""The two things that can answer a search: Elasticsearch, and the database when it cannot.

Each is a module (`search.backends.elastic`, `search.backends.database`) offering what
`SearchBackend` declares; `search.services` picks one and callers never learn which."""

from typing import Protocol, runtime_checkable
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from community.permissions import AnyUser
from search.types import SNIPPET_WORDS, SearchFilters, SearchResults, Suggestion


@runtime_checkable
class SearchBackend(Protocol):
    """What a backend answers, for the people `user` stands for: only what they may find."""

    def search(
        self,
        query: str,
        *,
        user: AnyUser,
        filters: SearchFilters,
        sort: str,
        page: int,
        per_page: int,
    ) -> SearchResults: ...

    def autocomplete(self, prefix: str, *, user: AnyUser, limit: int = 8) -> list[Suggestion]: ...


class SearchUnavailable(Exception):
    """Elasticsearch did not answer (down, unreachable, timed out, or its index is missing)."""


class SearchSkipped(SearchUnavailable):
    """Elasticsearch was not asked: it failed recently and the circuit breaker is open."""


def tag_suggestion(tag: str) -> Suggestion:
    """An autocomplete entry that searches for everything with this tag (either backend)."""
    url = f"{reverse('search:page')}?{urlencode({'tag': tag})}"
    return Suggestion(text=tag, kind="tag", url=url)


def opening_words(text: str) -> SafeString:
    """A snippet when no words matched where snippets are cut from: the text's start, escaped."""
    return escape(Truncator(text).words(SNIPPET_WORDS))
