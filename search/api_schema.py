"""The search API's part of the content API's OpenAPI description. The search API is a plain
Django view (it answers as the signed-in person, unlike the DRF content endpoints), so its
description is written here, beside the view, and checked against real answers by the contract
test (tests/test_api_contract.py)."""

from typing import Any

from knowledge.models.taxonomy import Region
from search.forms import MAX_PAGE, MAX_VALUE_LENGTH, MAX_VALUES_PER_FILTER, QUERY_MAX_LENGTH
from search.types import DATE_RANGES, SCOPE_NETWORK, SCOPE_SITE, SORT_NEWEST, SORT_RELEVANCE

PATH = "/api/v1/search/"


def _string(**extra: Any) -> dict[str, Any]:
    return {"type": "string", **extra}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "nullable": True}


def _list_parameter(name: str, description: str, items: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "description": description,
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": items, "maxItems": MAX_VALUES_PER_FILTER},
    }


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "description": description, "schema": schema}


SLUG = _string(maxLength=MAX_VALUE_LENGTH)
PARAMETERS = [
    _query("q", "The words to search for.", _string(maxLength=QUERY_MAX_LENGTH)),
    _list_parameter("kind", "Kinds of content (repeat for several).", _string()),
    _list_parameter("tag", "Tags, by name or slug.", SLUG),
    _list_parameter("organisation", "Organisations, by slug.", SLUG),
    _list_parameter("service_area", "Service areas, by slug.", SLUG),
    _list_parameter("community", "Communities, by slug.", SLUG),
    _list_parameter("region", "Regions.", _string(enum=list(Region.values))),
    _query("date", "When it was published.", _string(enum=list(DATE_RANGES))),
    _query("sort", "Most relevant or newest first.", _string(enum=[SORT_RELEVANCE, SORT_NEWEST])),
    _query(
        "page",
        "Page number, 20 results a page.",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
    ),
    _query(
        "scope",
        "The whole network, or this site's organisation only.",
        _string(enum=[SCOPE_NETWORK, SCOPE_SITE]),
    ),
]
FACET_VALUE = {
    "type": "object",
    "properties": {
        "value": _string(),
        "label": _string(),
        "count": {"type": "integer"},
        "selected": {"type": "boolean"},
    },
    "required": ["value", "label", "count", "selected"],
}
HIT = {
    "type": "object",
    "properties": {
        "title": _string(),
        "url": _string(format="uri"),
        "kind": _string(),
        "kind_label": _string(),
        "snippet": _string(description="Sanitised HTML: the matched words in <mark>."),
        "score": _nullable({"type": "number"}),
        "date": _nullable(_string(format="date-time")),
    },
    "required": ["title", "url", "kind", "kind_label", "snippet", "score", "date"],
}
RESULTS = {
    "type": "object",
    "properties": {
        "query": _string(),
        "total": {"type": "integer"},
        "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "page_count": {"type": "integer"},
        "results": {"type": "array", "items": HIT},
        "facets": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": FACET_VALUE},
        },
        "did_you_mean": _nullable(_string()),
        "backend": _string(),
        "degraded": {"type": "boolean"},
        "timed_out": {"type": "boolean"},
    },
    "required": [
        "query",
        "total",
        "page",
        "per_page",
        "page_count",
        "results",
        "facets",
        "did_you_mean",
        "backend",
        "degraded",
        "timed_out",
    ],
}


def describe_search(result: dict, **kwargs) -> dict:
    """drf-spectacular postprocessing hook (before commons.api.schema.document_errors, which
    adds the error answers): adds the search API's operation."""
    result.setdefault("paths", {})[PATH] = {
        "get": {
            "operationId": "search",
            "summary": "Search the whole network",
            "description": (
                "The site's search as JSON (docs/search.md). Answers a signed-in person as "
                "themselves, as the search page does; anonymous answers may be cached."
            ),
            "tags": ["search"],
            "parameters": PARAMETERS,
            "responses": {
                "200": {
                    "description": "One page of results, with facets.",
                    "content": {"application/json": {"schema": RESULTS}},
                }
            },
        }
    }
    return result
