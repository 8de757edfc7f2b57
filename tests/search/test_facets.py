"""Facets that count right and combine, dates, sorting, pagination and the site scope, on the
real Elasticsearch node."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from search import vocabulary
from search.backends import elastic
from search.query import MAX_RESULT_WINDOW
from search.types import SORT_NEWEST, SearchFilters
from tests.factories import (
    ListingFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    make_case_study,
    published_on,
)

pytestmark = pytest.mark.django_db


def find(query: str, sort: str = "relevance", page: int = 1, per_page: int = 20, **filters):
    return elastic.search(
        query,
        user=AnonymousUser(),
        filters=SearchFilters(**filters),
        sort=sort,
        page=page,
        per_page=per_page,
    )


def counts(results, facet_name: str) -> dict[str, int]:
    facet = next(facet for facet in results.facets if facet.name == facet_name)
    return {value.value: value.count for value in facet.values}


@pytest.fixture
def catalogue(library, search_index):
    """Three shared-service case studies and an offer, across two councils and two areas."""
    north = OrganisationFactory(name="Northshire Council", slug="northshire", region="north-east")
    south = OrganisationFactory(name="Southvale Council", slug="southvale", region="south-west")
    waste = ServiceAreaFactory(name="Waste", slug="waste")
    legal = ServiceAreaFactory(name="Legal", slug="legal")
    search_index.add(
        make_case_study(
            library.case_studies,
            title="Shared waste rounds",
            organisations=[north],
            service_areas=[waste],
            tags=["recycling"],
        ),
        make_case_study(
            library.case_studies,
            title="Shared waste depot",
            organisations=[south],
            service_areas=[waste],
            tags=["recycling"],
        ),
        make_case_study(
            library.case_studies,
            title="Shared legal team",
            organisations=[north],
            service_areas=[legal],
        ),
        ListingFactory(
            title="Shared waste vehicles on offer",
            organisation=north,
            service_area=waste,
            region="north-east",
        ),
    )
    return north


def test_every_facet_counts_what_the_query_found(catalogue):
    results = find("shared")

    assert results.total == 4
    assert counts(results, "kind") == {"case_study": 3, "listing": 1}
    assert counts(results, "organisation") == {"northshire": 3, "southvale": 1}
    assert counts(results, "service_area") == {"waste": 3, "legal": 1}
    assert counts(results, "tag") == {"recycling": 2}
    assert counts(results, "region") == {"north-east": 3, "south-west": 1}


def test_facet_values_carry_human_labels(catalogue):
    facets = {facet.name: facet for facet in find("shared").facets}

    labels = {
        name: {value.value: value.label for value in facets[name].values}
        for name in ("kind", "organisation", "service_area", "region")
    }

    assert labels == {
        "kind": {"case_study": "Case studies", "listing": "Offers and needs"},
        "organisation": {"northshire": "Northshire Council", "southvale": "Southvale Council"},
        "service_area": {"waste": "Waste", "legal": "Legal"},
        "region": {"north-east": "North East", "south-west": "South West"},
    }


def test_the_named_facets_are_labelled_in_one_database_query(catalogue, django_assert_num_queries):
    # Anonymous: no query for the audiences; one for the organisations, service areas and
    # communities shown. The vocabulary is read once per process every 30 seconds, not per search.
    vocabulary.rules()
    with django_assert_num_queries(1):
        find("shared")


def test_a_selected_facet_keeps_its_alternatives_while_narrowing_the_others(catalogue):
    results = find("shared", kinds=("case_study",))

    assert results.total == 3
    assert counts(results, "kind") == {"case_study": 3, "listing": 1}
    assert counts(results, "organisation") == {"northshire": 2, "southvale": 1}
    kind_facet = next(facet for facet in results.facets if facet.name == "kind")
    assert [value.value for value in kind_facet.values if value.selected] == ["case_study"]


def test_two_selected_facets_combine_and_each_counts_under_the_other(catalogue):
    results = find("shared", kinds=("case_study",), organisations=("northshire",))

    assert sorted(hit.title for hit in results.hits) == ["Shared legal team", "Shared waste rounds"]
    assert counts(results, "kind") == {"case_study": 2, "listing": 1}
    assert counts(results, "organisation") == {"northshire": 2, "southvale": 1}
    assert counts(results, "service_area") == {"waste": 1, "legal": 1}


def test_values_within_one_facet_widen_the_results(catalogue):
    results = find("shared", organisations=("northshire", "southvale"), kinds=("case_study",))

    assert results.total == 3


def test_a_selected_value_that_finds_nothing_is_still_shown(catalogue):
    results = find("legal", service_areas=("waste",))

    assert results.total == 0
    assert counts(results, "service_area") == {"legal": 1, "waste": 0}


def test_the_site_scope_keeps_only_one_councils_work(catalogue):
    results = find("shared", site_organisation="northshire")

    assert results.total == 3
    assert counts(results, "organisation") == {"northshire": 3}


def test_the_date_facet_counts_recent_and_older_work(library, search_index):
    old = make_case_study(library.case_studies, title="Shared archive service")
    published_on(old, timezone.localdate() - datetime.timedelta(days=3 * 365))
    search_index.add(old, make_case_study(library.case_studies, title="Shared print service"))

    everything = find("shared")
    older = find("shared", date="older")

    assert counts(everything, "date") == {"past-month": 1, "past-year": 1, "older": 1}
    assert [hit.title for hit in older.hits] == ["Shared archive service"]
    assert counts(older, "date") == {"past-month": 1, "past-year": 1, "older": 1}


def test_newest_first_sorts_by_publication_date_without_scores(library, search_index):
    for title, days_ago in (("Shared parks B", 30), ("Shared parks A", 300), ("Shared parks C", 3)):
        page = make_case_study(library.case_studies, title=title)
        search_index.add(published_on(page, timezone.localdate() - datetime.timedelta(days_ago)))

    results = find("shared parks", sort=SORT_NEWEST)

    assert [hit.title for hit in results.hits] == [
        "Shared parks C",
        "Shared parks B",
        "Shared parks A",
    ]
    assert {hit.score for hit in results.hits} == {None}


def test_pages_split_the_results_and_the_total_counts_them_all(library, search_index):
    search_index.add(
        *(make_case_study(library.case_studies, title=f"Shared fleet {n}") for n in range(5))
    )

    last = find("fleet", page=3, per_page=2)

    assert (last.total, last.page, last.page_count, len(last.hits)) == (5, 3, 3, 1)


def test_a_page_past_the_result_window_is_clamped_not_an_error(catalogue):
    results = find("shared", page=10**6, per_page=20)

    assert results.page == MAX_RESULT_WINDOW // 20
    assert (results.total, results.hits) == (4, [])


def test_an_empty_query_with_a_filter_lists_that_content_newest_first(library, search_index):
    first = make_case_study(library.case_studies, title="Shared coroner service")
    published_on(first, timezone.localdate() - datetime.timedelta(days=100))
    search_index.add(
        first,
        make_case_study(library.case_studies, title="Shared building control"),
        ListingFactory(title="Spare payroll capacity"),
    )

    results = find("", kinds=("case_study",))

    assert [hit.title for hit in results.hits] == [
        "Shared building control",
        "Shared coroner service",
    ]


def test_an_empty_query_without_filters_finds_nothing(catalogue):
    results = find("   ")

    assert (results.total, results.hits, results.facets) == (0, [], [])


def test_expired_offers_and_needs_are_not_found(search_index):
    search_index.add(
        ListingFactory(title="Spare legal capacity"),
        ListingFactory(
            title="Spare legal hours",
            expires_on=timezone.localdate() - datetime.timedelta(days=1),
        ),
    )

    assert [hit.title for hit in find("spare legal").hits] == ["Spare legal capacity"]
