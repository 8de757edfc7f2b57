"""Your profile, everyone's public profile, and the demo people."""

import pytest
from allauth.account.models import EmailAddress

from community.demo import demo_people_ensure
from community.models import Community, User
from community.services.accounts import officer_verification_refresh
from tests.factories import (
    CommunityFactory,
    OrganisationEmailDomainFactory,
    OrganisationFactory,
    make_verified_user,
)

PROFILE_URL = "/profile/"


@pytest.fixture
def northshire(db):
    council = OrganisationFactory(
        name="Northshire County Council", slug="northshire-county-council"
    )
    OrganisationEmailDomainFactory(organisation=council, domain="northshire.gov.uk")
    return council


@pytest.fixture
def pat(db):
    return make_verified_user(username="pat", email="pat@example.org")


def test_your_profile_needs_you_to_sign_in(client, db):
    response = client.get(PROFILE_URL)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={PROFILE_URL}"


def test_saving_your_profile_keeps_what_you_said(client, pat, northshire, home_page):
    client.force_login(pat)

    response = client.post(
        PROFILE_URL,
        {
            "display_name": "  Pat from Northshire ",
            "bio": "I run the payroll service.",
            "interests": "payroll, Shared services, payroll",
            "organisation": str(northshire.pk),
        },
    )

    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    pat.refresh_from_db()
    assert pat.display_name == "Pat from Northshire"
    assert pat.bio == "I run the payroll service."
    assert sorted(pat.interests.names()) == ["Shared services", "payroll"]
    assert pat.organisation == northshire
    assert pat.verified_officer_of is None, "saying where you work does not verify you"
    page = client.get(PROFILE_URL).content.decode()
    assert "Your profile has been saved." in page
    assert 'value="Pat from Northshire"' in page
    assert "payroll" in page


def test_profile_problems_are_summarised_and_answers_kept(client, pat, northshire, home_page):
    client.force_login(pat)
    too_many = ", ".join(f"subject {n}" for n in range(11))

    response = client.post(
        PROFILE_URL,
        {
            "display_name": "Pat",
            "bio": "Still here.",
            "interests": too_many,
            "organisation": "999999",
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Your profile" in body
    assert '<li><a href="#id_interests">Enter no more than 10 interests.</a></li>' in body
    assert '<li><a href="#id_organisation">Choose an organisation from the list.</a></li>' in body
    assert 'value="Pat"' in body
    assert "Still here." in body
    assert f'value="{too_many}"' in body
    pat.refresh_from_db()
    assert pat.display_name == ""


def test_an_overlong_interest_is_refused(client, pat, home_page):
    client.force_login(pat)

    response = client.post(PROFILE_URL, {"interests": "x" * 51, "organisation": ""})

    assert "Each interest must be 50 characters or fewer." in response.content.decode()


def test_the_public_profile_shows_the_officer_badge_and_never_the_email(
    client, northshire, home_page
):
    officer = make_verified_user(
        username="priya",
        email="priya@northshire.gov.uk",
        display_name="Priya Shah",
        bio="Programme manager.",
    )
    officer.interests.set(["payroll"])
    officer_verification_refresh(officer)

    response = client.get(f"/people/{officer.username}/")

    body = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-xl">Priya Shah</h1>' in body
    assert "Verified officer of Northshire County Council" in body
    assert "Programme manager." in body
    assert "payroll" in body
    assert "priya@northshire.gov.uk" not in body
    assert "@northshire.gov.uk" not in body


def test_a_public_profile_without_verification_has_no_badge(client, pat, northshire, home_page):
    User.objects.filter(pk=pat.pk).update(organisation=northshire)

    body = client.get("/people/pat/").content.decode()

    assert "Verified officer" not in body
    assert "Northshire County Council" in body
    assert "(not verified)" in body
    assert "pat@example.org" not in body


def test_unknown_and_closed_accounts_have_no_public_profile(client, pat, home_page):
    User.objects.filter(pk=pat.pk).update(is_active=False)

    assert client.get("/people/pat/").status_code == 404
    assert client.get("/people/nobody-here/").status_code == 404


def test_demo_people_are_made_once_with_their_roles(db, northshire):
    community = CommunityFactory(name="Revenues officers")

    people = demo_people_ensure("demo-pass-123")
    again = demo_people_ensure("another-pass-456")

    assert set(people) == {"citizen", "unverified", "officer", "moderator"}
    assert {u.pk for u in people.values()} == {u.pk for u in again.values()}
    assert User.objects.filter(username__in=people).count() == 4
    verified = dict(EmailAddress.objects.values_list("email", "verified"))
    assert verified == {
        "citizen@commons.localhost": True,
        "unverified@commons.localhost": False,
        "officer@northshire.gov.uk": True,
        "moderator@commons.localhost": True,
    }
    officer = User.objects.get(username="officer")
    assert officer.verified_officer_of == northshire
    assert officer.check_password("demo-pass-123")
    assert list(Community.objects.get(pk=community.pk).moderators.all()) == [people["moderator"]]
