"""Absolute links, for emails, feeds, the sitemap and canonical addresses: to the site the person
used when there is a request, otherwise to the site's public address, PUBLIC_BASE_URL.

Wagtail's own full page addresses (`Page.get_full_url`) come from the Site record, typically
http://localhost/ on port 80, which no reader outside the server can reach; `page_url` replaces
them everywhere Commons writes one.

Emails sent by the worker, the digest command or after a transaction commits have no request; a
link built from the web process's own address (127.0.0.1:8000 behind the proxy) reaches nobody,
and one-click unsubscribe links must be https (RFC 8058).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Page


def public_base_url_checked(value: str) -> str:
    """PUBLIC_BASE_URL as production needs it, an https address, without its trailing slash;
    otherwise ImproperlyConfigured naming the variable. Read by the settings, so it imports
    nothing that needs them."""
    if not value:
        raise ImproperlyConfigured(
            "Set PUBLIC_BASE_URL to the site's public address, such as "
            "https://commons.example.org: every link in an email is built from it."
        )
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            "PUBLIC_BASE_URL must be the site's https address, such as "
            f"https://commons.example.org (it is {value!r})."
        )
    return value.rstrip("/")


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """`path` (starting with /) as a full address: on the site `request` came to, respecting
    the proxy's headers (SECURE_PROXY_SSL_HEADER, ALLOWED_HOSTS), or without a request on
    PUBLIC_BASE_URL."""
    if request is not None:
        return request.build_absolute_uri(path)
    from django.conf import settings

    return settings.PUBLIC_BASE_URL + path


def page_url(page: Page, request: HttpRequest | None = None) -> str | None:
    """A live Wagtail page's full address, or None if it is on no site.

    Every council's front door shares the network's page tree, so a page is usually part of the
    site the person used and gets that site's address, port included. A page only another site
    serves keeps that site's own address; without a request, the network's pages are on
    PUBLIC_BASE_URL."""
    from wagtail.models import Site

    parts = page.get_url_parts(request)
    if parts is None:
        return None
    site_id, root_url, page_path = parts
    if request is not None:
        current = Site.find_for_request(request)
        if current is None or current.pk == site_id:
            return request.build_absolute_uri(page_path)
    elif Site.objects.filter(pk=site_id, is_default_site=True).exists():
        return absolute_url(page_path)
    return root_url + page_path
