"""The compatibility finder's score: each rule on its own, with plain values (no database)."""

import datetime

import pytest

from community.partner_fit import (
    NEIGHBOURS,
    ContractFacts,
    PracticeFacts,
    ProfileFacts,
    SystemFacts,
    partner_fit,
    practices_side_by_side,
    region_fit,
    systems_fit,
    timing_points,
)
from knowledge.models import Region

MARCH_2028 = datetime.date(2028, 3, 31)
AREA = "Revenues and benefits"


def profile(region="yorkshire-and-the-humber", systems=(), contracts=(), practices=()):
    return ProfileFacts(
        region=region,
        systems=tuple(SystemFacts(*system) for system in systems),
        contracts=tuple(ContractFacts("Software", day) for day in contracts),
        practices=tuple(PracticeFacts(*practice) for practice in practices),
    )


def fit(home, candidate, window=12):
    return partner_fit(home, candidate, window_months=window, area=AREA)


def test_contracts_ending_the_same_day_earn_every_timing_point():
    result = fit(profile(contracts=[MARCH_2028]), profile(region="", contracts=[MARCH_2028]))
    assert result.score == 50
    assert result.reasons == (
        "Their revenues and benefits contract ends the same day as yours (31 March 2028)",
    )


def test_a_contract_ending_three_months_later_is_explained_in_months_and_its_date():
    result = fit(
        profile(contracts=[MARCH_2028]), profile(region="", contracts=[datetime.date(2028, 6, 30)])
    )
    assert result.reasons == (
        "Their revenues and benefits contract ends 3 months after yours (30 June 2028)",
    )
    assert result.score == 44  # 25 for the window, and 19 of 25 for 91 of 366 days


def test_a_contract_ending_before_yours_says_before():
    result = fit(
        profile(contracts=[MARCH_2028]), profile(region="", contracts=[datetime.date(2028, 1, 31)])
    )
    assert result.reasons == (
        "Their revenues and benefits contract ends 2 months before yours (31 January 2028)",
    )


def test_a_contract_a_few_days_apart_is_counted_in_days():
    result = fit(
        profile(contracts=[MARCH_2028]), profile(region="", contracts=[datetime.date(2028, 4, 1)])
    )
    assert result.reasons == (
        "Their revenues and benefits contract ends 1 day after yours (1 April 2028)",
    )


@pytest.mark.parametrize(
    "theirs, points",
    [
        (datetime.date(2029, 3, 31), 25),  # exactly 12 months later: in, at the edge
        (datetime.date(2029, 4, 1), 0),  # a day past the edge
        (datetime.date(2027, 3, 31), 25),  # exactly 12 months earlier
        (datetime.date(2027, 3, 30), 0),
    ],
)
def test_the_window_includes_its_edges_and_nothing_beyond(theirs, points):
    assert timing_points(MARCH_2028, theirs, 12) == points


def test_a_wider_window_takes_in_a_contract_a_narrower_one_leaves_out():
    two_years_on = datetime.date(2030, 3, 31)
    assert timing_points(MARCH_2028, two_years_on, 12) == 0
    assert timing_points(MARCH_2028, two_years_on, 24) == 25
    assert timing_points(MARCH_2028, two_years_on, 36) > 25


def test_the_best_timed_pair_of_contracts_counts():
    home = profile(contracts=[MARCH_2028, datetime.date(2031, 1, 1)])
    candidate = profile(region="", contracts=[datetime.date(2035, 1, 1), datetime.date(2031, 1, 1)])
    assert fit(home, candidate).score == 50


def test_a_candidate_with_no_contract_in_the_area_earns_no_timing_points():
    result = fit(profile(contracts=[MARCH_2028]), profile(region=""))
    assert result.score == 0
    assert result.reasons == ()


def test_with_no_contract_of_yours_to_compare_timing_earns_nothing():
    assert fit(profile(), profile(region="", contracts=[MARCH_2028])).score == 0


def test_the_same_system_earns_30_whatever_the_case():
    home = profile(systems=[("OpenRevenues", "Civica")])
    candidate = profile(systems=[("openrevenues ", "Civica")])
    assert systems_fit(home, candidate) == (30, "Both run OpenRevenues by Civica")


def test_another_product_from_the_same_supplier_is_compatible_for_15():
    home = profile(systems=[("OpenRevenues", "Civica")])
    candidate = profile(systems=[("Civica Pay", "civica")])
    assert systems_fit(home, candidate) == (
        15,
        "Both buy from Civica: you run OpenRevenues, they run Civica Pay",
    )


def test_different_suppliers_and_missing_suppliers_earn_nothing():
    home = profile(systems=[("OpenRevenues", "")])
    assert systems_fit(home, profile(systems=[("Northgate Revenues", "")])) == (0, "")
    assert systems_fit(
        profile(systems=[("OpenRevenues", "Civica")]),
        profile(systems=[("Revenues and Benefits", "Capita")]),
    ) == (0, "")


def test_the_same_region_earns_20_a_neighbour_or_uk_wide_10_and_far_away_nothing():
    home = profile(region=Region.YORKSHIRE)
    assert region_fit(home, profile(region=Region.YORKSHIRE)) == (
        20,
        "Same region (Yorkshire and the Humber)",
    )
    assert region_fit(home, profile(region=Region.NORTH_EAST)) == (
        10,
        "Neighbouring region (North East)",
    )
    assert region_fit(home, profile(region=Region.UK_WIDE)) == (10, "They work UK-wide")
    assert region_fit(home, profile(region=Region.WEST_MIDLANDS)) == (0, "")
    assert region_fit(home, profile(region=Region.SCOTLAND)) == (0, "")
    assert region_fit(profile(region=""), profile(region=Region.YORKSHIRE)) == (0, "")


def test_neighbours_are_mutual_and_every_region_but_uk_wide_has_some():
    for region, neighbours in NEIGHBOURS.items():
        for neighbour in neighbours:
            assert region in NEIGHBOURS[neighbour], (region, neighbour)
        assert region not in neighbours
        assert bool(neighbours) == (region != Region.UK_WIDE), region
    assert NEIGHBOURS[Region.YORKSHIRE] == {
        Region.NORTH_EAST,
        Region.NORTH_WEST,
        Region.EAST_MIDLANDS,
    }


def test_practices_are_matched_by_topic_whatever_the_case_and_same_text_is_aligned():
    home = profile(
        practices=[
            ("Council tax reminders", "One reminder, then a summons 14 days later."),
            ("Discretionary housing payments", "Decided within 10 working days."),
            ("Recovery", "Bailiffs after the liability order."),
        ]
    )
    candidate = profile(
        practices=[
            ("council tax reminders ", "Two reminders 21 days apart before a summons."),
            ("Recovery", "bailiffs after the  liability order."),
            ("Single person discount reviews", "Every two years."),
        ]
    )

    pairs = practices_side_by_side(home, candidate)

    assert [(pair.topic, pair.yours, pair.theirs, pair.aligned) for pair in pairs] == [
        (
            "Council tax reminders",
            "One reminder, then a summons 14 days later.",
            "Two reminders 21 days apart before a summons.",
            False,
        ),
        ("Discretionary housing payments", "Decided within 10 working days.", "", False),
        (
            "Recovery",
            "Bailiffs after the liability order.",
            "bailiffs after the  liability order.",
            True,
        ),
        ("Single person discount reviews", "", "Every two years.", False),
    ]


def test_practices_are_shown_but_not_scored():
    home = profile(region="", practices=[("Recovery", "Bailiffs.")])
    assert fit(home, profile(region="", practices=[("Recovery", "Bailiffs.")])).score == 0


def test_the_points_add_up_to_100_for_the_perfect_partner():
    home = profile(systems=[("OpenRevenues", "Civica")], contracts=[MARCH_2028])
    result = fit(home, home)
    assert result.score == 100
    assert result.reasons == (
        "Their revenues and benefits contract ends the same day as yours (31 March 2028)",
        "Both run OpenRevenues by Civica",
        "Same region (Yorkshire and the Humber)",
    )


def test_an_acronym_service_area_keeps_its_capitals_in_the_reason():
    result = partner_fit(
        profile(contracts=[MARCH_2028]),
        profile(region="", contracts=[MARCH_2028]),
        window_months=6,
        area="ICT",
    )
    assert result.reasons == ("Their ICT contract ends the same day as yours (31 March 2028)",)
