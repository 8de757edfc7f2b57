"""The search page, through the real Elasticsearch node: results with highlighted words, facets
that keep their state, sorting, pages, "did you mean", the scope switch on a council's own site,
clear errors for bad input, and an honest notice when search runs in a reduced mode."""

import pytest
from django.test import override_settings

from knowledge.services import network_site_ensure
from search import elasticsearch
from tests.factories import (
    OrganisationFactory,
    ServiceAreaFactory,
    make_case_study,
    make_resource,
    make_verified_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def northshire(db):
    return OrganisationFactory(name="Northshire County Council", slug="northshire")


@pytest.fixture
def content(library, search_index, northshire):
    eastvale = OrganisationFactory(name="Eastvale District Council", slug="eastvale")
    revenues = ServiceAreaFactory(name="Revenues and benefits", slug="revenues-and-benefits")
    shared = make_case_study(
        library.case_studies,
        title="Northshire shares revenues and benefits",
        summary="Two councils merged their revenues and benefits teams.",
        organisations=[northshire],
        service_areas=[revenues],
        tags=["Council tax"],
    )
    waste = make_case_study(
        library.case_studies,
        title="Eastvale shares waste collection",
        summary="Bin rounds planned together across two districts, with benefits for both.",
        organisations=[eastvale],
        tags=["Waste"],
    )
    template = make_resource(
        library.resources,
        title="Revenues and benefits business case template",
        summary="A template for councils sharing revenues and benefits.",
        service_areas=[revenues],
    )
    search_index.add(shared, waste, template)
    return {"shared": shared, "waste": waste, "template": template}


def test_the_empty_page_invites_a_search_and_is_not_indexed_by_search_engines(client, library):
    html = client.get("/search/").content.decode()

    label = '<label class="govuk-label govuk-label--l" for="search-query">Search Commons</label>'
    assert label in html
    assert '<meta name="robots" content="noindex">' in html
    assert "results for" not in html


def test_results_of_every_kind_show_highlighted_words_and_a_count(client, content):
    response = client.get("/search/", {"q": "revenues"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "<title>revenues - Search" in html
    assert "2 results for <q>revenues</q>" in html
    assert "Northshire shares revenues and benefits" in html
    assert "Revenues and benefits business case template" in html
    assert "Eastvale shares waste collection" not in html
    assert "<mark>" in html.split('data-testid="search-results"')[1]
    assert "Case studies" in html and "Resources" in html


def test_facets_show_counts_and_ticked_ones_stay_ticked(client, content):
    html = client.get("/search/", {"q": "benefits", "kind": "case_study"}).content.decode()

    filters = html.split('data-testid="search-filters"')[1]
    assert 'name="kind" type="checkbox" value="case_study" checked' in filters
    assert 'value="resource"' in filters  # the other kinds stay offered, with their counts
    assert "Northshire County Council" in filters
    assert 'Resources <span class="commons-facet-count">(1)</span>' in filters
    results = html.split('data-testid="search-results"')[1]
    assert "Revenues and benefits business case template" not in results
    assert "Clear filters" in html
    assert 'data-testid="selected-filters"' in html


def test_filters_combine(client, content):
    html = client.get(
        "/search/", {"q": "benefits", "kind": "case_study", "organisation": "eastvale"}
    ).content.decode()

    results = html.split('data-testid="search-results"')[1]
    assert "Eastvale shares waste collection" in results
    assert "Northshire shares revenues and benefits" not in results


def test_newest_first_sorts_by_date(client, content):
    html = client.get("/search/", {"q": "benefits", "sort": "newest"}).content.decode()

    assert '<option value="newest" selected>Newest</option>' in html


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"q": "x", "sort": "cheapest"}, "Sort by most relevant or newest."),
        ({"q": "x", "page": "two"}, "The page number must be a whole number, like 2."),
        ({"q": "x", "page": "0"}, "The page number must be 1 or more."),
        ({"q": "x", "kind": "spaceship"}, "Choose kinds of content from the list."),
        ({"q": "x", "organisation": "<script>"}, "We could not find the organisation"),
        ({"q": "x" * 201}, "Search for 200 characters or fewer."),
        ({"q": "x", "scope": "site"}, "you can only search the whole network"),
        ({"q": "x", "community": [f"c{n}" for n in range(21)]}, "no more than 20 communities"),
    ],
)
def test_bad_parameters_give_a_clear_message_not_an_error_page(
    client, library, parameters, message
):
    response = client.get("/search/", parameters)
    html = response.content.decode()

    assert response.status_code == 400
    assert "There is a problem" in html
    assert message in html
    assert "<title>Error:" in html
    assert "<script>" not in html.split('id="search-form"')[0].split("There is a problem")[1]


def test_pagination_links_keep_the_query_and_filters(client, library, search_index, monkeypatch):
    pages = [
        make_case_study(library.case_studies, title=f"Shared legal service {n}") for n in range(3)
    ]
    search_index.add(*pages)
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 2)

    html = client.get("/search/", {"q": "legal", "kind": "case_study"}).content.decode()
    second = client.get("/search/", {"q": "legal", "kind": "case_study", "page": "2"})

    assert 'class="govuk-pagination"' in html
    assert "/search/?q=legal&amp;kind=case_study&amp;page=2" in html
    assert second.status_code == 200
    assert "3 results for" in second.content.decode()


def test_a_misspelling_offers_did_you_mean_with_a_link(client, content):
    html = client.get("/search/", {"q": "revenuse"}).content.decode()

    assert 'data-testid="did-you-mean"' in html
    assert 'href="/search/?q=revenues"' in html


def test_a_councils_site_offers_its_own_work_or_the_whole_network(client, content, northshire):
    network_site_ensure(
        hostname="northshire.localhost",
        site_name="Northshire on Commons",
        home=content["shared"].get_parent().get_parent(),
        organisation=northshire,
    )

    whole = client.get("/search/", {"q": "benefits"}, HTTP_HOST="northshire.localhost")
    local = client.get(
        "/search/", {"q": "benefits", "scope": "site"}, HTTP_HOST="northshire.localhost"
    )

    whole_html, local_html = whole.content.decode(), local.content.decode()
    assert "Northshire County Council only" in whole_html
    assert 'id="scope-network" name="scope" type="radio" value="network" checked' in whole_html
    assert "Eastvale shares waste collection" in whole_html
    assert 'id="scope-site" name="scope" type="radio" value="site" checked' in local_html
    assert "Northshire shares revenues and benefits" in local_html
    assert "Eastvale shares waste collection" not in local_html


def test_a_signed_in_persons_results_are_never_kept_in_shared_caches(client, content):
    client.force_login(make_verified_user())

    response = client.get("/search/", {"q": "benefits"})

    assert response["Cache-Control"] == "private, no-store"


def test_the_network_site_has_no_scope_switch(client, content):
    html = client.get("/search/", {"q": "benefits"}).content.decode()

    assert 'name="scope"' not in html


def test_when_elasticsearch_is_down_the_database_answers_and_the_page_says_so(client, content):
    elasticsearch._client_for.cache_clear()
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
        response = client.get("/search/", {"q": "waste"})
    elasticsearch._client_for.cache_clear()

    html = response.content.decode()
    assert response.status_code == 200
    assert "Search is running in a reduced mode" in html
    assert "Eastvale shares waste collection" in html


def test_nothing_found_gives_helpful_suggestions(client, content):
    html = client.get("/search/", {"q": "zebra crossings"}).content.decode()

    assert "0 results for <q>zebra crossings</q>" in html
    assert "check the spelling" in html


def test_the_header_search_box_leads_to_the_search_page(client, library):
    html = client.get("/").content.decode()

    assert 'action="/search/" role="search"' in html
