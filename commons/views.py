import logging
import posixpath
import sys

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from commons.api.errors import api_server_error, api_unavailable, is_api_request
from commons.health import health_report, public_status
from commons.links import absolute_url

logger = logging.getLogger(__name__)

# How long browsers and proxies are asked to wait before trying again while the database is away.
RETRY_AFTER_SECONDS = 30
# What a store the site cannot work without raises while it restarts or fails over: the database,
# and the shared cache (Redis in CACHE_URL), which sign-ins and page links need.
UNREACHABLE = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)


def media_in_development(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded images for `make run` (DEBUG only). Documents live under media/documents/ too,
    but are reached only through /documents/<id>/<name>, which keeps a draft's file as private as
    the draft: the path is normalised first, as `serve` does, so `//` or `..` cannot reach them."""
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised == "documents" or normalised.startswith("documents/"):
        raise Http404("Documents are served at /documents/<id>/<name>.")
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)


def sign_in_through_allauth(request: HttpRequest) -> HttpResponse:
    """Stands in for Wagtail's own sign-in forms (the admin's and the private pages'), which
    would take any account's password with no limit and skip email verification: everyone signs
    in through allauth's form. Nothing posted here is read."""
    return redirect_to_login(request.GET.get("next", "/"), settings.LOGIN_URL)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Everything public may be crawled; search results, the admin and people's own account
    pages may not (endless, private, or no use in a search engine). The sitemap is named on the
    host asked, as crawlers of each council's front door need their own."""
    context = {"sitemap_url": absolute_url(reverse("sitemap"), request)}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    report = health_report()
    return JsonResponse(report, status=503 if report["status"] == "failing" else 200)


@never_cache
@require_safe
def service_status(request: HttpRequest) -> HttpResponse:
    """The footer's "Service status": the health report in plain words, for people."""
    status = public_status()
    return render(
        request, "service_status.html", {"status": status}, status=200 if status.working else 503
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's page for an error nobody caught. A database or cache that cannot be reached
    (restarting, failing over) is an outage to wait out, so it answers 503 with Retry-After;
    anything else is a bug and answers 500. Rendered without the request: context processors
    may need the database."""
    error = sys.exc_info()[1]
    if isinstance(error, UNREACHABLE):
        logger.warning("%s: answered 503 for %s", type(error).__name__, request.path)
        if is_api_request(request):
            response = api_unavailable()
        else:
            response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if is_api_request(request):
        return api_server_error()
    return HttpResponseServerError(loader.get_template("500.html").render())
