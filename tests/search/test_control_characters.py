"""Issue #13, item 7: a NUL or another control character typed into search never reaches the
database (PostgreSQL refuses a NUL in a string: the fallback answered 500)."""

import pytest
from django.test import override_settings

from tests.factories import make_case_study

pytestmark = pytest.mark.django_db

NOBODY_LISTENS = "http://127.0.0.1:9"


@pytest.fixture
def database_search(library):
    make_case_study(library.case_studies, title="Shared revenues and benefits")
    with override_settings(ELASTICSEARCH_URL=NOBODY_LISTENS):
        yield


def test_autocomplete_with_a_nul_answers_from_the_database(database_search, client):
    response = client.get("/search/autocomplete/", {"q": "rev\x00en"})

    assert response.status_code == 200
    assert response.json()["query"] == "reven"
    assert [s["text"] for s in response.json()["suggestions"]] == ["Shared revenues and benefits"]


@pytest.mark.parametrize("path", ["/search/", "/api/search/"])
def test_a_search_with_control_characters_answers_from_the_database(database_search, client, path):
    response = client.get(path, {"q": "revenues\x00 and\x1b benefits\u202e"})

    assert response.status_code == 200
    assert "Shared revenues and benefits" in response.content.decode()
