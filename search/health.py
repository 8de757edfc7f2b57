"""Whether the search backend answers, for /healthz and the search page's degraded mode."""

import logging
from typing import Any

from elasticsearch import ApiError, TransportError

from search import elasticsearch

logger = logging.getLogger(__name__)


def search_backend_status() -> dict[str, Any]:
    if not elasticsearch.is_configured():
        # Wagtail's database backend lives in the database: it answers when the database does.
        return {"backend": "database", "ok": True}
    try:
        # The node Commons tests against has no `GET /`, so ping() is not usable: ask for health.
        health = elasticsearch.client().cluster.health(timeout="2s")
    except (TransportError, ApiError) as error:
        logger.warning("Health check: Elasticsearch unreachable: %s", error)
        return {"backend": "elasticsearch", "ok": False, "error": "elasticsearch unreachable"}
    cluster_status = health.get("status")
    return {
        "backend": "elasticsearch",
        "ok": cluster_status in ("green", "yellow"),
        "cluster_status": cluster_status,
    }
