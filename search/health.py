"""Whether the search backend answers, for /healthz and the search page's degraded mode.

/healthz is asked every few seconds by load balancers and monitors, so it must answer in well
under a second whatever state Elasticsearch is in: with the circuit breaker open it says so
without asking Elasticsearch; otherwise it asks with the short search timeout and keeps the
answer for HEALTH_CACHE_SECONDS."""

import logging
from typing import Any

from elasticsearch import ApiError, TransportError

from search import breaker, elasticsearch
from search.breaker import BreakerOpen
from search.outbox import is_outage

logger = logging.getLogger(__name__)

HEALTH_CACHE_SECONDS = 5

BREAKER_OPEN = {
    "backend": "elasticsearch",
    "ok": False,
    "error": "elasticsearch failed recently: searches use the database for now",
    "breaker": "open",
}


def search_backend_status() -> dict[str, Any]:
    if not elasticsearch.is_configured():
        # Wagtail's database backend lives in the database: it answers when the database does.
        return {"backend": "database", "ok": True}
    if breaker.is_open():
        return dict(BREAKER_OPEN)
    key = breaker.scoped_key("health")
    cache = breaker.shared_cache()
    remembered = breaker.cache_call("read the health", lambda: cache.get(key), None)
    if isinstance(remembered, dict):
        return remembered
    status = elasticsearch_status()
    breaker.cache_call(
        "keep the health", lambda: cache.set(key, status, HEALTH_CACHE_SECONDS), None
    )
    return status


def elasticsearch_status() -> dict[str, Any]:
    """Ask the cluster now (through the breaker, so a failure here spares the next searches
    the wait, and a half-open breaker may be probed by the health check)."""
    try:
        # The node Commons tests against has no `GET /`, so ping() is not usable: ask for health.
        health = breaker.guarded(
            lambda: elasticsearch.search_client().cluster.health(), is_failure=is_outage
        )
    except BreakerOpen:
        return dict(BREAKER_OPEN)
    except (TransportError, ApiError) as error:
        logger.warning("Health check: Elasticsearch unreachable: %s", error)
        return {"backend": "elasticsearch", "ok": False, "error": "elasticsearch unreachable"}
    cluster_status = health.get("status")
    return {
        "backend": "elasticsearch",
        "ok": cluster_status in ("green", "yellow"),
        "cluster_status": cluster_status,
    }
