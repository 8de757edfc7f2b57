"""Who may read and change due-diligence profiles, and what each reader sees of one.

Knowledge does not know who is an officer: it asks Django's permission system, and the community
app's authentication backend answers for verified officers (see community/auth_backends.py).
Editors hold the same permissions through their groups.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Prefetch

from knowledge.models import Organisation
from knowledge.models.readiness import (
    ProfileContract,
    ProfilePart,
    ProfilePractice,
    ProfileSystem,
    ReadinessProfile,
)

READ_MEMBERS_ONLY = "knowledge.view_members_only_profile"
CHANGE_PROFILE = "knowledge.change_readinessprofile"

Reader = AbstractBaseUser | AnonymousUser


def can_read_members_only_parts(user: Reader) -> bool:
    return user.is_authenticated and user.has_perm(READ_MEMBERS_ONLY)


def can_change_profile(user: Reader, organisation: Organisation) -> bool:
    """Verified officers of the organisation, and editors."""
    return user.is_authenticated and user.has_perm(CHANGE_PROFILE, organisation)


@dataclass(frozen=True)
class ProfileSeen:
    """A profile as one reader may see it: the hidden parts are named, never filled."""

    profile: ReadinessProfile
    shown: frozenset[str]

    def shows(self, part: str) -> bool:
        return ProfilePart(part).value in self.shown

    @property
    def hidden_parts(self) -> list[str]:
        return [part.label for part in ProfilePart if part.value not in self.shown]

    @property
    def systems(self) -> list:
        return list(self.profile.systems.all()) if self.shows(ProfilePart.SYSTEMS) else []

    @property
    def contracts(self) -> list:
        return list(self.profile.contracts.all()) if self.shows(ProfilePart.CONTRACTS) else []

    @property
    def practices(self) -> list:
        return list(self.profile.practices.all()) if self.shows(ProfilePart.PRACTICES) else []

    @property
    def capacity_notes(self) -> str:
        return self.profile.capacity_notes if self.shows(ProfilePart.CAPACITY) else ""

    @property
    def competencies(self) -> str:
        return self.profile.competencies if self.shows(ProfilePart.COMPETENCIES) else ""


def profile_seen(profile: ReadinessProfile, *, members: bool) -> ProfileSeen:
    """The profile with its members-only parts left out unless the reader is a member."""
    shown = frozenset(
        part.value for part in ProfilePart if members or not profile.is_members_only(part)
    )
    return ProfileSeen(profile, shown)


def profile_seen_by(profile: ReadinessProfile, user: Reader) -> ProfileSeen:
    return profile_seen(profile, members=can_read_members_only_parts(user))


def _rows(model):
    return model.objects.select_related("service_area")


def profile_of(organisation: Organisation) -> ReadinessProfile | None:
    """The organisation's profile with every row and its service area, in a fixed number of
    queries however many rows it has; None when it has no profile yet."""
    area_first = ("service_area__name", "sort_order")
    return (
        ReadinessProfile.objects.filter(organisation=organisation)
        .prefetch_related(
            Prefetch("systems", _rows(ProfileSystem).order_by(*area_first)),
            Prefetch("contracts", _rows(ProfileContract).order_by("ends_on", "sort_order")),
            Prefetch("practices", _rows(ProfilePractice).order_by(*area_first)),
        )
        .first()
    )


def members_only_notice(hidden_parts: list[str]) -> str:
    """Names the parts a reader cannot see in one plain sentence, e.g. "Major contracts and
    capacity are shown only to ..."; empty when nothing is hidden."""
    if not hidden_parts:
        return ""
    names = [hidden_parts[0], *(label.lower() for label in hidden_parts[1:])]
    joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    # "Capacity" is the one part named in the singular.
    verb = "is" if hidden_parts == [ProfilePart.CAPACITY.label] else "are"
    return (
        f"{joined} {verb} shown only to verified officers of councils in the network "
        "and to editors."
    )
