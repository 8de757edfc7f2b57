"""Brokerage matching: the pure score, and the suggestions a listing's page shows."""

import datetime

import pytest
from django.utils import timezone

from community.matching import (
    ListingFacts,
    capacity_points,
    fit,
    regions_match,
    significant_words,
    stem,
    word_similarity,
)
from community.models import ContentStatus, Listing
from community.selectors.brokerage import suggested_matches
from tests.factories import ListingFactory, OrganisationFactory, ServiceAreaFactory

OFFER, NEED = Listing.Kind.OFFER, Listing.Kind.NEED


def facts(kind=NEED, region="north-west", capacity=2, text="") -> ListingFacts:
    return ListingFacts(kind=kind, region=region, capacity=capacity, text=text)


# The pure score


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["school", "schools"], "school"),
        (["library", "libraries"], "library"),
        (["process", "processes", "processing"], "process"),
        (["manage", "managed", "managing", "management"], "manag"),
        (["status"], "status"),
        (["payroll"], "payroll"),
    ],
)
def test_forms_of_one_word_share_a_stem(words, expected):
    assert {stem(word) for word in words} == {expected}


def test_significant_words_drop_common_words_and_keep_the_first_form_seen():
    words = significant_words("The council wants a partner for Schools payroll; schools need it.")

    assert words == {"school": "schools", "payroll": "payroll"}


def test_word_similarity_is_the_cosine_of_the_two_stem_sets():
    similarity, shared = word_similarity("payroll schools april", "schools payroll bureau academy")

    assert similarity == pytest.approx(2 / (3 * 4) ** 0.5)
    assert shared == ["payroll", "schools"]


def test_texts_with_no_meaningful_words_are_not_similar():
    assert word_similarity("We need a partner", "payroll") == (0.0, [])


def test_uk_wide_counts_as_every_region():
    assert regions_match("london", "london")
    assert regions_match("uk-wide", "wales")
    assert regions_match("scotland", "uk-wide")
    assert not regions_match("london", "wales")


def test_capacity_fits_when_the_offer_has_room_for_every_partner_wanted():
    assert capacity_points(3, 2) == 20
    assert capacity_points(2, 2) == 20
    assert capacity_points(1, 2) == 10


def test_a_perfect_fit_scores_100_with_every_reason():
    need = facts(NEED, "wales", 2, "Payroll for schools")
    offer = facts(OFFER, "wales", 2, "Schools payroll")

    result = fit(need, offer)

    assert result.score == 100
    assert result.reasons == (
        "Same service area",
        "Same region",
        "Capacity fits",
        "Similar words: payroll, schools",
    )


def test_capacity_is_read_the_same_way_from_either_side():
    offer = facts(OFFER, "london", 1, "Payroll")
    need = facts(NEED, "wales", 3, "Fleet")

    assert fit(offer, need) == fit(need, offer)
    assert fit(offer, need).reasons == ("Same service area", "Room for 1 of the 3 partners wanted")
    assert fit(offer, need).score == 10


# Suggestions from the database


@pytest.fixture
def payroll(db):
    return ServiceAreaFactory(name="Payroll")


@pytest.fixture
def need(payroll):
    return ListingFactory(
        kind=NEED,
        organisation=OrganisationFactory(name="Northshire Council"),
        service_area=payroll,
        region="north-west",
        capacity=2,
        title="Payroll for our schools",
        description="We want a partner to run payroll for 40 schools from April.",
    )


def offer(payroll, **fields) -> Listing:
    values = {"kind": OFFER, "service_area": payroll, "region": "london", "capacity": 5}
    return ListingFactory(**{**values, **fields})


def test_suggestions_are_ordered_by_score_with_their_reasons(need, payroll):
    bureau = offer(
        payroll,
        region="north-west",
        capacity=3,
        title="Schools payroll bureau",
        description="We run payroll for 120 schools and academies.",
    )
    pensions = offer(
        payroll,
        region="uk-wide",
        capacity=1,
        title="Payroll and pensions",
        description="Payroll processing for councils and fire services.",
    )
    advice = offer(payroll, title="HR advice line", description="Advice for managers on absence.")

    matches = suggested_matches(need)

    assert [(m.listing, m.score) for m in matches] == [(bureau, 79), (pensions, 54), (advice, 20)]
    assert [m.reasons for m in matches] == [
        ("Same service area", "Same region", "Capacity fits", "Similar words: payroll, schools"),
        (
            "Same service area",
            "Same region (UK-wide)",
            "Room for 1 of the 2 partners wanted",
            "Similar words: payroll",
        ),
        ("Same service area", "Capacity fits"),
    ]


def test_suggestions_leave_out_closed_expired_hidden_own_and_other_listings(need, payroll):
    kept = offer(payroll, title="Payroll")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    offer(payroll, title="Expired payroll", expires_on=yesterday)
    offer(payroll, title="Closed payroll", status=Listing.Status.CLOSED)
    offer(payroll, title="Hidden payroll", status=ContentStatus.HIDDEN)
    offer(payroll, title="Our own payroll", organisation=need.organisation)
    offer(payroll, title="Another need for payroll", kind=NEED)
    offer(ServiceAreaFactory(name="Waste"), title="Payroll in another service area")

    assert [match.listing for match in suggested_matches(need)] == [kept]


def test_an_offer_is_matched_with_needs(need, payroll):
    bureau = offer(payroll, region="north-west", title="Schools payroll bureau")

    assert [match.listing for match in suggested_matches(bureau)] == [need]


def test_equal_scores_show_the_newest_first_and_the_limit_holds(need, payroll):
    older, newer, newest = (offer(payroll, title=f"Fleet {n}") for n in range(3))

    matches = suggested_matches(need, limit=2)

    assert [match.listing for match in matches] == [newest, newer]
    assert older not in [match.listing for match in matches]
