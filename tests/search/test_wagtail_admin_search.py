"""Wagtail's own admin search (pages, snippets, images, documents) answers from the database,
in the same transaction as the edit: never out of step after an Elasticsearch outage, nothing
left behind by a rolled-back import, and never a 500 because a node is sick."""

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from search import outbox
from tests.factories import UserFactory, make_case_study

pytestmark = pytest.mark.django_db

NOBODY_LISTENS = "http://127.0.0.1:9"


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def admin_page_search(client, words: str) -> str:
    response = client.get("/admin/pages/search/", {"q": words})
    assert response.status_code == 200
    return response.content.decode()


def test_the_admin_search_backend_is_the_database_even_with_elasticsearch_configured():
    assert settings.ELASTICSEARCH_URL
    assert ".backends.database." in get_search_backend().__class__.__module__


def test_a_page_edited_while_elasticsearch_is_down_is_found_by_admin_search(
    library, editor_client
):
    with override_settings(ELASTICSEARCH_URL=NOBODY_LISTENS, ELASTICSEARCH_TIMEOUT_SECONDS=1):
        page = make_case_study(library.case_studies, title="Quillbridge shares its revenues team")
        page.title = "Quillbridge and Marlow share their revenues team"
        page.save_revision().publish()
        assert outbox.drain().unavailable  # the node is down: Commons' own index waits

        during_outage = admin_page_search(editor_client, "Marlow")

    assert f"/admin/pages/{page.pk}/edit/" in during_outage
    assert f"/admin/pages/{page.pk}/edit/" in admin_page_search(editor_client, "Marlow")


def test_a_rolled_back_import_leaves_nothing_in_admin_search(library):
    finished = make_case_study(library.case_studies, title="Zephyrton finished programme")
    with pytest.raises(RuntimeError), transaction.atomic():
        half_imported = make_case_study(library.case_studies, title="Zephyrton half-imported")
        raise RuntimeError("the import stopped half way")

    indexed = set(IndexEntry.objects.values_list("object_id", flat=True))
    assert str(finished.pk) in indexed
    assert str(half_imported.pk) not in indexed


def test_admin_search_answers_while_elasticsearch_is_down(library, editor_client):
    page = make_case_study(library.case_studies, title="Harbourside legal practice")

    with override_settings(ELASTICSEARCH_URL=NOBODY_LISTENS, ELASTICSEARCH_TIMEOUT_SECONDS=1):
        found = admin_page_search(editor_client, "Harbourside")

    assert f"/admin/pages/{page.pk}/edit/" in found
