"""The JSON search API: `GET /api/search/?q=...` with the same parameters as the search page.
Documented in docs/search.md. Answers as the signed-in person, so members find members-only
discussions here exactly as they do on the page, and nobody else does."""

import logging
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from commons.ratelimits import request_limit_check
from search.types import Facet, Hit, SearchResults
from search.views import run_search, search_form

logger = logging.getLogger(__name__)

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
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def search_api(request: HttpRequest) -> JsonResponse:
    decision = request_limit_check("search_api", request)
    if not decision.allowed:
        response = JsonResponse({"errors": {"__all__": [decision.message]}}, status=429)
        response["Retry-After"] = str(decision.retry_after)
        return _private(response, request)
    form = search_form(request)
    if not form.is_valid():
        return _private(JsonResponse({"errors": form.error_dict()}, status=400), request)
    results = run_search(request, form)
    return _private(JsonResponse(results_json(request, results)), request)
