"""A circuit breaker in front of Elasticsearch for what people wait on: search, autocomplete
and /healthz. The worker does not use it: it has the outbox's own retries and back-off.

Closed: requests go to Elasticsearch. A failure (the node down, unreachable, timing out,
overloaded) or an answer slower than ELASTICSEARCH_BREAKER_SLOW_SECONDS **opens** it: for
ELASTICSEARCH_BREAKER_SECONDS every search answers from the database at once, instead of each
one waiting for a sick node. Then it is **half-open**: the first request to come along probes
Elasticsearch (others keep using the database meanwhile); if the probe is answered in time the
breaker closes, otherwise it opens again.

Why a request probes rather than a background task: the web processes have no scheduler, and a
thread per process would probe the cluster once per process. One probe per breaker period
costs one person at most ELASTICSEARCH_SEARCH_TIMEOUT_SECONDS, which is the wait everyone
had before the breaker.

The state lives in Django's default cache, so with a shared cache (Redis) every web process
sees one breaker and one probe; with the local-memory cache each process has its own. It is
keyed by the configured nodes, so two clusters never share a state. If the cache itself fails,
the breaker counts as closed: a broken cache must never break search.
"""

import hashlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches

from search import elasticsearch

logger = logging.getLogger(__name__)

T = TypeVar("T")

# An open breaker is forgotten this long after its probe fell due, in case no request came to
# probe (a quiet site): forgetting it only means the next request probes.
FORGET_AFTER_SECONDS = 3600


class Permit(Enum):
    CLOSED = "closed"  # the breaker is closed: go ahead
    PROBE = "probe"  # this request is the one probe of a half-open breaker


class BreakerOpen(Exception):
    """Elasticsearch is being skipped for a while after it failed."""


@dataclass(frozen=True)
class BreakerState:
    opened_at: float  # wall-clock seconds: the processes sharing it may run on several hosts
    until: float
    reason: str

    def is_open(self, now: float) -> bool:
        """Still skipping Elasticsearch; after `until` it is half-open."""
        return now < self.until


# --- the cache, never trusted to work -------------------------------------------------------


def shared_cache() -> Any:
    return caches["default"]


def scoped_key(name: str) -> str:
    """A cache key of this name for the configured nodes: two clusters never share a state."""
    nodes = ",".join(sorted(elasticsearch.node_urls()))
    digest = hashlib.sha256(nodes.encode()).hexdigest()[:16]
    return f"search:breaker:{name}:{digest}"


def cache_call(operation: str, call: Callable[[], T], fallback: T) -> T:
    """`call()`, or `fallback` (logged) if the cache fails."""
    try:
        return call()
    except Exception as error:  # any backend's failure: Redis down, a timeout, a bad pickle
        logger.warning("Search circuit breaker: the cache failed (%s): %s", operation, error)
        return fallback


def _whole_seconds(seconds: float) -> int:
    # Redis takes whole seconds and would expire a key given 0 at once.
    return max(1, math.ceil(seconds))


# --- state ----------------------------------------------------------------------------------


def state() -> BreakerState | None:
    """The breaker's state if it has been opened (and not closed since), else None."""
    raw = cache_call("read", lambda: shared_cache().get(scoped_key("state")), None)
    if not isinstance(raw, dict):
        return None
    try:
        return BreakerState(float(raw["opened_at"]), float(raw["until"]), str(raw["reason"]))
    except (KeyError, TypeError, ValueError):
        return None


def is_open(now: float | None = None) -> bool:
    """Elasticsearch is being skipped right now (open, not yet due a probe)."""
    current = state()
    return current is not None and current.is_open(time.time() if now is None else now)


def probe_seconds() -> float:
    """How long one probe may take, every node tried: after that another request may probe,
    even if the process that was probing died."""
    return settings.ELASTICSEARCH_SEARCH_TIMEOUT_SECONDS * len(elasticsearch.node_urls()) + 1


def permit(now: float | None = None) -> Permit | None:
    """May this request use Elasticsearch? None while the breaker is open, or while it is
    half-open and another request is already probing."""
    current = state()
    if current is None:
        return Permit.CLOSED
    if current.is_open(time.time() if now is None else now):
        return None
    # `add` is atomic in Redis and in the local-memory cache: exactly one request wins the probe.
    timeout = _whole_seconds(probe_seconds())
    won = cache_call(
        "claim the probe", lambda: shared_cache().add(scoped_key("probe"), True, timeout), True
    )
    return Permit.PROBE if won else None


def trip(reason: str, now: float | None = None) -> BreakerState:
    """Open the breaker for ELASTICSEARCH_BREAKER_SECONDS from now."""
    now = time.time() if now is None else now
    seconds = settings.ELASTICSEARCH_BREAKER_SECONDS
    opened = BreakerState(opened_at=now, until=now + seconds, reason=reason)
    value = {"opened_at": opened.opened_at, "until": opened.until, "reason": opened.reason}
    timeout = _whole_seconds(seconds + FORGET_AFTER_SECONDS)
    cache_call("open", lambda: shared_cache().set(scoped_key("state"), value, timeout), None)
    release_probe()
    logger.warning(
        "Search circuit breaker opened: Elasticsearch is skipped for %gs (%s)", seconds, reason
    )
    return opened


def _forget(operation: str) -> None:
    keys = [scoped_key("state"), scoped_key("probe")]
    cache_call(operation, lambda: shared_cache().delete_many(keys), None)


def close() -> None:
    """Elasticsearch answered a probe: use it again."""
    _forget("close")
    logger.info("Search circuit breaker closed: Elasticsearch answered again")


def reset() -> None:
    """Forget the breaker (tests; an operator after mending the cluster)."""
    _forget("reset")


# --- one guarded call -----------------------------------------------------------------------


def is_slow(seconds: float) -> bool:
    return seconds > settings.ELASTICSEARCH_BREAKER_SLOW_SECONDS


def record_answer(granted: Permit, seconds: float | None) -> None:
    """Elasticsearch answered (perhaps refusing the request: it is alive) in `seconds`; None
    when it was not asked at all (an empty search), which proves nothing either way."""
    if seconds is None:
        if granted is Permit.PROBE:
            release_probe()  # let the next request probe, without waiting for the claim to lapse
    elif is_slow(seconds):
        trip(f"it took {seconds:.1f}s to answer")
    elif granted is Permit.PROBE:
        close()


def release_probe() -> None:
    cache_call("release the probe", lambda: shared_cache().delete(scoped_key("probe")), None)


def guarded(
    call: Callable[[], T],
    *,
    is_failure: Callable[[Exception], bool],
    seconds: Callable[[], float | None] | None = None,
) -> T:
    """`call()` if the breaker allows it, recording how it went. Raises BreakerOpen without
    calling when it does not; re-raises whatever `call` raises. `is_failure` says which errors
    mean the node is sick (rather than, say, a request it refused); `seconds`, how long the
    call waited for Elasticsearch, None if it never asked (by default, how long it took)."""
    granted = permit()
    if granted is None:
        raise BreakerOpen("Elasticsearch is skipped for a while after it failed")
    started = time.monotonic()

    def waited() -> float | None:
        return seconds() if seconds else time.monotonic() - started

    try:
        result = call()
    except Exception as error:
        if is_failure(error):
            trip(f"{type(error).__name__}: {error}")
        else:
            record_answer(granted, waited())
        raise
    record_answer(granted, waited())
    return result
