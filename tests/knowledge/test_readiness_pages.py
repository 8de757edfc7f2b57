"""The due-diligence profile page: each reader sees the parts they may, and is told in plain
words which parts are kept for members."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import (
    OrganisationFactory,
    ProfileContractFactory,
    ProfilePracticeFactory,
    ProfileSystemFactory,
    ReadinessProfileFactory,
    ServiceAreaFactory,
    make_officer,
    make_verified_user,
)

pytestmark = pytest.mark.django_db

MEMBERS_ONLY_CONTRACTS = (
    "Major contracts are shown only to verified officers of councils in the network and to editors."
)


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def table_rows(response, label: str) -> list[list[str]]:
    region = soup_of(response).find(attrs={"role": "region", "aria-label": label})
    assert region is not None, f"no {label} table"
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in region.select("tbody tr")
    ]


def profile_url(organisation) -> str:
    return reverse("knowledge:readiness_profile", kwargs={"slug": organisation.slug})


@pytest.fixture
def northshire():
    organisation = OrganisationFactory(name="Northshire County Council")
    revenues = ServiceAreaFactory(name="Revenues and benefits")
    profile = ReadinessProfileFactory(
        organisation=organisation,
        contracts_members_only=True,
        capacity_notes="Two analysts free from April.",
    )
    ProfileSystemFactory(
        profile=profile, service_area=revenues, system="OpenRevenues", supplier="Civica"
    )
    ProfileContractFactory(
        profile=profile,
        service_area=revenues,
        description="Revenues and benefits software",
        supplier="Civica",
        ends_on=datetime.date(2028, 3, 31),
        notice_months=12,
    )
    ProfilePracticeFactory(
        profile=profile,
        service_area=revenues,
        topic="Council tax reminders",
        practice="One reminder, then a summons 14 days later.",
    )
    return organisation


def test_the_public_sees_the_public_parts_and_is_told_which_parts_are_for_members(
    client, northshire
):
    response = client.get(profile_url(northshire))

    assert response.status_code == 200
    page = soup_of(response)
    assert page.h1.get_text(strip=True) == "Due-diligence profile: Northshire County Council"
    assert table_rows(response, "Main systems") == [
        ["Revenues and benefits", "OpenRevenues", "Civica"]
    ]
    assert "Two analysts free from April." in response.text
    assert "One reminder, then a summons 14 days later." in response.text
    assert "Revenues and benefits software" not in response.text
    assert page.find(attrs={"aria-label": "Major contracts"}) is None
    notice = page.select_one("#members-only-parts").get_text(" ", strip=True)
    assert MEMBERS_ONLY_CONTRACTS in notice
    assert "Sign in with your work email address to see them." in notice


def test_a_citizen_signed_in_does_not_see_members_only_contracts(client, northshire):
    client.force_login(make_verified_user())

    response = client.get(profile_url(northshire))

    assert "Revenues and benefits software" not in response.text
    assert MEMBERS_ONLY_CONTRACTS in response.text


def test_an_officer_of_another_council_sees_contracts_with_the_day_to_give_notice_by(
    client, northshire
):
    client.force_login(make_officer(OrganisationFactory(name="Lowdale District Council")))

    response = client.get(profile_url(northshire))

    assert table_rows(response, "Major contracts") == [
        [
            "Revenues and benefits software",
            "Revenues and benefits",
            "Civica",
            "31 March 2028",
            "12 months",
            "31 March 2027",
        ]
    ]
    assert soup_of(response).select_one("#members-only-parts") is None


def test_capacity_alone_kept_for_members_is_named_in_the_singular(client):
    profile = ReadinessProfileFactory(
        contracts_members_only=False, capacity_members_only=True, capacity_notes="Secret team"
    )

    response = client.get(profile_url(profile.organisation))

    assert "Secret team" not in response.text
    assert (
        "Capacity is shown only to verified officers of councils in the network and to editors."
        in response.text
    )


def test_the_page_says_when_the_profile_was_last_updated(client, northshire):
    response = client.get(profile_url(northshire))

    today = northshire.readiness_profile.updated_at.date()
    assert f"Last updated {today:%-d %B %Y}" in soup_of(response).get_text(" ", strip=True)


def test_an_organisation_without_a_profile_says_so(client):
    organisation = OrganisationFactory(name="Eastvale District Council")

    response = client.get(profile_url(organisation))

    assert response.status_code == 200
    assert "Eastvale District Council has not written a due-diligence profile yet." in (
        response.text
    )


def test_an_unknown_organisation_has_no_profile_page(client):
    response = client.get(reverse("knowledge:readiness_profile", kwargs={"slug": "nowhere"}))

    assert response.status_code == 404


def test_the_organisation_page_links_to_its_profile(client, northshire):
    response = client.get(northshire.get_absolute_url())

    assert soup_of(response).find("a", href=profile_url(northshire)) is not None


def _add_rows(organisation, count: int) -> None:
    profile = organisation.readiness_profile
    for _ in range(count):
        area = ServiceAreaFactory()
        ProfileSystemFactory(profile=profile, service_area=area)
        ProfileContractFactory(profile=profile, service_area=area)
        ProfilePracticeFactory(profile=profile, service_area=area)


@pytest.mark.parametrize("more_rows", [0, 5])
def test_the_page_takes_the_same_few_queries_however_many_rows(
    client, northshire, more_rows, django_assert_num_queries
):
    _add_rows(northshire, more_rows)
    client.force_login(make_officer(OrganisationFactory(name="Lowdale District Council")))
    client.get(profile_url(northshire))  # what every page reads once and then caches

    # The organisation, the profile and its three kinds of row (5); the rest is every signed-in
    # page's: session, user, permissions, site, branding, notifications, menus (9).
    with django_assert_num_queries(14):
        response = client.get(profile_url(northshire))

    assert len(table_rows(response, "Major contracts")) == 1 + more_rows
