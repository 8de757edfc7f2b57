"""Search's public functions. The rest of Commons calls these and never learns which backend
answered: Elasticsearch when it is configured and up, the database otherwise (and says so)."""

import logging
from collections.abc import Callable
from typing import TypeVar

from community.permissions import AnyUser
from search import breaker, elasticsearch
from search.backends import SearchBackend, SearchSkipped, SearchUnavailable
from search.breaker import BreakerOpen
from search.types import SORT_RELEVANCE, SearchFilters, SearchResults, Suggestion

logger = logging.getLogger(__name__)

T = TypeVar("T")

PER_PAGE = 20


def search(
    query: str,
    *,
    user: AnyUser,
    filters: SearchFilters | None = None,
    sort: str = SORT_RELEVANCE,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> SearchResults:
    database = _database()
    filters = filters or SearchFilters()
    arguments = {"user": user, "filters": filters, "sort": sort, "page": page, "per_page": per_page}
    if elasticsearch.is_configured():
        elastic = _elastic()
        try:
            return _through_breaker(lambda: elastic.search(query, **arguments))
        except SearchUnavailable as error:
            _log_fallback("Search", error)
            results = database.search(query, **arguments)
            results.degraded = True
            return results
    return database.search(query, **arguments)


def autocomplete(prefix: str, *, user: AnyUser, limit: int = 8) -> list[Suggestion]:
    database = _database()
    if elasticsearch.is_configured():
        elastic = _elastic()
        try:
            return _through_breaker(lambda: elastic.autocomplete(prefix, user=user, limit=limit))
        except SearchUnavailable as error:
            _log_fallback("Autocomplete", error)
    return database.autocomplete(prefix, user=user, limit=limit)


def _elastic() -> SearchBackend:
    # Imported when first searched, not with this module: they import the content models.
    from search.backends import elastic

    return elastic


def _database() -> SearchBackend:
    from search.backends import database

    return database


def _log_fallback(what: str, error: SearchUnavailable) -> None:
    # The breaker logged its opening once; a warning for every search it then skips is noise.
    log = logger.info if isinstance(error, SearchSkipped) else logger.warning
    log("%s fell back to the database: %s", what, error)


def _through_breaker(call: Callable[[], T]) -> T:
    """One whole search (its one or two requests) is one call through the circuit breaker: a
    slow first request opens it for the searches that follow, not for this one's second. It is
    judged by its slowest request to Elasticsearch, not by the time our own work took."""
    from search.backends import elastic

    elastic.forget_request_times()
    try:
        return breaker.guarded(
            call, is_failure=is_cluster_trouble, seconds=elastic.slowest_request_seconds
        )
    except BreakerOpen as error:
        raise SearchSkipped(str(error)) from error


def is_cluster_trouble(error: Exception) -> bool:
    """The cluster is sick (down, unreachable, timing out, overloaded): not a request it
    refused, nor a missing index, which skipping it for a while would not mend."""
    from search.outbox import is_outage

    cause = error.__cause__ if isinstance(error, SearchUnavailable) else error
    return isinstance(cause, Exception) and is_outage(cause)
