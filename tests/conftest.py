import os

import pytest
from django.core.cache import cache
from django.db import connection

from knowledge.models import HomePage
from knowledge.services import Library, home_page_ensure, library_ensure
from search import elasticsearch, vocabulary
from tests.ports import free_port


def _commits_without_serialized_rollback(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    transactional = (marker is not None and marker.kwargs.get("transaction", False)) or any(
        name in fixtures for name in ("transactional_db", "live_server")
    )
    serialized = (
        marker is not None and marker.kwargs.get("serialized_rollback", False)
    ) or "django_db_serialized_rollback" in fixtures
    return transactional and not serialized


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A transactional test ends with a flush that, without serialized_rollback, re-creates
    content types under new ids; the next test that restores the serialized database then
    fails on a duplicate key, far from the cause and only in some orders. Refuse such tests."""
    offenders = [item.nodeid for item in items if _commits_without_serialized_rollback(item)]
    if offenders:
        raise pytest.UsageError(
            "Transactional tests must use serialized_rollback "
            "(django_db(transaction=True, serialized_rollback=True) or the "
            "django_db_serialized_rollback fixture): " + ", ".join(offenders)
        )


@pytest.fixture(autouse=True)
def _fresh_vocabulary():
    """Each test reads the vocabulary its own database holds: the per-process copy of the rules
    (kept for 30 seconds) would otherwise carry one test's entries into the next."""
    vocabulary.clear_cache()
    yield
    vocabulary.clear_cache()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters (allauth) and the search circuit breaker live in the cache, which
    outlives each test's database: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db) -> HomePage:
    return home_page_ensure(title="Commons")


@pytest.fixture
def library(db) -> Library:
    """The shared top of the page tree: home, case studies, resources and collections."""
    return library_ensure()


@pytest.fixture
def es():
    """The real Elasticsearch node `make test` started; test indices are removed afterwards."""
    client = elasticsearch.client()
    yield client
    client.indices.delete(index=f"{elasticsearch.index_name('')}*", ignore_unavailable=True)


@pytest.fixture
def database_unreachable(transactional_db, django_db_serialized_rollback):
    """The real database connection pointed at a port nobody listens on, as when PostgreSQL
    restarts: the operating system refuses each connection. Put back before the test's own
    clean-up, which needs the database."""
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = str(free_port())
    yield
    connection.close()
    connection.settings_dict["PORT"] = real_port


@pytest.fixture
def cache_unreachable(settings):
    """Django's cache pointed at a Redis nobody runs, as when the shared cache restarts."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }


@pytest.fixture
def redis_url() -> str:
    """The real Redis `make test` started, for tests of what web processes share. The suite's own
    cache is per process (commons/settings/test.py), so only these tests need it."""
    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.fail("REDIS_URL is not set: use `make test`, which starts a private Redis.")
    return url
