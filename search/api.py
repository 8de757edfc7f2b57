"""The JSON search API: `GET /api/v1/search/?q=...` (and its first address, /api/search/) with
the same parameters as the search page. Documented in docs/search.md and docs/api.md. Answers as
the signed-in person, so members find members-only discussions here exactly as they do on the
page, and nobody else does. Errors have the content API's shape (commons.api.errors)."""

import logging
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from commons.api.errors import error_body
from commons.ratelimits import request_limit_check
from search.types import Facet, Hit, SearchResults
from search.views import run_search, search_form

logger = logging.getLogger(__name__)

BAD_PARAMETERS = "Some query parameters are wrong: see errors, by parameter name."
READ_ONLY = "The search API only reads: use GET."


def hit_json(request: HttpRequest, hit: Hit) -> dict[str, Any]:
    return {
        "title": hit.title,
        "url": request.build_absolute_uri(hit.url),
        "kind": hit.kind,
        "kind_label": hit.kind_label,
        "snippet": str(hit.snippet),
        "score": hit.score,
        "date": hit.date.isoformat() if hit.date else None,
    }


def facet_json(facet: Facet) -> list[dict[str, Any]]:
    return [
        {
            "value": value.value,
            "label": value.label,
            "count": value.count,
            "selected": value.selected,
        }
        for value in facet.values
    ]


def results_json(request: HttpRequest, results: SearchResults) -> dict[str, Any]:
    return {
        "query": results.query,
        "total": results.total,
        "page": results.page,
        "per_page": results.per_page,
        "page_count": results.page_count,
        "results": [hit_json(request, hit) for hit in results.hits],
        "facets": {facet.name: facet_json(facet) for facet in results.facets},
        "did_you_mean": results.did_you_mean or None,
        "backend": results.backend,
        "degraded": results.degraded,
        "timed_out": results.timed_out,
    }


def _private(response: JsonResponse, request: HttpRequest) -> JsonResponse:
    # What a signed-in person sees can include members-only discussions: never cache it shared.
    # Anonymous answers get public caching and an ETag from commons.api.caching; they vary by
    # cookie because reading request.user touched the session.
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt  # it never writes; a POST gets the JSON 405 below, not the CSRF failure page
def search_api(request: HttpRequest) -> JsonResponse:
    if request.method not in ("GET", "HEAD"):
        # Not Django's require_safe: its empty 405 becomes the site's HTML page.
        response = JsonResponse(error_body(READ_ONLY), status=405)
        response["Allow"] = "GET, HEAD"
        return response
    decision = request_limit_check("search_api", request)
    if not decision.allowed:
        body = error_body(decision.message, {"__all__": [decision.message]})
        response = JsonResponse(body, status=429)
        response["Retry-After"] = str(decision.retry_after)
        return _private(response, request)
    form = search_form(request)
    if not form.is_valid():
        body = error_body(BAD_PARAMETERS, form.error_dict())
        return _private(JsonResponse(body, status=400), request)
    results = run_search(request, form)
    return _private(JsonResponse(results_json(request, results)), request)
