"""Search's public functions. The rest of Commons calls these and never learns which backend
answered: Elasticsearch when it is configured and up, the database otherwise (and says so)."""

import logging
from collections.abc import Iterable

from django.db.models import Model

from community.permissions import AnyUser
from search import elasticsearch
from search.backends import SearchSkipped, SearchUnavailable
from search.types import SORT_RELEVANCE, SearchFilters, SearchResults, Suggestion

logger = logging.getLogger(__name__)

PER_PAGE = 20


def index_objects(objects: Iterable[Model]) -> int:
    """Record that these objects' documents must be brought up to date (in the caller's
    transaction). Returns how many tasks were written; none when Elasticsearch is not configured."""
    from search.outbox import enqueue

    return enqueue(objects)


def remove_objects(objects: Iterable[Model]) -> int:
    """Record that these (deleted or hidden) objects' documents must go. The worker decides from
    the object's state when it drains, so this is the same task as `index_objects`."""
    from search.outbox import enqueue

    return enqueue(objects)


def search(
    query: str,
    *,
    user: AnyUser,
    filters: SearchFilters | None = None,
    sort: str = SORT_RELEVANCE,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> SearchResults:
    from search.backends import database

    filters = filters or SearchFilters()
    arguments = {"user": user, "filters": filters, "sort": sort, "page": page, "per_page": per_page}
    if elasticsearch.is_configured():
        from search.backends import elastic

        try:
            return elastic.search(query, **arguments)
        except SearchUnavailable as error:
            _log_fallback("Search", error)
            results = database.search(query, **arguments)
            results.degraded = True
            return results
    return database.search(query, **arguments)


def autocomplete(prefix: str, *, user: AnyUser, limit: int = 8) -> list[Suggestion]:
    from search.backends import database

    if elasticsearch.is_configured():
        from search.backends import elastic

        try:
            return elastic.autocomplete(prefix, user=user, limit=limit)
        except SearchUnavailable as error:
            _log_fallback("Autocomplete", error)
    return database.autocomplete(prefix, user=user, limit=limit)


def _log_fallback(what: str, error: SearchUnavailable) -> None:
    # The breaker logged its opening once; a warning for every search it then skips is noise.
    log = logger.info if isinstance(error, SearchSkipped) else logger.warning
    log("%s fell back to the database: %s", what, error)
