"""Issue part 7: Wagtail's own admin search uses Elasticsearch when it is configured."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from wagtail.search.models import IndexEntry

from tests.factories import UserFactory, make_case_study

pytestmark = pytest.mark.django_db


def elasticsearch_backend() -> dict:
    """The backend as commons/settings/base.py configures it when ELASTICSEARCH_URL is set."""
    return {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [settings.ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"{settings.ELASTICSEARCH_INDEX_PREFIX}_wagtail_",
            "TIMEOUT": settings.ELASTICSEARCH_TIMEOUT_SECONDS,
        }
    }


def test_the_admin_page_search_finds_a_case_study_through_elasticsearch(es, library, client):
    wagtail_indices = f"{settings.ELASTICSEARCH_INDEX_PREFIX}_wagtail_*"
    with override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_backend()):
        page = make_case_study(library.case_studies, title="Quillbridge shares its revenues team")
        call_command("update_index", stdout=StringIO())
        es.indices.refresh(index=wagtail_indices)
        client.force_login(UserFactory(is_superuser=True, is_staff=True))

        response = client.get("/admin/pages/search/", {"q": "Quillbridge"})

    assert response.status_code == 200
    assert f"/admin/pages/{page.pk}/edit/" in response.content.decode()
    # Not the database backend answering: it never saw this page...
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()
    # ...Elasticsearch did, in Wagtail's own indices beside Commons' content index.
    assert es.count(index=wagtail_indices, q="title:Quillbridge")["count"] >= 1
