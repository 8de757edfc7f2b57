"""How well another organisation would suit a shared service with yours, from the two
due-diligence profiles: a small, deterministic score with its reasons, like `community.matching`.

Pure functions of plain values (no database), so the rules can be read and tested on their own.
The facts are for one service area only (the selector picks the rows; practices across the whole
organisation come too). A candidate earns points out of 100:

- contract timing (50): one of their contracts in the service area ends within the chosen window
  (in months, either side, edges included) of one of yours. Being in the window earns 25; the
  other 25 shrink in a straight line from the same day to none at the window's edge, because two
  contracts ending together is what lets two councils procure once. The closest pair counts.
- systems (30): both run the same system (30), or buy different products from the same supplier
  (15), since moving onto one supplier's other product is a smaller step than changing supplier.
- region (20): the same region (20), a neighbouring one or either side working UK-wide (10).
  Councils that border each other already share staff, travel and often suppliers.

Practices that differ are shown side by side, not scored. Whether two policies can be aligned is
a judgement for the people reading them (one reminder or two is easy to agree; a charging policy
set by elected members is not), and no word count says which is which; scoring them would also
reward profiles that leave practices out.

A contract whose dates the reader may not see never reaches here, so a score never gives away
a members-only date.
"""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from knowledge.models import Region

TIMING_POINTS = 50
TIMING_IN_WINDOW_POINTS = 25
SAME_SYSTEM_POINTS = 30
SAME_SUPPLIER_POINTS = 15
SAME_REGION_POINTS = 20
NEAR_REGION_POINTS = 10
WINDOW_MONTHS = (6, 12, 24, 36)

# Regions that share a land border. Northern Ireland has none with another UK nation, so it is
# paired with Scotland, a short sea crossing away and its usual partner in practice.
_BORDERS = [
    (Region.NORTH_EAST, Region.NORTH_WEST),
    (Region.NORTH_EAST, Region.YORKSHIRE),
    (Region.NORTH_EAST, Region.SCOTLAND),
    (Region.NORTH_WEST, Region.YORKSHIRE),
    (Region.NORTH_WEST, Region.EAST_MIDLANDS),
    (Region.NORTH_WEST, Region.WEST_MIDLANDS),
    (Region.NORTH_WEST, Region.WALES),
    (Region.NORTH_WEST, Region.SCOTLAND),
    (Region.YORKSHIRE, Region.EAST_MIDLANDS),
    (Region.EAST_MIDLANDS, Region.WEST_MIDLANDS),
    (Region.EAST_MIDLANDS, Region.EAST),
    (Region.EAST_MIDLANDS, Region.SOUTH_EAST),
    (Region.WEST_MIDLANDS, Region.SOUTH_EAST),
    (Region.WEST_MIDLANDS, Region.SOUTH_WEST),
    (Region.WEST_MIDLANDS, Region.WALES),
    (Region.EAST, Region.LONDON),
    (Region.EAST, Region.SOUTH_EAST),
    (Region.LONDON, Region.SOUTH_EAST),
    (Region.SOUTH_EAST, Region.SOUTH_WEST),
    (Region.SOUTH_WEST, Region.WALES),
    (Region.SCOTLAND, Region.NORTHERN_IRELAND),
]
NEIGHBOURS: dict[str, frozenset[str]] = {
    region.value: frozenset(
        other.value for pair in _BORDERS if region in pair for other in pair if other != region
    )
    for region in Region
}


@dataclass(frozen=True)
class SystemFacts:
    system: str
    supplier: str = ""


@dataclass(frozen=True)
class ContractFacts:
    description: str
    ends_on: datetime.date


@dataclass(frozen=True)
class PracticeFacts:
    topic: str
    practice: str


@dataclass(frozen=True)
class ProfileFacts:
    """What the score looks at in one organisation's profile, for one service area, as the
    reader may see it."""

    region: str
    systems: tuple[SystemFacts, ...] = ()
    contracts: tuple[ContractFacts, ...] = ()
    practices: tuple[PracticeFacts, ...] = ()


@dataclass(frozen=True)
class PracticePair:
    """One topic, with each side's practice ("" where that side records none)."""

    topic: str
    yours: str
    theirs: str

    @property
    def aligned(self) -> bool:
        return bool(self.yours) and _same_words(self.yours, self.theirs)


@dataclass(frozen=True)
class PartnerFit:
    score: int
    reasons: tuple[str, ...]
    practices: tuple[PracticePair, ...]


def _same_words(first: str, second: str) -> bool:
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def _long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _in_sentence(name: str) -> str:
    """A service area's name inside a sentence: "Revenues and benefits" -> "revenues and
    benefits", but "ICT" stays as it is."""
    first_word = name.split(" ", 1)[0]
    return name if first_word.isupper() else name[:1].lower() + name[1:]


def _months_apart(days: int) -> str:
    months = round(days / (365.25 / 12))
    if months == 0:
        return f"{days} day{'s' if days != 1 else ''}"
    return f"{months} month{'s' if months != 1 else ''}"


def timing_points(yours: datetime.date, theirs: datetime.date, window_months: int) -> int:
    """Points for two contract end dates (see the module's docstring); 0 outside the window."""
    if theirs >= yours:
        edge = yours + relativedelta(months=window_months)
        if theirs > edge:
            return 0
        window_days, gap_days = (edge - yours).days, (theirs - yours).days
    else:
        edge = yours - relativedelta(months=window_months)
        if theirs < edge:
            return 0
        window_days, gap_days = (yours - edge).days, (yours - theirs).days
    closeness = 1 - gap_days / window_days
    return round(TIMING_IN_WINDOW_POINTS + (TIMING_POINTS - TIMING_IN_WINDOW_POINTS) * closeness)


def timing_reason(yours: datetime.date, theirs: datetime.date, area: str) -> str:
    if yours == theirs:
        when = "the same day as yours"
    else:
        gap = _months_apart(abs((theirs - yours).days))
        when = f"{gap} {'after' if theirs > yours else 'before'} yours"
    return f"Their {_in_sentence(area)} contract ends {when} ({_long_date(theirs)})"


def contract_fit(
    home: ProfileFacts, candidate: ProfileFacts, window_months: int, area: str
) -> tuple[int, str]:
    """The best-timed pair of contracts: its points and reason, or (0, "")."""
    best: tuple[int, str] = (0, "")
    for yours in home.contracts:
        for theirs in candidate.contracts:
            points = timing_points(yours.ends_on, theirs.ends_on, window_months)
            if points > best[0]:
                best = (points, timing_reason(yours.ends_on, theirs.ends_on, area))
    return best


def _name(system: SystemFacts) -> str:
    return f"{system.system} by {system.supplier}" if system.supplier else system.system


def systems_fit(home: ProfileFacts, candidate: ProfileFacts) -> tuple[int, str]:
    """The same system anywhere beats the same supplier; (0, "") when neither."""
    for yours in home.systems:
        for theirs in candidate.systems:
            if _same_words(yours.system, theirs.system):
                return SAME_SYSTEM_POINTS, f"Both run {_name(yours)}"
    for yours in home.systems:
        for theirs in candidate.systems:
            if yours.supplier and _same_words(yours.supplier, theirs.supplier):
                return (
                    SAME_SUPPLIER_POINTS,
                    f"Both buy from {yours.supplier}: you run {yours.system}, "
                    f"they run {theirs.system}",
                )
    return 0, ""


def regions_near(first: str, second: str) -> bool:
    return Region.UK_WIDE in (first, second) or second in NEIGHBOURS.get(first, frozenset())


def region_fit(home: ProfileFacts, candidate: ProfileFacts) -> tuple[int, str]:
    if not home.region or not candidate.region:
        return 0, ""
    if home.region == candidate.region:
        return SAME_REGION_POINTS, f"Same region ({Region(home.region).label})"
    if candidate.region == Region.UK_WIDE:
        return NEAR_REGION_POINTS, "They work UK-wide"
    if regions_near(home.region, candidate.region):
        return NEAR_REGION_POINTS, f"Neighbouring region ({Region(candidate.region).label})"
    return 0, ""


def practices_side_by_side(home: ProfileFacts, candidate: ProfileFacts) -> tuple[PracticePair, ...]:
    """Every topic either side records, matched by topic regardless of case: yours first, in
    your order, then topics only they record."""
    theirs = {practice.topic.strip().casefold(): practice for practice in candidate.practices}
    pairs, seen = [], set()
    for yours in home.practices:
        key = yours.topic.strip().casefold()
        if key in seen:
            continue
        seen.add(key)
        match = theirs.get(key)
        pairs.append(PracticePair(yours.topic, yours.practice, match.practice if match else ""))
    for key, practice in theirs.items():
        if key not in seen:
            seen.add(key)
            pairs.append(PracticePair(practice.topic, "", practice.practice))
    return tuple(pairs)


def partner_fit(
    home: ProfileFacts, candidate: ProfileFacts, *, window_months: int, area: str
) -> PartnerFit:
    """How well a candidate suits the home organisation in one service area (`area` is its
    name, for the reasons)."""
    parts = [
        contract_fit(home, candidate, window_months, area),
        systems_fit(home, candidate),
        region_fit(home, candidate),
    ]
    return PartnerFit(
        score=sum(points for points, _ in parts),
        reasons=tuple(reason for points, reason in parts if points),
        practices=practices_side_by_side(home, candidate),
    )
