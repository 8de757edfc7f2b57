"""Partners' API keys: a modest limit per address without one, each key's own limit with one,
429 with Retry-After and a JSON body when it runs out; editors issue and revoke keys in the
admin, and only a hash of each key is kept."""

import re

import pytest
from django.contrib.auth.models import Group

from commons.models import PartnerApiKey
from commons.ratelimits import LIMITS, Limit
from tests.factories import OrganisationFactory, make_verified_user

pytestmark = pytest.mark.django_db

ADDRESS = "/api/v1/organisations/"


@pytest.fixture
def small_anonymous_limit(monkeypatch):
    monkeypatch.setitem(LIMITS, "api", Limit(2, 60, "Too many requests from your address."))


def with_key(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Api-Key {key}"}


def test_anonymous_requests_beyond_the_limit_get_a_json_429_with_retry_after(
    client, small_anonymous_limit
):
    answers = [client.get(ADDRESS) for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 429]
    refused = answers[2]
    assert refused["Content-Type"] == "application/json"
    assert int(refused["Retry-After"]) > 0
    assert refused.json() == {"detail": "Too many requests from your address.", "errors": {}}


def test_a_key_has_its_own_higher_limit(client, small_anonymous_limit):
    _, key = PartnerApiKey.objects.create_key(name="Northshire data team", requests_per_minute=4)

    answers = [client.get(ADDRESS, **with_key(key)).status_code for _ in range(5)]

    assert answers == [200, 200, 200, 200, 429]
    assert client.get(ADDRESS).status_code == 200  # the address's own count is untouched


def test_an_unknown_or_revoked_key_is_a_json_401(client):
    api_key, key = PartnerApiKey.objects.create_key(name="Old partner")
    api_key.revoked = True
    api_key.save()

    for sent in (key, "nonsense.key"):
        response = client.get(ADDRESS, **with_key(sent))
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Api-Key"
        assert "revoked" in response.json()["detail"]


def test_only_a_hash_of_the_key_is_kept(db):
    api_key, key = PartnerApiKey.objects.create_key(name="Partner")

    stored = PartnerApiKey.objects.values_list("id", "prefix", "hashed_key").get()

    assert key.split(".")[1] not in "".join(stored)
    assert api_key.is_valid(key)


def test_an_editor_issues_a_key_in_the_admin_sees_it_once_and_can_revoke_it(client):
    OrganisationFactory()
    editor = make_verified_user(username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.post(
        "/admin/snippets/commons/partnerapikey/add/",
        {"name": "Lowdale open data", "requests_per_minute": "900", "contact_email": ""},
        follow=True,
    )

    assert response.status_code == 200
    [key] = re.findall(r"\b([A-Za-z0-9]{8}\.[A-Za-z0-9]{32})\b", response.text)
    api_key = PartnerApiKey.objects.get(name="Lowdale open data")
    assert api_key.requests_per_minute == 900
    assert client.get(ADDRESS, **with_key(key)).status_code == 200
    assert key not in client.get(f"/admin/snippets/commons/partnerapikey/edit/{api_key.pk}/").text

    client.post(
        f"/admin/snippets/commons/partnerapikey/edit/{api_key.pk}/",
        {"name": "Lowdale open data", "requests_per_minute": "900", "revoked": "on"},
    )
    client.logout()
    assert client.get(ADDRESS, **with_key(key)).status_code == 401


def test_citizens_cannot_open_the_keys_in_the_admin(client):
    client.force_login(make_verified_user())

    response = client.get("/admin/snippets/commons/partnerapikey/")

    assert response.status_code in (302, 403)
