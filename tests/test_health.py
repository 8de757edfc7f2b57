from unittest import mock

from django.db import DatabaseError
from django.test import override_settings

from commons import health
from search import breaker, elasticsearch
from search import health as search_health
from tests.ports import free_port


def test_healthz_reports_database_and_elasticsearch_answering(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    report = response.json()
    # A single node turns yellow once an index wants a replica it cannot place: still answering.
    assert report["search"].pop("cluster_status") in ("green", "yellow")
    assert report == {
        "status": "ok",
        "database": {"ok": True, "vendor": "postgresql"},
        "cache": {"ok": True, "backend": "LocMemCache"},
        "search": {"backend": "elasticsearch", "ok": True},
    }


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9", ELASTICSEARCH_TIMEOUT_SECONDS=1)
def test_healthz_says_search_is_down_when_elasticsearch_does_not_answer(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded"
    assert report["search"] == {
        "backend": "elasticsearch",
        "ok": False,
        "error": "elasticsearch unreachable",
    }


@override_settings(ELASTICSEARCH_URL="")
def test_without_elasticsearch_the_database_backend_answers_search(client, db):
    assert client.get("/healthz").json()["search"] == {"backend": "database", "ok": True}


def test_database_failure_makes_health_failing_with_no_details_leaked(db):
    broken_cursor = mock.MagicMock()
    broken_cursor.__enter__.return_value.execute.side_effect = DatabaseError("password=hunter2")
    with mock.patch.object(health.connection, "cursor", return_value=broken_cursor):
        report = health.health_report()

    assert report["status"] == "failing"
    assert report["database"]["ok"] is False
    assert "hunter2" not in str(report)


def test_healthz_fails_when_the_shared_cache_does_not_answer(client, db):
    """With Redis down, sign-ins and most pages fail: the proxy should stop sending traffic."""
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://:hunter2@127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1},
    }
    with override_settings(CACHES={"default": redis}):
        response = client.get("/healthz")

    assert response.status_code == 503
    report = response.json()
    assert report["status"] == "failing"
    assert report["cache"] == {"ok": False, "backend": "RedisCache", "error": "cache unreachable"}
    assert "hunter2" not in response.content.decode()


def test_healthz_refuses_to_change_anything(client, db):
    assert client.post("/healthz").status_code == 405


def test_with_the_breaker_open_healthz_says_degraded_without_asking_elasticsearch(client, db):
    breaker.trip("a test")
    asked = []
    with mock.patch.object(elasticsearch, "search_client", side_effect=lambda: asked.append(1)):
        report = client.get("/healthz").json()

    assert asked == []
    assert report["status"] == "degraded"
    assert report["search"] == {
        "backend": "elasticsearch",
        "ok": False,
        "error": "elasticsearch failed recently: searches use the database for now",
        "breaker": "open",
    }


def test_the_answer_of_elasticsearch_is_kept_for_a_few_seconds(client, db):
    first = client.get("/healthz").json()

    kept = breaker.shared_cache().get(breaker.scoped_key("health"))
    assert kept == first["search"]
    assert search_health.HEALTH_CACHE_SECONDS <= 10
