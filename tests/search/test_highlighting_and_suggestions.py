"""Snippets with the matched words marked (and nothing else as HTML), and "did you mean" for
misspellings, from the real Elasticsearch node."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils.safestring import SafeString

from search.backends import elastic
from search.types import SearchFilters
from tests.factories import OrganisationFactory, make_case_study

pytestmark = pytest.mark.django_db


def find(query: str):
    return elastic.search(query, user=AnonymousUser(), filters=SearchFilters())


def test_matched_words_are_marked_in_the_snippet(library, search_index):
    search_index.add(
        make_case_study(
            library.case_studies,
            title="A merger",
            summary="Two councils merged their revenues and benefits teams in 2019.",
        )
    )

    snippet = find("benefits").hits[0].snippet

    assert isinstance(snippet, SafeString)
    assert "<mark>benefits</mark>" in snippet


def test_html_in_indexed_text_comes_back_escaped_in_the_snippet(library, search_index):
    search_index.add(
        make_case_study(
            library.case_studies,
            title="Scripted savings",
            summary="Savings <script>alert('x')</script> in payroll.",
        )
    )

    snippet = find("payroll savings").hits[0].snippet

    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "<mark>payroll</mark>" in snippet


def test_without_a_match_in_its_text_the_snippet_is_the_start_of_the_summary(library, search_index):
    northshire = OrganisationFactory(name="Northshire Council", slug="northshire")
    search_index.add(
        make_case_study(
            library.case_studies,
            title="Shared legal team",
            summary="Lawyers <b>from</b> three councils work as one team.",
            organisations=[northshire],
        )
    )

    hit = next(hit for hit in find("northshire").hits if hit.kind == "case_study")

    assert hit.snippet == "Lawyers &lt;b&gt;from&lt;/b&gt; three councils work as one team."


def test_a_misspelled_query_is_offered_the_words_that_exist(library, search_index):
    search_index.add(
        make_case_study(library.case_studies, title="Three councils share revenues and benefits"),
        make_case_study(library.case_studies, title="Grounds maintenance", summary="Parks."),
    )

    results = find("revenus and benfits")

    assert results.did_you_mean == "revenues and benefits"


def test_a_correctly_spelled_query_gets_no_suggestion(library, search_index):
    search_index.add(
        make_case_study(library.case_studies, title="Three councils share revenues and benefits")
    )

    results = find("revenues and benefits")

    assert (results.total, results.did_you_mean) == (1, "")


def test_a_misspelling_of_nothing_in_the_index_gets_no_suggestion(library, search_index):
    search_index.add(make_case_study(library.case_studies, title="Shared legal team"))

    assert find("xylophonne").did_you_mean == ""
