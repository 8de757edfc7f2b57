"""The one place Commons opens a connection to Elasticsearch.

The client is made when first used, never at import time, so migrations and tests that do not
touch search never need a node.
"""

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch


def is_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=4)
def _client_for(url: str, timeout: float) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=timeout, retry_on_timeout=False, max_retries=0)


def client() -> Elasticsearch:
    if not is_configured():
        raise RuntimeError("ELASTICSEARCH_URL is not set: Commons is using database search.")
    return _client_for(settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_TIMEOUT_SECONDS)


def index_name(kind: str) -> str:
    """Every index (and alias) Commons owns starts with the configured prefix."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}_{kind}"
