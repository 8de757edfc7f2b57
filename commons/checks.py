"""System checks `manage.py check --deploy` runs for a production deployment."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

# Caches whose contents live in one process's memory (or nowhere): counters kept in them reset
# for every worker and on every restart.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.security, Tags.caches, deploy=True)
def shared_cache_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Rate limits on sign-ins, sign-ups and the search API are counted in the default cache."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        Warning(
            "Rate limits are per process without a shared cache: each web worker counts failed "
            "sign-ins on its own and forgets them when it restarts.",
            hint="Set CACHE_URL to a Redis every web process reaches, e.g. "
            "redis://127.0.0.1:6379/0 (see docs/deploy.md).",
            id="commons.W001",
        )
    ]
