"""The database fallback on real PostgreSQL: what Commons searches when Elasticsearch is down."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from django.utils import timezone

from community.models import Community, Listing
from search import elasticsearch, entries, services
from search.backends import database, database_lexicon
from search.types import BACKEND_DATABASE, SORT_NEWEST, SearchFilters
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_case_study,
    make_member,
    make_post,
    make_resource,
    make_story,
    make_thread,
    published_on,
)

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


def find(query, *, user=ANONYMOUS, filters=None, sort="relevance", page=1, per_page=20):
    return database.search(
        query,
        user=user,
        filters=filters or SearchFilters(),
        sort=sort,
        page=page,
        per_page=per_page,
    )


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def test_every_kind_is_found_and_looks_as_elasticsearch_shows_it(library):
    northshire = OrganisationFactory(name="Northshire Council", summary="A beacon of beacons.")
    area = ServiceAreaFactory(name="Payroll")
    service = SharedServiceFactory(
        name="Beacon payroll partnership", lead_organisation=northshire, service_area=area
    )
    make_case_study(library.case_studies, title="Beacon revenues merger")
    make_resource(library.resources, title="Beacon business case")
    community = CommunityFactory(name="Beacon network")
    make_thread(community, title="Beacon question")
    make_story(service, title="Beacon story")
    ListingFactory(title="Beacon payroll capacity", organisation=northshire, service_area=area)

    results = find("beacon")

    assert {hit.kind for hit in results.hits} == {
        "case_study",
        "resource",
        "shared_service",
        "organisation",
        "community",
        "thread",
        "story",
        "listing",
    }
    assert results.total == 8
    assert results.backend == BACKEND_DATABASE
    case_study = next(hit for hit in results.hits if hit.kind == "case_study")
    assert case_study.kind_label == "Case study"
    assert case_study.url == "/case-studies/beacon-revenues-merger/"
    assert case_study.date is not None
    listing = next(hit for hit in results.hits if hit.kind == "listing")
    assert listing.meta == ("Offer", "Northshire Council")


def test_a_multi_word_question_ranks_what_matches_most_of_it_first(library):
    make_case_study(
        library.case_studies,
        title="Waste collection across two districts",
        summary="Two councils shared one waste fleet.",
    )
    make_case_study(
        library.case_studies,
        title="Shared waste depot saves money",
        summary="Two districts built one depot for their refuse lorries and saved money.",
    )
    make_case_study(library.case_studies, title="Parking permits", summary="Money from parking.")

    results = find("how did councils save money on a shared waste depot")

    assert titles(results)[0] == "Shared waste depot saves money"
    # An OR, not an AND: a case study that mentions only "money" is still found, last.
    assert titles(results)[-1] == "Parking permits"


def test_a_synonym_finds_the_words_it_stands_for(library):
    make_case_study(
        library.case_studies,
        title="Three councils share revenues and benefits",
        summary="One team for council tax and housing benefit.",
    )
    make_resource(
        library.resources,
        title="Information technology strategy",
        summary="How two councils merged their information technology teams.",
    )

    assert titles(find("how did councils share revs and bens"))[0] == (
        "Three councils share revenues and benefits"
    )
    assert titles(find("ICT")) == ["Information technology strategy"]


def test_a_members_only_thread_is_found_by_its_members_and_nobody_else(library):
    private = CommunityFactory(name="Finance leads", visibility=Community.Visibility.MEMBERS)
    make_thread(private, title="Our confidential savings plan")
    member = make_member(private)
    outsider = make_member(CommunityFactory(name="Open community"))

    assert "Our confidential savings plan" in titles(find("confidential savings", user=member))
    assert "Our confidential savings plan" not in titles(find("confidential savings"))
    assert "Our confidential savings plan" not in titles(
        find("confidential savings", user=outsider)
    )


def test_a_members_only_communitys_description_is_never_searched(library):
    CommunityFactory(
        name="Finance leads",
        description="We discuss the redundancy programme.",
        visibility=Community.Visibility.MEMBERS,
    )
    CommunityFactory(name="Open finance", description="We discuss the redundancy programme.")

    assert titles(find("redundancy programme")) == ["Open finance"]


def test_replies_are_searched_and_hidden_replies_are_not(library):
    thread = make_thread(CommunityFactory(), title="Any advice on our merger?")
    make_post(thread, body_markdown="Our actuary recommended a phased pension transfer.")
    make_post(thread, body_markdown="Spam about zeppelins.", status="hidden")

    assert titles(find("pension transfer")) == ["Any advice on our merger?"]
    assert find("zeppelins").total == 0


def test_expired_offers_and_needs_are_not_found(library):
    ListingFactory(title="Spare payroll capacity")
    ListingFactory(
        title="Old payroll capacity",
        expires_on=timezone.localdate() - datetime.timedelta(days=1),
    )

    assert titles(find("payroll capacity")) == ["Spare payroll capacity"]


def test_filters_narrow_results_and_the_kind_facet_still_counts_every_kind(library):
    northshire = OrganisationFactory(name="Northshire Council", region="north-east")
    area = ServiceAreaFactory(name="Waste")
    make_case_study(
        library.case_studies,
        title="Northshire waste",
        organisations=[northshire],
        service_areas=[area],
        tags=["fleet"],
    )
    make_case_study(library.case_studies, title="Southshire waste")
    make_resource(library.resources, title="Waste toolkit", tags=["fleet"])
    ListingFactory(
        title="Waste lorries", organisation=northshire, kind=Listing.Kind.NEED, region="north-east"
    )

    by_kind = find("waste", filters=SearchFilters(kinds=("case_study",)))
    assert sorted(titles(by_kind)) == ["Northshire waste", "Southshire waste"]
    kind_facet = by_kind.facets[0]
    assert kind_facet.name == "kind"
    assert {v.value: (v.count, v.selected) for v in kind_facet.values} == {
        "case_study": (2, True),
        "resource": (1, False),
        "listing": (1, False),
    }
    assert by_kind.total == 2

    assert sorted(titles(find("waste", filters=SearchFilters(tags=("fleet",))))) == [
        "Northshire waste",
        "Waste toolkit",
    ]
    assert sorted(
        titles(find("waste", filters=SearchFilters(organisations=("northshire-council",))))
    ) == ["Northshire waste", "Waste lorries"]
    assert titles(find("waste", filters=SearchFilters(service_areas=("waste",)))) == [
        "Northshire waste"
    ]
    assert sorted(titles(find("waste", filters=SearchFilters(regions=("north-east",))))) == [
        "Northshire waste",
        "Waste lorries",
    ]
    assert sorted(
        titles(find("waste", filters=SearchFilters(site_organisation="northshire-council")))
    ) == ["Northshire waste", "Waste lorries"]


def test_the_community_and_date_filters(library):
    community = CommunityFactory(name="Waste managers")
    make_thread(community, title="Waste rounds in winter")
    make_thread(CommunityFactory(name="Elsewhere"), title="Waste rounds in summer")
    old = make_case_study(library.case_studies, title="Waste depot from long ago")
    published_on(old, datetime.date(2019, 5, 1))
    make_case_study(library.case_studies, title="Waste depot this week")

    in_community = find("waste", filters=SearchFilters(communities=("waste-managers",)))
    # The community itself is in it too, as Elasticsearch's community field says.
    assert sorted(titles(in_community)) == ["Waste managers", "Waste rounds in winter"]
    older = find("waste depot", filters=SearchFilters(date="older"))
    assert titles(older) == ["Waste depot from long ago"]
    recent = find("waste depot", filters=SearchFilters(kinds=("case_study",), date="past-month"))
    assert titles(recent) == ["Waste depot this week"]


def test_newest_first_and_pagination(library):
    for year in (2019, 2021, 2023):
        page = make_case_study(library.case_studies, title=f"Fleet review {year}")
        published_on(page, datetime.date(year, 1, 1))

    newest = find("fleet", sort=SORT_NEWEST, per_page=2)
    assert titles(newest) == ["Fleet review 2023", "Fleet review 2021"]
    assert newest.hits[0].score is None
    second = find("fleet", sort=SORT_NEWEST, per_page=2, page=2)
    assert titles(second) == ["Fleet review 2019"]
    assert (second.total, second.page_count) == (3, 2)


def test_snippets_mark_matches_and_escape_what_people_wrote(library):
    make_case_study(
        library.case_studies,
        title="Payroll merger",
        summary="We merged payroll. <script>alert('payroll')</script> & it worked.",
    )

    snippet = find("payroll").hits[0].snippet

    assert "<mark>" in snippet
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet


def test_snippets_come_from_rich_text_without_its_tags(library):
    make_case_study(
        library.case_studies,
        title="Contact centre",
        what_went_wrong="<p>The <b>telephony</b> &amp; networking contracts were delayed.</p>",
    )

    snippet = find("telephony").hits[0].snippet

    assert "<mark>telephony</mark>" in snippet
    assert "<b>" not in snippet and "<p>" not in snippet
    assert "&amp; networking" in snippet


def test_the_number_of_queries_does_not_grow_with_the_results(
    library, django_assert_max_num_queries
):
    community = CommunityFactory(name="Fleet managers")
    for number in range(12):
        make_case_study(library.case_studies, title=f"Fleet case {number}", tags=["fleet"])
        make_thread(community, title=f"Fleet thread {number}")
        ListingFactory(title=f"Fleet listing {number}")

    # Writing the entries is the search worker's work (a database search only catches up what
    # it finds waiting), so it is done first: what is counted below is the search alone.
    entries.catch_up()
    # The vocabulary and the lexicon, whether entries wait, then one count, one ranking query
    # for every kind together and one for the page's snippets.
    with django_assert_max_num_queries(12):
        results = find("fleet")

    assert results.total == 37  # 36 items and the community named "Fleet managers"


def test_punctuation_in_a_question_is_not_query_syntax(library):
    make_case_study(library.case_studies, title="Three councils share revenues and benefits")

    assert titles(find("revs & bens | (ICT) :* !")) == [
        "Three councils share revenues and benefits"
    ]
    assert find("&|!:*()").total == 0


def test_autocomplete_suggests_titles_and_tags_a_person_may_see(library):
    make_case_study(library.case_studies, title="Revenues merger", tags=["revenues"])
    private = CommunityFactory(name="Secret", visibility=Community.Visibility.MEMBERS)
    make_thread(private, title="Revenues secrets")

    outsider = [s.text for s in database.autocomplete("reve", user=ANONYMOUS)]
    member = [s.text for s in database.autocomplete("reve", user=make_member(private))]

    assert outsider == ["revenues", "Revenues merger"]
    assert "Revenues secrets" in member
    tag = database.autocomplete("reve", user=ANONYMOUS)[0]
    assert (tag.kind, tag.url) == ("tag", "/search/?tag=revenues")


def test_when_elasticsearch_does_not_answer_the_database_does_and_says_so(library):
    make_case_study(library.case_studies, title="Three councils share revenues and benefits")
    elasticsearch._client_for.cache_clear()
    try:
        with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9"):
            results = services.search("revs and bens", user=ANONYMOUS)
            suggestions = services.autocomplete("three", user=ANONYMOUS)
    finally:
        elasticsearch._client_for.cache_clear()

    assert results.degraded is True
    assert results.backend == "database"
    assert titles(results) == ["Three councils share revenues and benefits"]
    assert [s.text for s in suggestions] == ["Three councils share revenues and benefits"]


@pytest.mark.parametrize("vendor", ["postgresql", "portable"])
def test_an_organisation_named_council_does_not_outrank_the_answer(library, vendor, monkeypatch):
    if vendor == "portable":
        monkeypatch.setattr(database, "_full_text", lambda: False)
    OrganisationFactory(name="Allshire County Council", summary="A county council.")
    make_case_study(
        library.case_studies,
        title="A single email domain for five councils",
        summary="Staff moved to one address book.",
        outcomes="<p>" + "The programme ran for two years across the partnership. " * 40
        + "Every officer now has one email address.</p>",
    )

    assert titles(find("one email address for all councils"))[0] == (
        "A single email domain for five councils"
    )


@pytest.mark.parametrize("vendor", ["postgresql", "portable"])
@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("safegaurding hub", "Hatherley safeguarding hub"),
        ("lowcode forms", "Low-code forms for the contact centre"),
    ],
)
def test_a_misspelt_or_joined_word_finds_what_the_content_says(
    library, vendor, monkeypatch, typed, written
):
    if vendor == "portable":
        monkeypatch.setattr(database, "_full_text", lambda: False)
    database_lexicon.clear_cache()
    make_case_study(library.case_studies, title=written, summary="A programme.")
    make_case_study(library.case_studies, title="Procurement hub", summary="Buying together.")
    make_case_study(library.case_studies, title="Online forms", summary="Forms.")

    assert titles(find(typed))[0] == written


def test_words_only_members_may_read_never_steer_a_correction(library):
    database_lexicon.clear_cache()
    members = CommunityFactory(visibility=Community.Visibility.MEMBERS)
    make_thread(members, title="Confidential negotiation")

    assert "negotiation" not in database_lexicon.content_words()
