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


def _domains_in_order(addresses: list[EmailAddress]) -> list[str]:
    ordered = sorted(addresses, key=lambda address: not address.primary)
    return [domain for domain in (email_domain(a.email) for a in ordered) if domain]


def _organisations_by_domain(domains: set[str]) -> dict[str, Organisation]:
    if not domains:
        return {}
    matching = Q()
    for domain in domains:
        matching |= Q(domain__iexact=domain)
    return {
        row.domain.lower(): row.organisation
        for row in OrganisationEmailDomain.objects.filter(matching).select_related("organisation")
    }


def organisation_for_addresses(addresses: list[EmailAddress]) -> Organisation | None:
    """The organisation whose email domains include one of these verified addresses' domains.

    The match is exact (case-insensitive): `schools.northshire.gov.uk` does not make someone an
    officer of the organisation that owns `northshire.gov.uk`. Subdomains are often run for other
    bodies (schools, arm's-length companies, partnerships), so each must be listed on purpose.
    The primary address wins when several addresses match different organisations.
    """
    domains = _domains_in_order(addresses)
    by_domain = _organisations_by_domain(set(domains))
    return next((by_domain[domain] for domain in domains if domain in by_domain), None)


def _officers_refresh(people: list[User]) -> dict[int, Organisation | None]:
    """`officer_verification_refresh` for many people in a fixed number of queries (plus one
    update per organisation gained or lost), so re-checking a whole domain is no N+1."""
    addresses: dict[int, list[EmailAddress]] = {person.pk: [] for person in people}
    for address in EmailAddress.objects.filter(user_id__in=addresses, verified=True):
        addresses[address.user_id].append(address)
    domains = {person.pk: _domains_in_order(addresses[person.pk]) for person in people}
    by_domain = _organisations_by_domain({d for listed in domains.values() for d in listed})
    chosen: dict[int, Organisation | None] = {}
    changed: dict[int | None, list[int]] = {}
    for person in people:
        matches = [by_domain[domain] for domain in domains[person.pk] if domain in by_domain]
        # Someone with two matching addresses keeps the organisation they already have.
        current = [org for org in matches if org.pk == person.verified_officer_of_id]
        organisation = (current or matches or [None])[0]
        chosen[person.pk] = organisation
        new_id = organisation.pk if organisation else None
        if new_id != person.verified_officer_of_id:
            logger.info(
                "Officer verification for user %s: organisation %s -> %s",
                person.pk,
                person.verified_officer_of_id,
                new_id,
            )
            person.verified_officer_of = organisation
            changed.setdefault(new_id, []).append(person.pk)
    for new_id, user_ids in changed.items():
        User.objects.filter(pk__in=user_ids).update(verified_officer_of_id=new_id)
    return chosen


def officer_verification_refresh(user: User) -> Organisation | None:
    """Make `user.verified_officer_of` agree with their verified email addresses. Returns it.

    A verified address on an organisation's listed email domain makes the person a verified
    officer of that organisation; when no verified address matches any more (removed, changed,
    or the domain delisted), the badge goes. Unverified addresses never count.
    """
    return _officers_refresh([user])[user.pk]


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
    _officers_refresh(people)
    return len(people)
