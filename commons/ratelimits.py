"""Rate limits: how often one person (or one address) may do each thing, counted in the shared
cache so every web process sees the same counts.

One table, `LIMITS`, names every limit. Services call `limit_consume` just before they write, and
raise `RateLimited` (a `ValidationError`, so the forms that already show a service's errors keep
what was typed); views that only read (search) answer 429 with Retry-After instead.

Why our own limiter, not allauth's or django-ratelimit's: allauth's lives in
`allauth.core.internal` (private, and it changes between releases); django-ratelimit's counts
need a request, which services do not have, and let a Redis error escape as a 500. The whole
mechanism is the cache's atomic `add` and `incr`:

- The count is a sliding window, estimated from two fixed windows (the current one and a share
  of the previous one), so "5 in 10 minutes" also holds across a window's edge.
- Each attempt increments the counter first and decides on the number `incr` returned. `incr` is
  atomic on Redis, so 15 simultaneous attempts see 1 to 15 and only those within the limit pass:
  the race a read-count-then-write check loses. A refused attempt takes its increment back, so
  being refused does not lengthen the wait.
- If the cache cannot be reached, the limit lets the attempt through and logs a warning: a
  Redis outage must not stop people posting or searching (fail open).
"""

import logging
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import HttpRequest

logger = logging.getLogger(__name__)

KEY_PREFIX = "ratelimit"

_lifted: ContextVar[bool] = ContextVar("rate_limits_lifted", default=False)


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int
    message: str  # what the person reads when refused: plain English, what to do next


LIMITS: dict[str, Limit] = {
    # Threads and replies together. Keep the message in step with the numbers.
    "post": Limit(
        5,
        600,
        "You have posted 5 times in the last 10 minutes. Wait a few minutes, then post again.",
    ),
    # Threads, replies, listings and answers to stories: generous, as people fix typos.
    "edit": Limit(
        20,
        600,
        "You have made 20 changes in the last 10 minutes. Wait a few minutes, then save again.",
    ),
    # Each contribution emails every moderator.
    "contribution": Limit(
        5,
        3600,
        "You have sent 5 contributions in the last hour. Wait an hour, then send this one again.",
    ),
    "listing": Limit(
        5, 3600, "You have posted 5 listings in the last hour. Wait an hour, then post again."
    ),
    # Each expression of interest emails every officer of the listing's organisation.
    "interest": Limit(
        10,
        3600,
        "You have expressed interest 10 times in the last hour. Wait an hour, then try again.",
    ),
    # Each invitation emails an address a moderator typed: a cap keeps a hijacked moderator
    # account from spamming strangers.
    "invitation": Limit(
        20,
        3600,
        "You have sent 20 invitations in the last hour. Wait an hour, then invite again.",
    ),
    # Each question emails every contact of the case study.
    "question": Limit(
        5,
        3600,
        "You have asked 5 questions in the last hour. Wait an hour, then ask this one again.",
    ),
    "story": Limit(
        5, 86400, "You have told 5 stories in the last day. Wait a day, then tell this one."
    ),
    # "I've experienced this too" and taking it back: a press each, so room for second thoughts.
    "weight": Limit(
        30,
        600,
        "You have pressed “I've experienced this too” 30 times in the last 10 minutes. "
        "Wait a few minutes, then try again.",
    ),
    "search_page": Limit(
        60, 60, "You have searched a lot in the last minute. Wait a minute, then search again."
    ),
    # The search box asks after every pause in typing.
    "autocomplete": Limit(120, 60, "Too many suggestions asked for: wait a minute."),
    "search_api": Limit(60, 60, "Too many searches: wait a minute, then search again."),
    # The content API without a key; each partner key has its own (PartnerApiKey).
    "api": Limit(
        120,
        60,
        "Too many requests from your address in the last minute. Wait a minute, or ask the "
        "Commons editors for an API key with a higher limit (see /api/v1/docs/).",
    ),
}


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0  # seconds until the next attempt would pass, if nothing else is tried
    message: str = ""


class RateLimited(ValidationError):
    """A service refused: the person has done this too often. Views show `message` on the form."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision.message, code="rate_limited")
        self.retry_after = decision.retry_after


def _key(name: str, who: str, window: int) -> str:
    return f"{KEY_PREFIX}:{name}:{who}:{window}"


def _increment(key: str, seconds: int) -> int:
    # Two windows' life: the next window reads this one as its "previous".
    cache.add(key, 0, timeout=2 * seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=2 * seconds)
        return 1


def _seconds_until_allowed(limit: Limit, previous: int, current: int, elapsed: float) -> int:
    """When the estimate would let one more through, if nothing else is tried: the previous
    window's share must shrink to the room left in this one, or, with this window full, this
    window must become the previous one and shrink in its turn."""
    room = limit.count - 1 - current
    if room >= 0 and previous:
        fraction = 1 - room / previous
    else:
        fraction = 1 + max(0.0, 1 - (limit.count - 1) / current) if current else 0.0
    return max(1, math.ceil((fraction - elapsed) * limit.seconds))


def limit_consume(
    name: str, who: str, *, now: float | None = None, limit: Limit | None = None
) -> Decision:
    """Count one attempt at `name` by `who` (e.g. "user:12", "ip:203.0.113.5") and say whether
    it is allowed. `now` (seconds since the epoch) is for tests; by default, the clock. `limit`
    replaces the table's for a limit set per caller (an API key's own)."""
    limit = limit or LIMITS[name]
    now = time.time() if now is None else now
    window, into = divmod(now, limit.seconds)
    elapsed = into / limit.seconds
    key = _key(name, who, int(window))
    try:
        current = _increment(key, limit.seconds)
        previous = cache.get(_key(name, who, int(window) - 1)) or 0
    except Exception:
        # Any cache failure (Redis down, timing out, misconfigured): let people carry on.
        logger.warning("Rate limit %s not checked: the cache failed", name, exc_info=True)
        return Decision(allowed=True)
    if previous * (1 - elapsed) + current <= limit.count:
        return Decision(allowed=True)
    try:
        cache.decr(key)  # a refused attempt does not count
    except Exception:
        logger.warning("Rate limit %s: a refusal still counts", name, exc_info=True)
    logger.info("Rate limit %s refused %s", name, who)
    return Decision(
        allowed=False,
        retry_after=_seconds_until_allowed(limit, previous, current - 1, elapsed),
        message=limit.message,
    )


@contextmanager
def limits_lifted() -> Iterator[None]:
    """Within this block nothing is counted or refused: for seeding the demo through the
    services, where a few people write months of content at once. Never for requests."""
    token = _lifted.set(True)
    try:
        yield
    finally:
        _lifted.reset(token)


def user_limit_check(name: str, user) -> None:
    """For services: raise `RateLimited` if this signed-in person has done `name` too often."""
    if _lifted.get():
        return
    decision = limit_consume(name, f"user:{user.pk}")
    if not decision.allowed:
        raise RateLimited(decision)


def visitor(request: HttpRequest) -> str:
    """Who is asking: the signed-in person, or else their address (found as allauth finds it
    for sign-ins, through the same trusted-proxy settings)."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return client_address(request)


def client_address(request: HttpRequest) -> str:
    """Who is asking, by address only: for answers that must not read the session (the content
    API's, which shared caches keep, would otherwise vary by cookie)."""
    try:
        address = get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        # A forwarded-for header shorter than the proxies we trust (forged or broken): count
        # all such requests together rather than answer 500.
        address = "unknown"
    return f"ip:{address}"


def request_limit_check(name: str, request: HttpRequest) -> Decision:
    """For views: count this request against `name` for whoever is asking."""
    return limit_consume(name, visitor(request))
