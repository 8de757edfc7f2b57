"""Every error the API gives has one shape, whatever raised it:

    {"detail": "One plain-English sentence.", "errors": {"parameter": ["What is wrong with it."]}}

`errors` names the query parameters at fault (a 400) and is empty otherwise, so a client needs
one code path for all of them. Never an HTML page: a partner's code cannot read one."""

import logging
from typing import Any

from django.http import HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)

BAD_PARAMETERS = "Some query parameters are wrong: see errors, by parameter name."
NOT_FOUND = "Nothing is at this address. The endpoints are listed at /api/v1/docs/."
SERVER_ERROR = "Something went wrong on our side. Try again later."
UNAVAILABLE = "Commons cannot answer just now. Wait a minute (see Retry-After), then try again."


def error_body(detail: str, errors: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"detail": detail, "errors": errors or {}}


def _as_errors(detail: Any) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        return {
            name: [str(message) for message in (value if isinstance(value, list) else [value])]
            for name, value in detail.items()
        }
    return {"__all__": [str(message) for message in detail]}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler (which sets Retry-After and Allow), with our body shape."""
    response = exception_handler(exc, context)
    if response is None:
        return None  # a bug: Django's handler500 answers, in JSON under /api/ (server_error)
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(BAD_PARAMETERS, _as_errors(exc.detail))
    elif isinstance(exc, exceptions.NotFound):
        response.data = error_body(str(exc.detail) if exc.detail else NOT_FOUND)
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        response.data = error_body(str(detail))
    return response


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def api_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Any address under /api/ that no endpoint answers."""
    return JsonResponse(error_body(NOT_FOUND), status=status.HTTP_404_NOT_FOUND)


def api_server_error() -> JsonResponse:
    return JsonResponse(error_body(SERVER_ERROR), status=status.HTTP_500_INTERNAL_SERVER_ERROR)


def api_unavailable() -> JsonResponse:
    return JsonResponse(error_body(UNAVAILABLE), status=status.HTTP_503_SERVICE_UNAVAILABLE)
