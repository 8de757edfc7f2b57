"""Partnerships and their reported savings by UK region: the figures, and a schematic map of them.

The map is a tile-grid cartogram: one equal square per region, placed roughly where the region
lies, so a small region with many partnerships is as easy to see as a large empty one, and no map
tiles or scripts come from elsewhere. It is drawn on the server as SVG (the template only draws
what `regional_map` works out) and scales to the width of a phone; the page gives every figure in
a table as well.

How things are counted, said on the page too:
- a partnership (a shared service in the catalogue, whatever its status) counts in the region of
  its lead organisation;
- an organisation counts once, in its own region, if it takes part in any partnership;
- a published case study's reported annual savings count in the region its organisations are in.
  National (UK-wide) partners and organisations with no region recorded are left out of that
  choice, so a supplier working with one council does not move the council's savings; a case
  study whose councils are in different regions counts under "More than one region".
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from django.db.models import Q

from knowledge import queries
from knowledge.models import Organisation, Region, SharedService
from knowledge.templatetags.knowledge_format import pounds

SEVERAL_REGIONS = "several"
NOT_RECORDED = "not-recorded"
OTHER_ROWS = {
    Region.UK_WIDE.value: Region.UK_WIDE.label,
    SEVERAL_REGIONS: "More than one region",
    NOT_RECORDED: "Region not recorded",
}

# (column, row) of each region's tile, north at the top: roughly where each lies.
TILE_PLACES: dict[str, tuple[int, int]] = {
    Region.SCOTLAND: (1, 0),
    Region.NORTH_EAST: (2, 0),
    Region.NORTHERN_IRELAND: (0, 1),
    Region.NORTH_WEST: (1, 1),
    Region.YORKSHIRE: (2, 1),
    Region.WALES: (0, 2),
    Region.WEST_MIDLANDS: (1, 2),
    Region.EAST_MIDLANDS: (2, 2),
    Region.EAST: (3, 2),
    Region.SOUTH_WEST: (0, 3),
    Region.SOUTH_EAST: (1, 3),
    Region.LONDON: (2, 3),
}
TILE_NAMES = {
    Region.YORKSHIRE: "Yorkshire",
    Region.EAST_MIDLANDS: "E Midlands",
    Region.WEST_MIDLANDS: "W Midlands",
    Region.EAST: "East",
    Region.NORTHERN_IRELAND: "N Ireland",
}
TILE_SIZE = 110
TILE_GAP = 6
SHADES = 4  # shades of blue for savings reported; shade 0 is "none reported"


@dataclass(frozen=True)
class RegionFigures:
    key: str
    name: str
    partnerships: int = 0
    organisations: int = 0
    annual_savings: Decimal = Decimal(0)
    case_studies: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.partnerships or self.organisations or self.case_studies)


@dataclass(frozen=True)
class CaseStudySavings:
    annual_savings: Decimal
    regions: frozenset[str]  # of its organisations; "" for one with no region recorded


def savings_region(regions: Iterable[str]) -> str:
    """Where a case study's savings count (see the module's docstring)."""
    regions = set(regions)
    local = regions - {"", Region.UK_WIDE}
    if len(local) == 1:
        return local.pop()
    if local:
        return SEVERAL_REGIONS
    return Region.UK_WIDE if Region.UK_WIDE in regions else NOT_RECORDED


def _region_key(region: str) -> str:
    return region if region in TILE_PLACES or region == Region.UK_WIDE else NOT_RECORDED


def figures_by_region(
    *,
    lead_regions: Iterable[str],
    member_regions: Mapping[int, str],
    case_studies: Iterable[CaseStudySavings],
) -> list[RegionFigures]:
    """The figures of every mapped region (in TILE_PLACES order, even when all are zero), then
    UK-wide, more than one region and not recorded, each only when it has something.

    lead_regions: the region of each partnership's lead ("" when not recorded);
    member_regions: organisation id to region, for each organisation taking part in any.
    """
    partnerships: dict[str, int] = defaultdict(int)
    organisations: dict[str, int] = defaultdict(int)
    savings: dict[str, Decimal] = defaultdict(Decimal)
    reporting: dict[str, int] = defaultdict(int)
    for region in lead_regions:
        partnerships[_region_key(region)] += 1
    for region in member_regions.values():
        organisations[_region_key(region)] += 1
    for case_study in case_studies:
        key = savings_region(case_study.regions)
        key = key if key == SEVERAL_REGIONS else _region_key(key)
        savings[key] += case_study.annual_savings
        reporting[key] += 1

    names = {**{region: Region(region).label for region in TILE_PLACES}, **OTHER_ROWS}
    rows = [
        RegionFigures(
            key=key,
            name=names[key],
            partnerships=partnerships[key],
            organisations=organisations[key],
            annual_savings=savings[key],
            case_studies=reporting[key],
        )
        for key in [*TILE_PLACES, *OTHER_ROWS]
    ]
    return [row for row in rows if row.key in TILE_PLACES or not row.is_empty]


def regional_figures() -> list[RegionFigures]:
    """`figures_by_region` of the catalogue and the live, public case studies: three queries."""
    lead_regions = SharedService.objects.values_list("lead_organisation__region", flat=True)
    members = dict(
        Organisation.objects.filter(
            Q(pk__in=SharedService.objects.values("lead_organisation"))
            | Q(pk__in=SharedService.partners.through.objects.values("organisation"))
        ).values_list("pk", "region")
    )
    # One row per case study and organisation: regrouped here rather than a query per page.
    regions: dict[int, set[str]] = defaultdict(set)
    amounts: dict[int, Decimal] = {}
    reported = queries.live_case_studies().filter(annual_savings_pounds__isnull=False)
    for pk, amount, region in reported.values_list(
        "pk", "annual_savings_pounds", "organisations__region"
    ):
        amounts[pk] = amount
        regions[pk].add(region or "")
    return figures_by_region(
        lead_regions=list(lead_regions),
        member_regions=members,
        case_studies=[CaseStudySavings(amounts[pk], frozenset(regions[pk])) for pk in amounts],
    )


# Drawing


def short_pounds(amount: Decimal) -> str:
    """£1.2m, £450k, £900: a figure that fits on a tile (the table gives it exactly)."""
    # Half up, as people round: £1.25m reads £1.3m (Decimal's own rounding is half even).
    if amount >= 999_500:  # not "£1000k"
        millions = (amount / 1_000_000).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return f"£{millions}m".replace(".0m", "m")
    if amount >= 1_000:
        return f"£{(amount / 1_000).quantize(Decimal(1), ROUND_HALF_UP)}k"
    return f"£{amount.quantize(Decimal(1), ROUND_HALF_UP)}"


@dataclass(frozen=True)
class Tile:
    name: str
    x: int
    y: int
    shade: int
    savings_text: str
    partnerships_text: str

    @property
    def centre_x(self) -> int:
        return self.x + TILE_SIZE // 2


@dataclass(frozen=True)
class Shade:
    shade: int
    text: str


@dataclass(frozen=True)
class RegionalMap:
    width: int
    height: int
    size: int
    tiles: tuple[Tile, ...]
    legend: tuple[Shade, ...]
    description: str


def shade_of(amount: Decimal, largest: Decimal) -> int:
    """0 for no savings reported, else 1 to SHADES by quarters of the largest region's."""
    if amount <= 0 or largest <= 0:
        return 0
    return max(
        1, min(SHADES, int((amount / largest * SHADES).to_integral_value(rounding=ROUND_CEILING)))
    )


def _legend(largest: Decimal) -> tuple[Shade, ...]:
    shades = [Shade(0, "No savings reported")]
    if largest > 0:
        bounds = [largest * step / SHADES for step in range(SHADES + 1)]
        shades += [
            Shade(
                step,
                f"More than {pounds(round(bounds[step - 1]))} up to {pounds(round(bounds[step]))}",
            )
            if step > 1
            else Shade(step, f"Up to {pounds(round(bounds[1]))}")
            for step in range(1, SHADES + 1)
        ]
    return tuple(shades)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def map_description(figures: Iterable[RegionFigures]) -> str:
    """The map in words, for people who cannot see it: every region with anything, by name."""
    mapped = [row for row in figures if row.key in TILE_PLACES]
    told = [
        f"{row.name}: {_plural(row.partnerships, 'partnership')}, "
        f"{_plural(row.organisations, 'organisation')}, "
        f"{pounds(row.annual_savings)} a year in reported savings"
        for row in mapped
        if not row.is_empty
    ]
    quiet = len(mapped) - len(told)
    words = "A schematic map of the UK's 12 regions, each shaded by reported annual savings. "
    words += ". ".join(told) + "." if told else "No region has partnerships yet."
    if told and quiet:
        words += f" {_plural(quiet, 'other region')} {'has' if quiet == 1 else 'have'} none."
    return words + " The table below gives every figure."


def regional_map(figures: list[RegionFigures]) -> RegionalMap:
    """Tiles for the 12 regions, shaded by savings, with the words and legend that go with them."""
    mapped = [row for row in figures if row.key in TILE_PLACES]
    largest = max((row.annual_savings for row in mapped), default=Decimal(0))
    step = TILE_SIZE + TILE_GAP
    tiles = []
    for row in mapped:
        column, line = TILE_PLACES[row.key]
        tiles.append(
            Tile(
                name=TILE_NAMES.get(row.key, row.name),
                x=column * step,
                y=line * step,
                shade=shade_of(row.annual_savings, largest),
                savings_text=short_pounds(row.annual_savings) if row.case_studies else "None",
                partnerships_text=_plural(row.partnerships, "partnership"),
            )
        )
    columns = 1 + max(column for column, _ in TILE_PLACES.values())
    lines = 1 + max(line for _, line in TILE_PLACES.values())
    return RegionalMap(
        width=columns * step - TILE_GAP,
        height=lines * step - TILE_GAP,
        size=TILE_SIZE,
        tiles=tuple(tiles),
        legend=_legend(largest),
        description=map_description(figures),
    )


def all_regions(figures: Iterable[RegionFigures]) -> RegionFigures:
    """The whole network's figures: each partnership, organisation and case study is in exactly
    one row, so the rows add up."""
    figures = list(figures)
    return RegionFigures(
        key="all",
        name="All regions",
        partnerships=sum(row.partnerships for row in figures),
        organisations=sum(row.organisations for row in figures),
        annual_savings=sum((row.annual_savings for row in figures), Decimal(0)),
        case_studies=sum(row.case_studies for row in figures),
    )
