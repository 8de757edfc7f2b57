"""The JSON search API and the autocomplete endpoint, through the real Elasticsearch node."""

import pytest
from django.test import override_settings

from commons.ratelimits import LIMITS, Limit
from community.models import Community
from search import elasticsearch
from tests.factories import (
    CommunityFactory,
    OrganisationFactory,
    make_case_study,
    make_member,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db

RESULT_KEYS = {"title", "url", "kind", "kind_label", "snippet", "score", "date"}


@pytest.fixture
def case_study(library, search_index):
    page = make_case_study(
        library.case_studies,
        title="Northshire shares revenues and benefits",
        organisations=[OrganisationFactory(name="Northshire County Council", slug="northshire")],
        tags=["Council tax"],
    )
    search_index.add(page)
    return page


@pytest.fixture
def secret_thread(search_index):
    community = CommunityFactory(
        name="Shared ICT leaders",
        visibility=Community.Visibility.MEMBERS,
        join_policy=Community.JoinPolicy.APPROVAL,
    )
    thread = make_thread(community, title="Secret data centre plans")
    search_index.add(thread)
    return thread


def test_the_api_answers_with_results_facets_and_how_it_answered(client, case_study):
    response = client.get("/api/search/", {"q": "revenues"})
    answer = response.json()

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert answer["query"] == "revenues"
    assert answer["total"] == 1
    assert (answer["page"], answer["per_page"], answer["page_count"]) == (1, 20, 1)
    assert answer["backend"] == "elasticsearch"
    assert answer["degraded"] is False
    assert answer["did_you_mean"] is None
    [result] = answer["results"]
    assert set(result) == RESULT_KEYS
    assert result["title"] == "Northshire shares revenues and benefits"
    assert result["url"].startswith("http://testserver/case-studies/")
    assert (result["kind"], result["kind_label"]) == ("case_study", "Case study")
    assert "<mark>" in result["snippet"]
    assert isinstance(result["score"], float)
    assert result["date"][:4].isdigit()
    organisations = {value["value"]: value for value in answer["facets"]["organisation"]}
    assert organisations["northshire"] == {
        "value": "northshire",
        "label": "Northshire County Council",
        "count": 1,
        "selected": False,
    }
    assert set(answer["facets"]) >= {"kind", "tag", "organisation", "service_area", "date"}


def test_the_api_takes_the_same_filters_as_the_page(client, case_study):
    chosen = client.get("/api/search/", {"q": "revenues", "kind": "case_study"}).json()
    other = client.get("/api/search/", {"q": "revenues", "kind": "resource"}).json()

    assert chosen["total"] == 1
    assert next(v for v in chosen["facets"]["kind"] if v["value"] == "case_study")["selected"]
    assert other["total"] == 0


@pytest.mark.parametrize(
    ("parameters", "field"),
    [
        ({"q": "x", "sort": "cheapest"}, "sort"),
        ({"q": "x", "page": "-1"}, "page"),
        ({"q": "x", "page": "9999"}, "page"),
        ({"q": "x", "kind": "spaceship"}, "kind"),
        ({"q": "x", "region": "atlantis"}, "region"),
        ({"q": "x", "date": "yesterday"}, "date"),
        ({"q": "x", "scope": "site"}, "scope"),
        ({"q": "x", "service_area": "no spaces allowed"}, "service_area"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_parameter(client, library, parameters, field):
    response = client.get("/api/search/", parameters)

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert errors[field] and all(isinstance(message, str) for message in errors[field])


def test_members_only_discussions_are_found_only_by_members(client, secret_thread):
    member = make_member(secret_thread.community, make_verified_user(username="member"))
    outsider = make_verified_user(username="outsider")

    def titles():
        answer = client.get("/api/search/", {"q": "secret data centre"}).json()
        return [result["title"] for result in answer["results"]]

    anonymous_titles = titles()
    client.force_login(outsider)
    outsider_titles = titles()
    client.force_login(member)
    member_titles = titles()

    assert "Secret data centre plans" not in anonymous_titles
    assert "Secret data centre plans" not in outsider_titles
    assert "Secret data centre plans" in member_titles


def test_answers_to_signed_in_people_are_never_cached_by_others(client, case_study):
    anonymous = client.get("/api/search/", {"q": "revenues"})
    client.force_login(make_verified_user())
    signed_in = client.get("/api/search/", {"q": "revenues"})

    assert "private" not in anonymous.get("Cache-Control", "")
    assert signed_in["Cache-Control"].startswith("private")


def test_too_many_searches_from_one_address_are_refused_for_a_minute(client, library, monkeypatch):
    monkeypatch.setitem(LIMITS, "search_api", Limit(2, 60, LIMITS["search_api"].message))

    answers = [client.get("/api/search/", {"q": "x", "sort": "bad"}) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [400, 400, 429]
    assert 0 < int(answers[2]["Retry-After"]) <= 120
    assert "Too many searches" in answers[2].json()["errors"]["__all__"][0]


def test_when_elasticsearch_is_down_the_api_says_the_database_answered(client, case_study):
    elasticsearch._client_for.cache_clear()
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
        answer = client.get("/api/search/", {"q": "revenues"}).json()
    elasticsearch._client_for.cache_clear()

    assert (answer["backend"], answer["degraded"]) == ("database", True)
    assert [result["title"] for result in answer["results"]] == [
        "Northshire shares revenues and benefits"
    ]


def test_the_api_only_answers_get(client, library):
    assert client.post("/api/search/", {"q": "x"}).status_code == 405


def test_autocomplete_suggests_titles_as_you_type(client, case_study):
    answer = client.get("/search/autocomplete/", {"q": "northsh"}).json()

    texts = [suggestion["text"] for suggestion in answer["suggestions"]]
    assert "Northshire shares revenues and benefits" in texts
    first = answer["suggestions"][texts.index("Northshire shares revenues and benefits")]
    assert first["url"].startswith("/case-studies/")
    assert first["search_url"].startswith("/search/?q=")


def test_autocomplete_waits_for_two_letters(client, case_study):
    assert client.get("/search/autocomplete/", {"q": "n"}).json()["suggestions"] == []


def test_autocomplete_never_suggests_members_only_titles_to_outsiders(client, secret_thread):
    answer = client.get("/search/autocomplete/", {"q": "secret da"}).json()

    assert "Secret data centre plans" not in [s["text"] for s in answer["suggestions"]]


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_the_search_limit_counts_each_visitor_apart(client, library, monkeypatch):
    monkeypatch.setitem(LIMITS, "search_api", Limit(2, 60, LIMITS["search_api"].message))

    def status(visitor: str) -> int:
        headers = {"x-forwarded-for": visitor}
        return client.get("/api/search/", {"q": "x", "sort": "bad"}, headers=headers).status_code

    assert [status("203.0.113.5") for _ in range(3)] == [400, 400, 429]
    assert status("198.51.100.7") == 400
