"""Caching headers for the API: an ETag on every successful read (so a conditional GET with
If-None-Match answers 304 with no body) and Cache-Control by who asked.

The content endpoints answer everyone the same public content, so their answers may be kept by
shared caches for a few minutes. An answer that depends on who asked (the search API answers
signed-in people as themselves) is marked private by its view before it reaches here."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag

from commons.api.errors import is_api_request

PUBLIC_MAX_AGE = 300


class ApiCachingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_api_request(request) or request.method not in ("GET", "HEAD"):
            return response
        if response.status_code != 200 or response.streaming:
            return response
        if response.get("Content-Type", "").startswith("text/html"):
            return response  # the docs page: each carries its own CSP nonce
        # A key changes only the rate limit, but caches must not serve one key's 429 to another.
        patch_vary_headers(response, ("Authorization",))
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
        if not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)
