"""Reading due-diligence profiles for the compatibility finder: which organisations suit one
organisation's shared service in a service area, best first, from what the reader may see.

Every profile, the home organisation's included, goes through `knowledge.readiness.profile_seen`
first, so a members-only part (contract dates, most often) neither shows nor scores for a reader
who is not a member. See `community.partner_fit` for the score.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from community.partner_fit import (
    ContractFacts,
    PracticeFacts,
    PracticePair,
    ProfileFacts,
    SystemFacts,
    partner_fit,
)
from knowledge.models import Organisation, ProfilePart, ReadinessProfile, ServiceArea
from knowledge.readiness import ProfileSeen, Reader, can_read_members_only_parts, profile_seen


@dataclass(frozen=True)
class PartnerSuggestion:
    """A candidate organisation, its score out of 100, why, and its practices beside yours."""

    organisation: Organisation
    score: int
    reasons: tuple[str, ...]
    practices: tuple[PracticePair, ...]


@dataclass(frozen=True)
class PartnerFinding:
    suggestions: list[PartnerSuggestion]
    # Whether the reader could not see some profile's contracts (a candidate's or the home
    # organisation's own), or its systems or practices, so the page can say what may be missing.
    contracts_hidden: bool
    systems_or_practices_hidden: bool
    # The home profile, as seen, has no system or contract in the service area, so only regions
    # can be compared. Not said when its contracts are hidden: they may be there.
    home_has_nothing_to_compare: bool


def organisations_with_profiles() -> QuerySet[Organisation]:
    """The organisations the finder can start from or suggest, A to Z."""
    return Organisation.objects.filter(readiness_profile__isnull=False).order_by("name")


def _profiles() -> QuerySet[ReadinessProfile]:
    # Each seen part reads `.all()` on its rows, so prefetching them keeps the page's query
    # count the same however many profiles there are.
    return ReadinessProfile.objects.select_related("organisation").prefetch_related(
        "systems", "contracts", "practices"
    )


def _facts(seen: ProfileSeen, service_area: ServiceArea) -> ProfileFacts:
    area = service_area.pk
    return ProfileFacts(
        region=seen.profile.organisation.region,
        systems=tuple(
            SystemFacts(row.system, row.supplier)
            for row in seen.systems
            if row.service_area_id == area
        ),
        contracts=tuple(
            ContractFacts(row.description, row.ends_on)
            for row in seen.contracts
            if row.service_area_id == area
        ),
        practices=tuple(
            PracticeFacts(row.topic, row.practice)
            for row in seen.practices
            if row.service_area_id in (None, area)
        ),
    )


def _works_in(seen: ProfileSeen, service_area: ServiceArea) -> bool:
    """Whether a profile records anything of its own in the service area: a profile that says
    nothing about it is no suggestion, however near it is."""
    rows = [*seen.systems, *seen.contracts, *seen.practices]
    return any(row.service_area_id == service_area.pk for row in rows)


def partner_suggestions(
    *, home: Organisation, service_area: ServiceArea, window_months: int, reader: Reader
) -> PartnerFinding:
    """Other organisations with a profile that works in the service area, highest score first,
    then A to Z. The home organisation must have a profile (the form only offers those)."""
    members = can_read_members_only_parts(reader)
    seen = [profile_seen(profile, members=members) for profile in _profiles()]
    home_seen = next(one for one in seen if one.profile.organisation_id == home.pk)
    home_facts = _facts(home_seen, service_area)
    suggestions = []
    for candidate in seen:
        if candidate is home_seen or not _works_in(candidate, service_area):
            continue
        fit = partner_fit(
            home_facts,
            _facts(candidate, service_area),
            window_months=window_months,
            area=service_area.name,
        )
        suggestions.append(
            PartnerSuggestion(candidate.profile.organisation, fit.score, fit.reasons, fit.practices)
        )
    suggestions.sort(key=lambda suggestion: (-suggestion.score, suggestion.organisation.name))
    home_shows_everything = home_seen.shows(ProfilePart.CONTRACTS) and home_seen.shows(
        ProfilePart.SYSTEMS
    )
    return PartnerFinding(
        suggestions=suggestions,
        home_has_nothing_to_compare=home_shows_everything
        and not (home_facts.systems or home_facts.contracts),
        contracts_hidden=any(not one.shows(ProfilePart.CONTRACTS) for one in seen),
        systems_or_practices_hidden=any(
            not (one.shows(ProfilePart.SYSTEMS) and one.shows(ProfilePart.PRACTICES))
            for one in seen
        ),
    )
