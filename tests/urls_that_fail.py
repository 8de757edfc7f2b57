"""A page with a bug in it, to show a bug still answers 500 (tests/test_database_outage.py),
and an API address with one, which answers 500 in JSON (tests/test_api_errors.py)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from commons.urls import handler500  # noqa: F401  (the project's error page for this URLconf)


def fails(request: HttpRequest) -> HttpResponse:
    raise ValueError("a bug")


urlpatterns = [path("fails/", fails), path("api/v1/fails/", fails)]
