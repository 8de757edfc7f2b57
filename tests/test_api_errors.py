"""Under /api/ even a bug or an outage answers JSON in the API's error shape, never HTML."""

import pytest

from tests.factories import make_case_study


@pytest.fixture
def client_without_raising(client):
    client.raise_request_exception = False
    return client


def test_a_bug_under_the_api_is_a_json_500(client_without_raising, db, settings):
    settings.ROOT_URLCONF = "tests.urls_that_fail"

    response = client_without_raising.get("/api/v1/fails/")
    page = client_without_raising.get("/fails/")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "Something went wrong on our side. Try again later.",
        "errors": {},
    }
    assert "Sorry, there is a problem with the service" in page.content.decode()


@pytest.fixture
def case_study(library):
    return make_case_study(library.case_studies)


def test_an_outage_under_the_api_is_a_json_503_with_retry_after(
    case_study, cache_unreachable, client_without_raising
):
    response = client_without_raising.get("/api/v1/case-studies/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json()["detail"].startswith("Commons cannot answer just now")
