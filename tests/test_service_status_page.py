"""The footer's "Service status" is a page for people, in plain English, naming none of the
machinery behind the site (issue #15, item 8). Monitoring keeps its JSON at /healthz."""

import pytest
from django.test import override_settings

from tests.ports import free_port

INTERNALS = ("postgres", "redis", "elasticsearch", "database", "cache", "vendor", '"ok"')


def assert_plain(body: str) -> None:
    lowered = body.lower()
    assert not [word for word in INTERNALS if word in lowered]


def test_the_footer_links_the_status_page_not_the_monitoring_endpoint(client, home_page):
    html = client.get("/").content.decode()

    assert '<a class="govuk-footer__link" href="/status/">Service status</a>' in html
    assert "/healthz" not in html


def test_the_status_page_says_commons_is_working_normally(client, db):
    response = client.get("/status/")

    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "<title>Service status" in body
    assert "Commons is working normally" in body
    assert_plain(body)


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9", ELASTICSEARCH_TIMEOUT_SECONDS=1)
def test_when_search_is_down_the_status_page_says_results_may_be_incomplete(client, db):
    body = client.get("/status/").content.decode()

    assert "Search is not working fully" in body
    assert "results may be incomplete" in body
    assert "Commons is working normally" not in body
    assert_plain(body)


def test_when_sign_in_cannot_work_the_status_page_says_so_and_answers_503(client, db):
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://:hunter2@127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1},
    }
    with override_settings(CACHES={"default": redis}):
        response = client.get("/status/")

    body = response.content.decode()
    assert response.status_code == 503
    assert "Commons is not working properly" in body
    assert "hunter2" not in body
    assert_plain(body)


@pytest.mark.parametrize("path", ["/status/", "/healthz"])
def test_monitoring_still_reads_json_at_healthz_and_people_read_html_at_status(client, db, path):
    response = client.get(path)

    is_json = response["Content-Type"] == "application/json"
    assert is_json == (path == "/healthz")
