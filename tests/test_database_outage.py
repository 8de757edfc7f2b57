"""When the database or the shared cache cannot be reached, people get "come back soon" (503),
not a bug (500)."""

import pytest


@pytest.fixture
def client_without_raising(client):
    client.raise_request_exception = False
    return client


def test_a_page_answers_503_with_the_problem_page_while_the_database_is_unreachable(
    database_unreachable, client_without_raising
):
    response = client_without_raising.get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in response.content.decode()


def test_health_says_failing_with_503_while_the_database_is_unreachable(
    database_unreachable, client_without_raising
):
    response = client_without_raising.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "failing"


def test_a_bug_is_still_a_500(client_without_raising, db, settings):
    settings.ROOT_URLCONF = "tests.urls_that_fail"

    response = client_without_raising.get("/fails/")

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_a_page_answers_503_while_the_shared_cache_is_unreachable(
    library, cache_unreachable, client_without_raising
):
    """Wagtail keeps the sites' root paths in the cache, so a page that links to others needs it."""
    response = client_without_raising.get("/case-studies/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, the service is unavailable" in response.content.decode()
