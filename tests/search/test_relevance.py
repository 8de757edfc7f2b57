"""What the real Elasticsearch node finds, and in what order: every kind, synonyms, stemming,
accents, typos, phrases and field weights."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from django.utils import timezone

from search.backends import SearchUnavailable, elastic
from search.types import SearchFilters
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    SharedServiceFactory,
    make_case_study,
    make_post,
    make_resource,
    make_story,
    make_thread,
    published_on,
)

pytestmark = pytest.mark.django_db


def find(query: str, **options):
    return elastic.search(
        query, user=AnonymousUser(), filters=options.pop("filters", SearchFilters()), **options
    )


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def test_each_kind_of_content_is_found_by_a_word_from_its_title(library, search_index):
    service = SharedServiceFactory(name="Kestrel payroll partnership")
    community = CommunityFactory(name="Heron practitioners")
    search_index.add(
        make_case_study(library.case_studies, title="Albatross revenues merger"),
        make_resource(library.resources, title="Bittern business case template"),
        service,
        OrganisationFactory(name="Cormorant District Council"),
        community,
        make_thread(community, title="Dunlin question about contracts"),
        make_story(service, title="Egret experience of the helpdesk"),
        ListingFactory(title="Falcon capacity in legal services"),
    )
    expected = {
        "albatross": "case_study",
        "bittern": "resource",
        "kestrel": "shared_service",
        "cormorant": "organisation",
        "heron": "community",
        "dunlin": "thread",
        "egret": "story",
        "falcon": "listing",
    }

    found = {word: [hit.kind for hit in find(word).hits] for word in expected}

    assert found == {word: [kind] for word, kind in expected.items()}


def test_a_hit_carries_its_kind_label_url_date_and_facts(library, search_index):
    search_index.add(make_case_study(library.case_studies, title="Shared legal services in Wessex"))

    hit = find("wessex").hits[0]

    assert (hit.kind, hit.kind_label, hit.title) == (
        "case_study",
        "Case study",
        "Shared legal services in Wessex",
    )
    assert hit.url.endswith("/shared-legal-services-in-wessex/")
    assert hit.date is not None and hit.score and hit.score > 0
    assert hit.meta[0] == "Live"


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("revs and bens", "Merging revenues and benefits teams"),
        ("ICT", "One information technology team for three councils"),
        ("ASC", "Joint adult social care commissioning"),
        ("SEND", "Sharing special educational needs transport"),
        ("CTR", "A common council tax reduction scheme"),
        ("TOM", "Designing the target operating model"),
        ("information technology", "Shared ICT service desk"),
        ("IT services", "Merging ICT services"),
        ("call centre", "One contact centre for two boroughs"),
        ("children's social care", "A CSC front door for two counties"),
    ],
)
def test_local_government_synonyms_and_acronyms_find_each_other(
    library, search_index, query, title
):
    search_index.add(
        make_case_study(library.case_studies, title=title, summary="A programme."),
        make_case_study(library.case_studies, title="Shared grounds maintenance", summary="Parks."),
    )

    assert titles(find(query)) == [title]


def test_a_multi_word_question_finds_the_case_study_that_answers_it(library, search_index):
    search_index.add(
        make_case_study(library.case_studies, title="Three councils share revenues and benefits"),
        make_case_study(
            library.case_studies,
            title="Grounds maintenance across districts",
            summary="Parks teams joined up.",
        ),
    )

    results = find("how did councils share revs and bens")

    assert titles(results) == ["Three councils share revenues and benefits"]


def test_words_are_found_whatever_their_ending(library, search_index):
    search_index.add(
        make_case_study(library.case_studies, title="How we shared our payroll"),
        make_case_study(library.case_studies, title="Grounds maintenance", summary="Parks."),
    )

    assert titles(find("sharing payrolls")) == ["How we shared our payroll"]


def test_accents_do_not_matter_either_way(library, search_index):
    search_index.add(
        make_case_study(library.case_studies, title="A café for council staff"),
        make_case_study(library.case_studies, title="Cafe run by the leisure trust"),
    )

    assert (
        set(titles(find("cafe")))
        == set(titles(find("café")))
        == {
            "A café for council staff",
            "Cafe run by the leisure trust",
        }
    )


def test_a_misspelled_word_still_finds_what_was_meant(library, search_index):
    search_index.add(
        make_case_study(
            library.case_studies, title="Benefits assessment shared", summary="A merger."
        ),
        make_case_study(library.case_studies, title="Grounds maintenance", summary="Parks."),
    )

    assert titles(find("benifits")) == ["Benefits assessment shared"]


def test_a_misspelled_word_in_a_question_still_finds_the_answer(library, search_index):
    search_index.add(
        make_case_study(library.case_studies, title="Three councils share revenues and benefits"),
        make_case_study(library.case_studies, title="Grounds maintenance", summary="Parks."),
    )

    # Without the typo, four of the seven words match, one short of three in four: only the
    # second, typo-tolerant request finds it.
    results = find("how did councils share revenues and benifits")

    assert titles(results) == ["Three councils share revenues and benefits"]


def test_a_short_acronym_does_not_find_the_common_words_one_letter_away(library, search_index):
    search_index.add(
        make_case_study(library.case_studies, title="A TOM for adult social care"),
        make_case_study(library.case_studies, title="Getting to the top of the waiting list"),
        make_case_study(library.case_studies, title="How to share a payroll", summary="To do."),
    )

    results = find("TOM")

    assert (results.total, titles(results)) == (1, ["A TOM for adult social care"])


def test_near_misses_are_left_out_when_the_words_as_typed_find_plenty(library, search_index):
    search_index.add(
        *(
            make_case_study(library.case_studies, title=f"Shared parking enforcement {place}")
            for place in ("north", "south", "east", "west", "centre")
        ),
        make_case_study(library.case_studies, title="Shared packing scheme"),
    )

    results = find("parking")

    assert results.total == 5
    assert "Shared packing scheme" not in titles(results)


def test_a_filter_that_leaves_few_results_brings_in_no_near_misses(library, search_index):
    search_index.add(
        *(
            make_case_study(library.case_studies, title=f"Shared parking enforcement {place}")
            for place in ("north", "south", "east", "west", "centre")
        ),
        ListingFactory(title="Parking wardens to share"),
        ListingFactory(title="Packing crates to lend"),
    )

    # The word itself is found plenty of times: only the filter narrows it to one.
    results = find("parking", filters=SearchFilters(kinds=("listing",)))

    assert titles(results) == ["Parking wardens to share"]


def test_the_exact_spelling_outranks_a_near_miss(library, search_index):
    search_index.add(
        make_case_study(library.case_studies, title="Shared parking enforcement"),
        make_case_study(library.case_studies, title="Shared packing scheme"),
    )

    assert titles(find("parking")) == ["Shared parking enforcement", "Shared packing scheme"]


def test_the_words_together_outrank_the_same_words_scattered(library, search_index):
    search_index.add(
        make_case_study(
            library.case_studies,
            title="Waste and recycling review",
            summary="We looked at the collection rounds; the garden waste charge came later.",
        ),
        make_case_study(
            library.case_studies,
            title="Waste and recycling partnership",
            summary="Our garden waste collection rounds were merged first.",
        ),
    )

    assert titles(find("garden waste collection"))[0] == "Waste and recycling partnership"


def test_a_word_in_the_title_outranks_the_same_word_in_the_body(library, search_index):
    search_index.add(
        make_case_study(
            library.case_studies,
            title="Lessons from a merger",
            summary="Two teams became one.",
            lessons_learned="<p>Procurement took longer than planned.</p>",
        ),
        make_case_study(
            library.case_studies,
            title="Joint procurement hub",
            summary="Two teams became one.",
        ),
    )

    assert titles(find("procurement")) == ["Joint procurement hub", "Lessons from a merger"]


def test_an_answered_thread_with_replies_ranks_above_an_unanswered_twin(search_index):
    community = CommunityFactory(name="Revenues officers")
    quiet = make_thread(community, title="Single person discount reviews", body_markdown="Tips?")
    busy = make_thread(community, title="Single person discount reviews", body_markdown="Tips?")
    answer = make_post(busy, body_markdown="Tips?")
    for _reply in range(4):
        make_post(busy, body_markdown="Tips?")
    busy.answer = answer
    busy.save(update_fields=["answer"])
    search_index.add(quiet, busy)

    results = find("single person discount")

    assert results.hits[0].meta[-1] == "Answered"
    assert results.hits[0].score > results.hits[1].score


def years_ago(page, years: int):
    return published_on(page, timezone.localdate() - datetime.timedelta(days=365 * years))


def test_fresh_work_ranks_above_an_otherwise_equal_older_twin(library, search_index):
    old = make_case_study(library.case_studies, title="Shared coroner service", slug="old")
    search_index.add(
        years_ago(old, 4),
        make_case_study(library.case_studies, title="Shared coroner service", slug="new"),
    )

    hits = find("coroner").hits

    assert hits[0].date > hits[1].date
    assert 1 < hits[0].score / hits[1].score <= 1.5


def test_freshness_never_lifts_a_weak_match_over_a_strong_one(library, search_index):
    old = make_case_study(library.case_studies, title="Shared coroner service", summary="Inquests.")
    search_index.add(
        years_ago(old, 6),
        make_case_study(
            library.case_studies,
            title="Annual report",
            summary="Inquests.",
            lessons_learned="<p>We also talked to the coroner once.</p>",
        ),
    )

    assert titles(find("coroner")) == ["Shared coroner service", "Annual report"]


def test_the_reply_text_of_a_thread_is_searched(search_index):
    community = CommunityFactory(name="Legal officers")
    thread = make_thread(community, title="Help with a contract", body_markdown="Anyone?")
    make_post(thread, body_markdown="We used the Crown Commercial framework.")
    search_index.add(thread)

    assert titles(find("crown commercial framework")) == ["Help with a contract"]


def test_words_that_appear_nowhere_find_nothing(library, search_index):
    search_index.add(make_case_study(library.case_studies, title="Shared legal services"))

    results = find("zeppelin")

    assert (results.total, results.hits) == (0, [])


@pytest.mark.parametrize(
    "query",
    ["!!!", '"unclosed (quote AND', "x" * 300, "word " * 500, "Åland 😀 <b>", "revs*"],
)
def test_odd_input_is_searched_without_an_error(library, search_index, query):
    search_index.add(make_case_study(library.case_studies, title="Shared legal services"))

    results = find(query)

    assert results.total == 0


# --- when Elasticsearch cannot answer ---------------------------------------------------------


def test_a_missing_index_makes_search_unavailable_instead_of_failing(es):
    with pytest.raises(SearchUnavailable, match="missing"):
        find("payroll")
    with pytest.raises(SearchUnavailable, match="missing"):
        elastic.autocomplete("payroll", user=AnonymousUser())


def test_an_unreachable_node_makes_search_unavailable_instead_of_failing():
    with (
        override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"),
        pytest.raises(SearchUnavailable, match="did not answer"),
    ):
        find("payroll")
