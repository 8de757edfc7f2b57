"""Changes to people's accounts, as named functions the views, signals and commands share."""

import logging

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q

from community.models import User
from knowledge.models import Organisation, OrganisationEmailDomain

logger = logging.getLogger(__name__)

# Wagtail creates these groups: "Editors" edit pages, "Moderators" also publish and approve.
EDITOR_GROUPS = ("Editors", "Moderators")


def demo_editor_ensure(*, username: str, email: str, password: str) -> tuple[User, bool]:
    """Make sure the demo editor exists and can use the Wagtail admin. Returns (user, created).

    Running it again changes nothing: an existing account keeps its password.
    """
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"email": email, "display_name": "Demo Editor", "is_staff": True},
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    user.groups.add(*Group.objects.filter(name__in=EDITOR_GROUPS))
    return user, created


def profile_update(
    *,
    user: User,
    display_name: str,
    bio: str,
    interests: list[str],
    organisation: Organisation | None,
) -> User:
    """Save what a person says about themselves on their profile.

    `organisation` is only who they say they work for; being a *verified* officer is decided by
    `officer_verification_refresh` from their verified email addresses, never from this claim.
    """
    user.display_name = display_name.strip()
    user.bio = bio.strip()
    user.organisation = organisation
    user.full_clean(exclude=["password"])
    with transaction.atomic():
        user.save(update_fields=["display_name", "bio", "organisation"])
        user.interests.set(interests, clear=True)
    return user


def email_domain(address: str) -> str:
    """The part of an address after the last @, in lower case ('' when there is none)."""
    _, at, domain = address.strip().rpartition("@")
    return domain.lower() if at else ""


def organisation_for_addresses(addresses: list[EmailAddress]) -> Organisation | None:
    """The organisation whose email domains include one of these verified addresses' domains.

    The match is exact (case-insensitive): `schools.northshire.gov.uk` does not make someone an
    officer of the organisation that owns `northshire.gov.uk`. Subdomains are often run for other
    bodies (schools, arm's-length companies, partnerships), so each must be listed on purpose.
    The primary address wins when several addresses match different organisations.
    """
    ordered = sorted(addresses, key=lambda address: not address.primary)
    domains = [domain for domain in (email_domain(a.email) for a in ordered) if domain]
    if not domains:
        return None
    matching = Q()
    for domain in domains:
        matching |= Q(domain__iexact=domain)
    by_domain = {
        row.domain.lower(): row.organisation
        for row in OrganisationEmailDomain.objects.filter(matching).select_related("organisation")
    }
    for domain in domains:
        if domain in by_domain:
            return by_domain[domain]
    return None


def officer_verification_refresh(user: User) -> Organisation | None:
    """Make `user.verified_officer_of` agree with their verified email addresses. Returns it.

    A verified address on an organisation's listed email domain makes the person a verified
    officer of that organisation; when no verified address matches any more (removed, changed,
    or the domain delisted), the badge goes. Unverified addresses never count.
    """
    verified = list(EmailAddress.objects.filter(user=user, verified=True))
    organisation = organisation_for_addresses(verified)
    # Someone with two matching addresses keeps the organisation they already have.
    if user.verified_officer_of_id and organisation is not None:
        current_domains = {
            domain.lower()
            for domain in OrganisationEmailDomain.objects.filter(
                organisation_id=user.verified_officer_of_id
            ).values_list("domain", flat=True)
        }
        if any(email_domain(address.email) in current_domains for address in verified):
            organisation = user.verified_officer_of
    new_id = organisation.pk if organisation else None
    if new_id != user.verified_officer_of_id:
        logger.info(
            "Officer verification for user %s: organisation %s -> %s",
            user.pk,
            user.verified_officer_of_id,
            new_id,
        )
        user.verified_officer_of = organisation
        User.objects.filter(pk=user.pk).update(verified_officer_of=organisation)
    return organisation


def officers_refresh_for_domain(*, domain: str, organisation_id: int | None = None) -> int:
    """Re-check everyone an email domain's listing could affect; returns how many were checked.

    Called when an organisation lists, changes or removes a domain: people with a verified
    address on it may become officers, and the organisation's current officers may stop being.
    """
    on_domain = EmailAddress.objects.filter(
        verified=True, email__iendswith=f"@{domain.strip().lower()}"
    ).values_list("user_id", flat=True)
    affected = Q(pk__in=on_domain)
    if organisation_id is not None:
        affected |= Q(verified_officer_of_id=organisation_id)
    people = list(User.objects.filter(affected))
    for person in people:
        officer_verification_refresh(person)
    return len(people)
