"""The API's rate limits, counted by the site's own limiter (commons.ratelimits) in the shared
cache: a modest one per address for anonymous requests, and each partner key's own."""

from rest_framework.exceptions import Throttled
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from commons.models import PartnerApiKey
from commons.ratelimits import Limit, client_address, limit_consume

KEY_MESSAGE = "This key has made too many requests in the last minute. Wait, then try again."


class ApiRateThrottle(BaseThrottle):
    def allow_request(self, request: Request, view) -> bool:
        api_key = request.auth if isinstance(request.auth, PartnerApiKey) else None
        if api_key is not None:
            limit = Limit(api_key.requests_per_minute, 60, KEY_MESSAGE)
            decision = limit_consume("api", f"key:{api_key.prefix}", limit=limit)
        else:
            decision = limit_consume("api", client_address(request._request))
        if not decision.allowed:
            # Raised here rather than returning False, so the 429 carries our message; `wait`
            # set afterwards, so DRF adds only Retry-After, not "Expected available in ...".
            refused = Throttled(detail=decision.message)
            refused.wait = decision.retry_after
            raise refused
        return True
