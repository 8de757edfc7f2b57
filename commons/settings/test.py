"""What `make test` runs: the real PostgreSQL and Elasticsearch that scripts/test.sh started."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

from .base import *

_MISSING = (
    "{name} is not set. The test suite runs against real services: use `make test`, which starts "
    "a private PostgreSQL and Elasticsearch, or set {name} to an existing one (see README.md)."
)

if not env("DATABASE_URL", default=""):
    raise ImproperlyConfigured(_MISSING.format(name="DATABASE_URL"))
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL for the test suite.")
if not ELASTICSEARCH_URL:
    raise ImproperlyConfigured(_MISSING.format(name="ELASTICSEARCH_URL"))

DEBUG = False
SECRET_KEY = get_random_secret_key()
# A prefix of its own lets several test runs share one node without touching each other.
ELASTICSEARCH_INDEX_PREFIX = env("TEST_ELASTICSEARCH_INDEX_PREFIX", default="test_commons")
# The suite runs on busy shared machines, where a fresh index's first search can take most of a
# second: a test of ranking or permissions must not become a test of the fallback. The tests of
# the search timeout and the circuit breaker set these themselves (tests/search/test_cluster.py).
ELASTICSEARCH_SEARCH_TIMEOUT_SECONDS = env.float(
    "ELASTICSEARCH_SEARCH_TIMEOUT_SECONDS", default=5.0
)
ELASTICSEARCH_BREAKER_SLOW_SECONDS = env.float("ELASTICSEARCH_BREAKER_SLOW_SECONDS", default=5.0)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# The suite's cache is each process's own memory, whatever CACHE_URL says: tests clear it freely
# (rate limits among them) without touching another run's counters, and need no network for it.
# The tests of what must be shared between processes (rate limits across web processes, the
# production server) start their own processes against the Redis in REDIS_URL.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
