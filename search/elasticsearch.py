"""The one place Commons opens a connection to Elasticsearch.

The client is made when first used, never at import time, so migrations and tests that do not
touch search never need a node.
"""

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch

from commons.elasticsearch_urls import parse_elasticsearch_urls


def is_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def node_urls() -> list[str]:
    """Every node ELASTICSEARCH_URL names (read here, not from ELASTICSEARCH_URLS, so a test
    that overrides the one setting gets the nodes it named)."""
    return parse_elasticsearch_urls(settings.ELASTICSEARCH_URL)


@lru_cache(maxsize=4)
def _client_for(urls: tuple[str, ...], timeout: float) -> Elasticsearch:
    return Elasticsearch(
        list(urls),
        request_timeout=timeout,
        # A node that refuses or drops the connection is marked dead in the client's node pool
        # (skipped for a while, with back-off) and the request goes to another: with every node
        # tried once, one dead node never fails a request while another answers.
        max_retries=len(urls) - 1,
        # A timeout is not retried: a frozen node, or a cluster stalled waiting for one, would
        # make a person wait one timeout per node. It fails at once, marks the node dead, and
        # for searches opens the circuit breaker (search/breaker.py).
        retry_on_timeout=False,
        # No sniffing: it would replace the nodes we were given with the addresses the nodes
        # publish, which behind a proxy, a load balancer or container networking are often not
        # reachable from the web servers. The configured list is the truth.
        sniff_on_start=False,
        sniff_on_node_failure=False,
        sniff_before_requests=False,
    )


def client() -> Elasticsearch:
    """For indexing, rebuilds and administration: the long ELASTICSEARCH_TIMEOUT_SECONDS."""
    if not is_configured():
        raise RuntimeError("ELASTICSEARCH_URL is not set: Commons is using database search.")
    return _client_for(tuple(node_urls()), settings.ELASTICSEARCH_TIMEOUT_SECONDS)


def search_client() -> Elasticsearch:
    """For what a person waits on (search, autocomplete, /healthz): the same connections and
    node pool as `client()`, with the short ELASTICSEARCH_SEARCH_TIMEOUT_SECONDS."""
    return client().options(request_timeout=settings.ELASTICSEARCH_SEARCH_TIMEOUT_SECONDS)


def index_name(kind: str) -> str:
    """Every index (and alias) Commons owns starts with the configured prefix."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}_{kind}"
