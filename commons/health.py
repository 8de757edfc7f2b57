"""What /healthz reports: can we reach the database, the cache and the search backend? And the
same in words for people, on the status page the footer links to."""

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection

from search.health import search_backend_status

logger = logging.getLogger(__name__)


def database_status() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: database unreachable: %s", error)
        return {"ok": False, "vendor": connection.vendor, "error": "database unreachable"}
    return {"ok": True, "vendor": connection.vendor}


def cache_status() -> dict[str, Any]:
    """With Redis in CACHE_URL, sign-ins (their rate limits) and every page linking to others
    (Wagtail caches the sites' root paths) need the cache as much as the database."""
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    try:
        cache.get("commons:healthz")
    # Each backend raises its own client's errors (redis.ConnectionError, ...), not Django's.
    except Exception as error:
        logger.warning("Health check: cache unreachable: %s", error)
        return {"ok": False, "backend": backend, "error": "cache unreachable"}
    return {"ok": True, "backend": backend}


def health_report() -> dict[str, Any]:
    """Overall status is `failing` without the database or the cache, `degraded` without search."""
    database = database_status()
    shared_cache = cache_status()
    search = search_backend_status()
    if not database["ok"] or not shared_cache["ok"]:
        status = "failing"
    elif not search["ok"]:
        status = "degraded"
    else:
        status = "ok"
    return {"status": status, "database": database, "cache": shared_cache, "search": search}


@dataclass(frozen=True)
class PublicStatus:
    """The health report told to people: what they can and cannot do, never which part of the
    machinery is down (that is for monitoring, at /healthz)."""

    heading: str
    detail: str
    working: bool


PUBLIC_STATUS = {
    "ok": PublicStatus(
        heading="Commons is working normally",
        detail="You can search, read, sign in and post as usual.",
        working=True,
    ),
    "degraded": PublicStatus(
        heading="Search is not working fully",
        detail="Search is running slowly, so results may be incomplete. "
        "Everything else is working as usual. We are fixing it.",
        working=True,
    ),
    "failing": PublicStatus(
        heading="Commons is not working properly",
        detail="You may not be able to sign in, post, or open some pages. "
        "We are fixing it. Try again in a few minutes.",
        working=False,
    ),
}


def public_status() -> PublicStatus:
    return PUBLIC_STATUS[health_report()["status"]]
