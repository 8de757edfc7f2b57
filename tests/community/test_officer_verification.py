"""Officers are verified by a confirmed email address on their organisation's domain."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from community.models import User
from community.services.accounts import officer_verification_refresh, officers_refresh_for_domain
from knowledge.models import OrganisationEmailDomain
from tests.factories import OrganisationEmailDomainFactory, OrganisationFactory, UserFactory


@pytest.fixture
def northshire(db):
    council = OrganisationFactory(name="Northshire County Council")
    OrganisationEmailDomainFactory(organisation=council, domain="northshire.gov.uk")
    return council


@pytest.fixture
def eastvale(db):
    council = OrganisationFactory(name="Eastvale District Council")
    OrganisationEmailDomainFactory(organisation=council, domain="eastvale.gov.uk")
    return council


def person_with(email: str, *, verified: bool = True, primary: bool = True):
    user = UserFactory(email=email)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=primary)
    return user


def test_a_verified_address_on_an_organisation_domain_makes_an_officer(northshire):
    priya = person_with("priya@northshire.gov.uk")

    assert officer_verification_refresh(priya) == northshire

    priya.refresh_from_db()
    assert priya.verified_officer_of == northshire
    assert priya.is_verified_officer


def test_the_domain_matches_whatever_the_case(northshire):
    priya = person_with("Priya@NorthShire.GOV.uk")

    assert officer_verification_refresh(priya) == northshire


def test_an_address_on_another_domain_makes_no_officer(northshire):
    citizen = person_with("sam@gmail.com")

    assert officer_verification_refresh(citizen) is None
    citizen.refresh_from_db()
    assert citizen.verified_officer_of is None


@pytest.mark.parametrize(
    "email",
    ["priya@schools.northshire.gov.uk", "priya@northshire.gov.uk.evil.test", "priya@shire.gov.uk"],
)
def test_only_an_exact_domain_counts_not_subdomains_or_lookalikes(northshire, email):
    assert officer_verification_refresh(person_with(email)) is None


def test_an_unverified_address_does_not_count(northshire):
    priya = person_with("priya@northshire.gov.uk", verified=False)

    assert officer_verification_refresh(priya) is None


def test_verification_is_cleared_when_no_verified_address_matches_any_more(northshire):
    priya = person_with("priya@northshire.gov.uk")
    officer_verification_refresh(priya)

    EmailAddress.objects.filter(user=priya).update(email="priya@example.org")
    officer_verification_refresh(priya)

    priya.refresh_from_db()
    assert priya.verified_officer_of is None


def test_an_officer_keeps_their_organisation_when_another_address_also_matches(
    northshire, eastvale
):
    priya = person_with("priya@northshire.gov.uk", primary=False)
    officer_verification_refresh(priya)
    EmailAddress.objects.create(user=priya, email="priya@eastvale.gov.uk", verified=True)

    assert officer_verification_refresh(priya) == northshire


def test_the_primary_address_decides_between_two_new_matches(northshire, eastvale):
    priya = person_with("priya@eastvale.gov.uk", primary=True)
    EmailAddress.objects.create(user=priya, email="priya@northshire.gov.uk", verified=True)

    assert officer_verification_refresh(priya) == eastvale


def test_confirming_a_work_address_through_the_emailed_link_verifies_the_officer(
    client, northshire, mailoutbox, home_page
):
    client.post(
        "/accounts/signup/",
        {
            "email": "priya@northshire.gov.uk",
            "username": "priya",
            "password1": "a-longer-secret-9",
            "password2": "a-longer-secret-9",
        },
    )
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mailoutbox[0].body)
    priya = User.objects.get(username="priya")
    assert priya.verified_officer_of is None

    client.post(link.group(1))

    priya.refresh_from_db()
    assert priya.verified_officer_of == northshire


def test_removing_the_work_address_clears_the_badge(client, northshire, home_page):
    priya = person_with("priya@example.org")
    EmailAddress.objects.create(user=priya, email="priya@northshire.gov.uk", verified=True)
    officer_verification_refresh(priya)
    client.force_login(priya, backend="django.contrib.auth.backends.ModelBackend")

    response = client.post(
        "/accounts/email/", {"email": "priya@northshire.gov.uk", "action_remove": ""}
    )

    assert response.status_code == 302
    priya.refresh_from_db()
    assert priya.verified_officer_of is None


def test_the_officer_badge_include_names_the_organisation(northshire):
    priya = person_with("priya@northshire.gov.uk")
    officer_verification_refresh(priya)
    citizen = person_with("sam@example.org")

    badge = render_to_string("community/includes/officer_badge.html", {"person": priya})

    assert "govuk-tag" in badge
    assert "Verified officer of Northshire County Council" in badge
    assert "Verified" not in render_to_string(
        "community/includes/officer_badge.html", {"person": citizen}
    )


def test_listing_a_new_domain_makes_people_already_on_it_officers(eastvale):
    person = person_with("kim@eastvale-council.org.uk")
    assert person.verified_officer_of is None

    OrganisationEmailDomainFactory(organisation=eastvale, domain="eastvale-council.org.uk")

    person.refresh_from_db()
    assert person.verified_officer_of == eastvale


def test_removing_a_domain_from_an_organisation_takes_the_badge_away(northshire):
    person = person_with("sam@northshire.gov.uk")
    officer_verification_refresh(person)
    assert person.verified_officer_of == northshire

    northshire.email_domains.get(domain="northshire.gov.uk").delete()

    person.refresh_from_db()
    assert person.verified_officer_of is None


def test_a_domain_moved_to_another_organisation_moves_its_officers(northshire, eastvale):
    person = person_with("sam@northshire.gov.uk")
    officer_verification_refresh(person)
    listing = northshire.email_domains.get(domain="northshire.gov.uk")

    listing.organisation = eastvale
    listing.save()

    person.refresh_from_db()
    assert person.verified_officer_of == eastvale


def test_listing_a_domain_rechecks_its_people_in_the_same_queries_however_many(db):
    def queries_to_refresh(domain: str, people: int) -> tuple[int, set]:
        council = OrganisationFactory()
        staff = [person_with(f"officer{n}@{domain}") for n in range(people)]
        OrganisationEmailDomain.objects.bulk_create(  # bulk: no signal, so nothing refreshed yet
            [OrganisationEmailDomain(organisation=council, domain=domain)]
        )
        with CaptureQueriesContext(connection) as queries:
            assert officers_refresh_for_domain(domain=domain) == people
        officers = set(
            User.objects.filter(verified_officer_of=council).values_list("pk", flat=True)
        )
        assert officers == {person.pk for person in staff}
        return len(queries)

    assert queries_to_refresh("many.gov.uk", 6) == queries_to_refresh("few.gov.uk", 2)
