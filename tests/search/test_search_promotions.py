"""Editors recommend results for chosen searches; only live, public pages are ever recommended."""

import pytest
from django.test import override_settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from search import elasticsearch
from search.promotions import promotions_for
from tests.factories import make_case_study, make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _database_search():
    # Promotions come from the database whichever backend ranks the results.
    elasticsearch._client_for.cache_clear()
    with override_settings(ELASTICSEARCH_URL=""):
        yield


def promote(query_string: str, **fields) -> SearchPromotion:
    query = Query.get(query_string)
    return SearchPromotion.objects.create(query=query, **fields)


def test_editors_picks_appear_above_the_results_on_the_first_page(client, library):
    guide = make_resource(library.resources, title="Shared legal services: a guide")
    promote("Legal services", page=guide, description="Start here if you are new to sharing.")

    first = client.get("/search/", {"q": "legal  SERVICES"}).content.decode()
    second = client.get("/search/", {"q": "legal services", "page": "2"}).content.decode()

    promoted = first.split('data-testid="search-promotions"')[1].split("</section>")[0]
    assert "Recommended by editors" in promoted
    assert "Shared legal services: a guide" in promoted
    assert "Start here if you are new to sharing." in promoted
    assert 'href="/resources/shared-legal-services-a-guide/"' in promoted
    assert 'data-testid="search-promotions"' not in second


def test_drafts_and_restricted_pages_are_never_recommended(client, library):
    draft = make_case_study(library.case_studies, title="Unpublished legal plans", live=False)
    private = make_case_study(library.case_studies, title="Private legal plans")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    public = make_case_study(library.case_studies, title="Public legal plans")
    for page in (draft, private, public):
        promote("legal", page=page)

    titles = [promotion.title for promotion in promotions_for("legal")]

    assert titles == ["Public legal plans"]


def test_external_links_can_be_recommended(library):
    promote(
        "tupe",
        external_link_url="https://www.acas.org.uk/tupe",
        external_link_text="Acas: TUPE transfers",
    )

    [promotion] = promotions_for("TUPE")

    assert (promotion.title, promotion.url) == (
        "Acas: TUPE transfers",
        "https://www.acas.org.uk/tupe",
    )


def test_other_searches_get_no_recommendations(client, library):
    guide = make_resource(library.resources, title="Shared legal services: a guide")
    promote("legal services", page=guide)

    html = client.get("/search/", {"q": "waste"}).content.decode()

    assert "Recommended by editors" not in html
