"""A page for an address opened with a method it does not take.

Django's `require_POST` and class views' `http_method_names` answer such a request with an empty
405, which a person who opened a form's address from a bookmark or a copied link sees as a blank
page. One middleware gives every one of them the site's page instead, so no view repeats it.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme


def way_back(request: HttpRequest) -> str:
    """The page the person came from, if it is on this site; otherwise the home page."""
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return ""


class MethodNotAllowedPageMiddleware:
    """Renders templates/405.html for an empty 405, keeping its status and `Allow` header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not isinstance(response, HttpResponseNotAllowed) or response.content:
            return response
        return HttpResponseNotAllowed(
            response["Allow"].split(", "),
            render_to_string("405.html", {"back": way_back(request)}, request=request),
        )
