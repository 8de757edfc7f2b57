"""The figures behind the map of partnerships by region, and the map's geometry: pure functions."""

from decimal import Decimal

from knowledge.regional_map import (
    NOT_RECORDED,
    SEVERAL_REGIONS,
    TILE_PLACES,
    CaseStudySavings,
    all_regions,
    figures_by_region,
    map_description,
    regional_map,
    savings_region,
    shade_of,
    short_pounds,
)


def by_key(rows):
    return {row.key: row for row in rows}


def saved(amount: str, *regions: str) -> CaseStudySavings:
    return CaseStudySavings(Decimal(amount), frozenset(regions))


def test_a_case_studys_savings_count_in_the_one_region_its_councils_share():
    assert savings_region({"wales"}) == "wales"
    # A national partner or an organisation with no region does not move the savings.
    assert savings_region({"wales", "uk-wide", ""}) == "wales"
    assert savings_region({"wales", "south-west"}) == SEVERAL_REGIONS
    assert savings_region({"uk-wide", ""}) == "uk-wide"
    assert savings_region({""}) == NOT_RECORDED
    assert savings_region(set()) == NOT_RECORDED


def test_partnerships_count_by_their_leads_region_and_organisations_once_in_their_own():
    rows = by_key(
        figures_by_region(
            lead_regions=["london", "london", "wales", ""],
            member_regions={1: "london", 2: "south-east", 3: "wales", 4: ""},
            case_studies=[
                saved("100000.50", "london"),
                saved("250000", "london", "uk-wide"),
                saved("40000", "wales", "south-west"),
            ],
        )
    )

    assert (rows["london"].partnerships, rows["london"].organisations) == (2, 1)
    assert rows["london"].annual_savings == Decimal("350000.50")
    assert rows["london"].case_studies == 2
    assert (rows["south-east"].partnerships, rows["south-east"].organisations) == (0, 1)
    assert rows["wales"].annual_savings == 0
    assert rows[SEVERAL_REGIONS].annual_savings == Decimal("40000")
    assert (rows[NOT_RECORDED].partnerships, rows[NOT_RECORDED].organisations) == (1, 1)


def test_every_mapped_region_has_a_row_in_order_and_the_others_only_when_they_hold_something():
    rows = figures_by_region(lead_regions=[], member_regions={}, case_studies=[])
    assert [row.key for row in rows] == list(TILE_PLACES)
    assert rows[0].name == "Scotland"

    with_national = figures_by_region(
        lead_regions=["uk-wide"], member_regions={9: "uk-wide"}, case_studies=[]
    )
    assert [row.key for row in with_national][-1] == "uk-wide"


def test_the_rows_add_up_to_the_whole_network():
    rows = figures_by_region(
        lead_regions=["london", "scotland", "uk-wide", ""],
        member_regions={1: "london", 2: "scotland", 3: "uk-wide", 4: "", 5: "wales"},
        case_studies=[saved("10", "london"), saved("5", "london", "wales"), saved("1", "")],
    )
    total = all_regions(rows)
    assert (total.partnerships, total.organisations, total.case_studies) == (4, 5, 3)
    assert total.annual_savings == Decimal("16")


def test_shades_split_the_largest_regions_savings_into_quarters():
    largest = Decimal("400")
    assert [shade_of(Decimal(v), largest) for v in ("0", "1", "100", "101", "300", "400")] == [
        0,
        1,
        1,
        2,
        3,
        4,
    ]
    assert shade_of(Decimal("0"), Decimal("0")) == 0


def test_a_tile_shows_a_short_figure():
    assert short_pounds(Decimal("1250000")) == "£1.3m"
    assert short_pounds(Decimal("2000000")) == "£2m"
    assert short_pounds(Decimal("450000")) == "£450k"
    assert short_pounds(Decimal("900")) == "£900"
    assert short_pounds(Decimal("999600")) == "£1m"


def test_the_map_has_a_tile_per_region_each_in_its_own_place_inside_the_drawing():
    rows = figures_by_region(
        lead_regions=["london"], member_regions={1: "london"}, case_studies=[saved("9", "london")]
    )
    drawn = regional_map(rows)

    assert len(drawn.tiles) == 12
    assert len({(tile.x, tile.y) for tile in drawn.tiles}) == 12
    for tile in drawn.tiles:
        assert tile.x >= 0 and tile.x + drawn.size <= drawn.width
        assert tile.y >= 0 and tile.y + drawn.size <= drawn.height
    london = next(tile for tile in drawn.tiles if tile.name == "London")
    assert (london.shade, london.savings_text, london.partnerships_text) == (
        4,
        "£9",
        "1 partnership",
    )
    assert [shade.text for shade in drawn.legend][:2] == ["No savings reported", "Up to £2"]


def test_the_maps_words_name_each_region_with_partnerships_and_its_figures():
    rows = figures_by_region(
        lead_regions=["london", "london", "wales"],
        member_regions={1: "london", 2: "wales"},
        case_studies=[saved("1250000", "london")],
    )
    words = map_description(rows)

    assert "London: 2 partnerships, 1 organisation, £1,250,000 a year in reported savings" in words
    assert "Wales: 1 partnership, 1 organisation, £0 a year in reported savings" in words
    assert "10 other regions have none." in words
    assert words.startswith("A schematic map")
