"""Absolute links, for emails (and later feeds and sitemaps): to the site the person used when
there is a request, otherwise to the site's public address, PUBLIC_BASE_URL.

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
