"""The two things that can answer a search: Elasticsearch, and the database when it cannot."""

from urllib.parse import urlencode

from django.urls import reverse

from search.types import Suggestion


class SearchUnavailable(Exception):
    """Elasticsearch did not answer (down, unreachable, timed out, or its index is missing)."""


class SearchSkipped(SearchUnavailable):
    """Elasticsearch was not asked: it failed recently and the circuit breaker is open."""


def tag_suggestion(tag: str) -> Suggestion:
    """An autocomplete entry that searches for everything with this tag (either backend)."""
    url = f"{reverse('search:page')}?{urlencode({'tag': tag})}"
    return Suggestion(text=tag, kind="tag", url=url)
