"""What /healthz reports: can we reach the database and the search backend?"""

import logging
from typing import Any

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


def health_report() -> dict[str, Any]:
    """Overall status is `failing` without a database, `degraded` without search."""
    database = database_status()
    search = search_backend_status()
    if not database["ok"]:
        status = "failing"
    elif not search["ok"]:
        status = "degraded"
    else:
        status = "ok"
    return {"status": status, "database": database, "search": search}
