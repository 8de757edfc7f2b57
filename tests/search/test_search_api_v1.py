"""The search API as part of the content API (/api/v1/search/): the same answers as the old
address, JSON for every error, and caching headers for anonymous answers only."""

import pytest
from django.test import Client

from tests.factories import OrganisationFactory, make_case_study, make_verified_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_study(library, search_index):
    page = make_case_study(
        library.case_studies,
        title="Northshire shares revenues and benefits",
        organisations=[OrganisationFactory(name="Northshire County Council", slug="northshire")],
    )
    search_index.add(page)
    return page


def test_the_versioned_address_answers_as_the_old_one(client, case_study):
    new = client.get("/api/v1/search/", {"q": "revenues"})
    old = client.get("/api/search/", {"q": "revenues"})

    assert new.status_code == old.status_code == 200
    assert [r["title"] for r in new.json()["results"]] == [
        r["title"] for r in old.json()["results"]
    ]
    assert new.json()["total"] == 1


@pytest.mark.parametrize("address", ["/api/v1/search/", "/api/search/"])
def test_other_methods_are_a_json_405_even_without_a_csrf_token(library, address):
    client = Client(enforce_csrf_checks=True)
    for response in (client.post(address, {"q": "x"}), client.delete(address)):
        assert response.status_code == 405
        assert response["Content-Type"] == "application/json"
        assert response["Allow"] == "GET, HEAD"
        assert response.json()["detail"]


def test_a_bad_parameter_is_a_400_in_the_apis_shape(client, library):
    response = client.get("/api/v1/search/", {"q": "x", "kind": "nonsense"})

    assert response.status_code == 400
    assert response.json()["detail"]
    assert list(response.json()["errors"]) == ["kind"]


def test_anonymous_answers_are_cacheable_with_an_etag_and_signed_in_ones_are_not(
    client, case_study
):
    anonymous = client.get("/api/v1/search/", {"q": "revenues"})
    again = client.get("/api/v1/search/", {"q": "revenues"}, HTTP_IF_NONE_MATCH=anonymous["ETag"])
    client.force_login(make_verified_user())
    signed_in = client.get("/api/v1/search/", {"q": "revenues"})

    assert "public" in anonymous["Cache-Control"]
    assert "Cookie" in anonymous["Vary"]
    assert again.status_code == 304
    assert signed_in["Cache-Control"] == "private, no-store"
