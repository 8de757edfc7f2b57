"""The search page, its autocomplete and the JSON API are rate-limited per visitor (the person
if signed in, else their address): over the limit, a 429 with Retry-After and a plain-English
message, never a 500, and the words typed stay in the search box."""

import pytest
from django.test import override_settings

from commons.ratelimits import LIMITS, Limit
from tests.factories import make_verified_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_a_minute(monkeypatch):
    for name in ("search_page", "autocomplete", "search_api"):
        limit = LIMITS[name]
        monkeypatch.setitem(LIMITS, name, Limit(2, 60, limit.message))


def test_searching_too_often_answers_429_and_keeps_the_words(client, library, two_a_minute):
    for _ in range(2):
        assert client.get("/search/").status_code == 200

    response = client.get("/search/", {"q": "waste rounds"})

    html = response.content.decode()
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 120
    assert "You have searched a lot in the last minute" in html
    assert 'class="govuk-error-summary"' in html
    assert 'value="waste rounds"' in html


def test_asking_for_suggestions_too_often_answers_429_in_json(client, library, two_a_minute):
    answers = [client.get("/search/autocomplete/", {"q": "n"}) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert int(answers[2]["Retry-After"]) > 0
    assert answers[2].json() == {
        "query": "n",
        "suggestions": [],
        "error": "Too many suggestions asked for: wait a minute.",
    }


def test_signed_in_people_are_counted_apart_from_others_at_their_address(
    client, library, two_a_minute
):
    for _ in range(2):
        client.get("/search/")
    client.force_login(make_verified_user())

    assert client.get("/search/").status_code == 200


def test_when_redis_is_down_search_still_answers(client, library, two_a_minute, cache_unreachable):
    pages = [client.get("/search/").status_code for _ in range(3)]
    suggestions = [client.get("/search/autocomplete/", {"q": "n"}).status_code for _ in range(3)]

    assert pages == [200, 200, 200]
    assert suggestions == [200, 200, 200]


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=2)
def test_a_forwarded_for_header_shorter_than_the_proxies_is_no_500(client, library):
    headers = {"x-forwarded-for": "203.0.113.5"}  # two proxies would have written two

    page = client.get("/search/", headers=headers)
    api = client.get("/api/search/", {"q": "x", "sort": "bad"}, headers=headers)

    assert (page.status_code, api.status_code) == (200, 400)
