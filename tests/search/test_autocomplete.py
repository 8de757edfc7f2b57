"""Autocomplete offers titles and tags as people type, from the real Elasticsearch node."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from search.backends import elastic
from tests.factories import ListingFactory, make_case_study, make_resource

pytestmark = pytest.mark.django_db


def suggest(prefix: str, limit: int = 8):
    return elastic.autocomplete(prefix, user=AnonymousUser(), limit=limit)


def test_a_title_is_offered_from_the_first_letters_of_one_of_its_words(library, search_index):
    page = make_case_study(library.case_studies, title="Merging revenues and benefits teams")
    search_index.add(page, make_case_study(library.case_studies, title="Shared waste depot"))

    suggestions = suggest("reven")

    assert [(s.text, s.kind) for s in suggestions] == [
        ("Merging revenues and benefits teams", "case_study")
    ]
    assert suggestions[0].url.endswith("/merging-revenues-and-benefits-teams/")


def test_each_typed_word_narrows_the_titles_offered(library, search_index):
    search_index.add(
        make_case_study(library.case_studies, title="Shared waste depot"),
        make_case_study(library.case_studies, title="Shared legal team"),
    )

    assert [s.text for s in suggest("shared wa")] == ["Shared waste depot"]


def test_a_tag_is_offered_as_a_search_for_that_tag(library, search_index):
    search_index.add(
        make_resource(library.resources, title="Business case template", tags=["Procurement"]),
        make_case_study(library.case_studies, title="Joint buying", tags=["Procurement"]),
    )

    tags = [s for s in suggest("procu") if s.kind == "tag"]

    assert [(s.text, s.url) for s in tags] == [("Procurement", "/search/?tag=Procurement")]


def test_the_same_title_is_offered_once_and_no_more_than_the_limit(library, search_index):
    search_index.add(
        *(
            make_case_study(library.case_studies, title="Shared fleet", slug=f"fleet-twin-{n}")
            for n in range(2)
        ),
        *(make_case_study(library.case_studies, title=f"Shared fleet {n}") for n in range(6)),
    )

    everything = [s.text for s in suggest("fleet", limit=10)]
    four = suggest("fleet", limit=4)

    assert everything.count("Shared fleet") == 1
    assert len(everything) == 7
    assert len(four) == 4


def test_accents_and_capitals_do_not_matter_in_autocomplete(library, search_index):
    search_index.add(make_case_study(library.case_studies, title="Café for council staff"))

    assert [s.text for s in suggest("CAFE")] == ["Café for council staff"]


def test_a_single_letter_or_an_expired_offer_is_not_offered(search_index):
    search_index.add(
        ListingFactory(
            title="Spare legal hours",
            expires_on=timezone.localdate() - datetime.timedelta(days=1),
        )
    )

    assert suggest("s") == []
    assert suggest("spare") == []
