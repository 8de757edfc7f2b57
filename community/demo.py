"""Demo people, one for each role, so the demo can be tried from every side."""

import logging
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from community.models import Community, User
from community.services.accounts import officer_verification_refresh

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoPerson:
    username: str
    email: str
    display_name: str
    bio: str
    verified: bool = True
    moderator: bool = False


# The officer's address is on northshire.gov.uk, the email domain the demo content gives
# Northshire County Council, so confirming it makes them that council's verified officer.
DEMO_PEOPLE = (
    DemoPerson(
        username="citizen",
        email="citizen@commons.localhost",
        display_name="Sam Resident",
        bio="I live in Northshire and use the shared revenues and benefits service.",
    ),
    DemoPerson(
        username="unverified",
        email="unverified@commons.localhost",
        display_name="Alex Newcomer",
        bio="I have signed up but not confirmed my email address yet.",
        verified=False,
    ),
    DemoPerson(
        username="officer",
        email="officer@northshire.gov.uk",
        display_name="Priya Officer",
        bio="Programme manager for shared services at Northshire County Council.",
    ),
    DemoPerson(
        username="moderator",
        email="moderator@commons.localhost",
        display_name="Morgan Moderator",
        bio="I look after the demo communities.",
        moderator=True,
    ),
)


def demo_person_ensure(person: DemoPerson, *, password: str) -> tuple[User, bool]:
    """Make sure one demo person exists with their address. Returns (user, created).

    Running it again changes nothing: an existing account keeps its password and profile.
    """
    user, created = User.objects.get_or_create(
        username=person.username,
        defaults={"email": person.email, "display_name": person.display_name, "bio": person.bio},
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user,
        email=person.email,
        defaults={"verified": person.verified, "primary": True},
    )
    officer_verification_refresh(user)
    if person.moderator:
        # Moderates every community that exists now; run again after loading demo communities.
        # Through the join table: modelcluster holds `community.moderators.add()` in memory
        # until the community itself is saved.
        moderating = Community.moderators.through
        for community in Community.objects.exclude(moderators=user):
            moderating.objects.get_or_create(community=community, user=user)
    return user, created


def demo_people_ensure(password: str) -> dict[str, User]:
    """Make sure every demo person exists: citizen, unverified, officer and moderator.

    Returns them by username. Idempotent: safe to run on every `make run`.
    """
    people = {}
    with transaction.atomic():
        for person in DEMO_PEOPLE:
            user, created = demo_person_ensure(person, password=password)
            if created:
                logger.info("Created the demo account %s", person.email)
            people[person.username] = user
    return people
