"""Officers change their organisation's due-diligence profile: the profile's own answers and its
rows of systems, contracts and practices, saved together or not at all."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from knowledge.models import ProfileContract, ProfileSystem, ReadinessProfile
from tests.factories import (
    OrganisationFactory,
    ProfileContractFactory,
    ProfilePracticeFactory,
    ProfileSystemFactory,
    ReadinessProfileFactory,
    ServiceAreaFactory,
    UserFactory,
    make_officer,
    make_verified_user,
)

pytestmark = pytest.mark.django_db

ROW_KINDS = ("systems", "contracts", "practices")


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def edit_url(organisation) -> str:
    return reverse("knowledge:readiness_profile_edit", kwargs={"slug": organisation.slug})


def profile_url(organisation) -> str:
    return reverse("knowledge:readiness_profile", kwargs={"slug": organisation.slug})


def form_data(*, saved: dict | None = None, rows: dict | None = None, **profile) -> dict:
    """What the form posts: each kind of row numbered from 0, `saved` counting the rows that
    were already saved (they come first and carry their id)."""
    saved, rows = saved or {}, rows or {}
    data = {"capacity_notes": "", "competencies": "", **profile}
    for kind in ROW_KINDS:
        kind_rows = rows.get(kind, [])
        data[f"{kind}-TOTAL_FORMS"] = str(len(kind_rows))
        data[f"{kind}-INITIAL_FORMS"] = str(saved.get(kind, 0))
        data[f"{kind}-MIN_NUM_FORMS"] = "0"
        data[f"{kind}-MAX_NUM_FORMS"] = "50"
        for number, row in enumerate(kind_rows):
            data.update({f"{kind}-{number}-{name}": value for name, value in row.items()})
    return data


def contract_row(area, *, description="Revenues and benefits software", ends=(31, 3, 2028)):
    day, month, year = ends
    return {
        "service_area": str(area.pk),
        "description": description,
        "supplier": "Civica",
        "ends_on_day": str(day),
        "ends_on_month": str(month),
        "ends_on_year": str(year),
        "notice_months": "12",
    }


@pytest.fixture
def northshire():
    return OrganisationFactory(name="Northshire County Council")


@pytest.fixture
def revenues():
    return ServiceAreaFactory(name="Revenues and benefits")


@pytest.fixture
def officer(northshire):
    return make_officer(northshire)


def test_an_officer_starts_a_profile_with_a_system_and_a_members_only_contract(
    client, northshire, revenues, officer
):
    client.force_login(officer)
    data = form_data(
        contracts_members_only="on",
        capacity_notes="Two analysts free from April.",
        rows={
            "systems": [
                {"service_area": str(revenues.pk), "system": "OpenRevenues", "supplier": "Civica"}
            ],
            "contracts": [contract_row(revenues)],
        },
    )

    response = client.post(edit_url(northshire), data, follow=True)

    assert response.redirect_chain == [(profile_url(northshire), 302)]
    assert "Your due-diligence profile has been saved." in response.text
    profile = ReadinessProfile.objects.get(organisation=northshire)
    assert profile.updated_by == officer
    assert profile.contracts_members_only
    assert profile.capacity_notes == "Two analysts free from April."
    assert [(s.system, s.supplier) for s in profile.systems.all()] == [("OpenRevenues", "Civica")]
    contract = profile.contracts.get()
    assert (contract.ends_on, contract.notice_months) == (datetime.date(2028, 3, 31), 12)
    history = ModelLogEntry.objects.filter(object_id=str(profile.pk))
    assert [(entry.action, entry.user) for entry in history] == [("wagtail.create", officer)]


def test_a_wrong_row_saves_nothing_and_shows_every_answer_again(
    client, northshire, revenues, officer
):
    client.force_login(officer)
    no_end = {**contract_row(revenues), "ends_on_day": "", "ends_on_month": ""}
    no_end.pop("ends_on_year")
    data = form_data(
        capacity_notes="Two analysts free from April.",
        rows={
            "systems": [{"service_area": str(revenues.pk), "system": "OpenRevenues"}],
            "contracts": [no_end],
        },
    )

    response = client.post(edit_url(northshire), data)

    assert response.status_code == 200
    page = soup_of(response)
    summary = [a.get_text(strip=True) for a in page.select(".govuk-error-summary a")]
    assert summary == ["Contract 1: Enter the date the contract ends"]
    assert page.select_one(".govuk-error-summary a")["href"] == "#id_contracts-0-ends_on_0"
    assert page.title.get_text().startswith("Error: ")
    assert page.find("input", {"name": "systems-0-system"})["value"] == "OpenRevenues"
    assert page.find("input", {"name": "contracts-0-description"})["value"] == (
        "Revenues and benefits software"
    )
    assert "Two analysts free from April." in page.find("textarea", {"name": "capacity_notes"}).text
    assert not ReadinessProfile.objects.exists()
    assert not ProfileSystem.objects.exists()


def test_adding_a_row_without_javascript_keeps_what_was_typed_and_saves_nothing(
    client, northshire, revenues, officer
):
    client.force_login(officer)
    data = form_data(
        rows={"systems": [{"service_area": str(revenues.pk), "system": "OpenRevenues"}]},
        add_row="systems",
    )

    response = client.post(edit_url(northshire), data)

    assert response.status_code == 200
    page = soup_of(response)
    assert page.find("input", {"name": "systems-0-system"})["value"] == "OpenRevenues"
    assert page.find("input", {"name": "systems-1-system"}) is not None
    assert page.find("input", {"name": "systems-TOTAL_FORMS"})["value"] == "2"
    assert not page.select(".govuk-error-summary")
    assert not ReadinessProfile.objects.exists()


def test_an_officer_changes_and_removes_saved_rows(client, northshire, revenues, officer):
    profile = ReadinessProfileFactory(organisation=northshire)
    kept = ProfileSystemFactory(profile=profile, service_area=revenues, system="OpenRevenues")
    gone = ProfileSystemFactory(profile=profile, service_area=revenues, system="Old system")
    client.force_login(officer)
    data = form_data(
        saved={"systems": 2},
        rows={
            "systems": [
                {"id": str(kept.pk), "service_area": str(revenues.pk), "system": "OpenRevenues 2"},
                {
                    "id": str(gone.pk),
                    "service_area": str(revenues.pk),
                    "system": "Old system",
                    "DELETE": "on",
                },
                {"service_area": str(revenues.pk), "system": "Document store"},
            ]
        },
    )

    response = client.post(edit_url(northshire), data)

    assert response.status_code == 302
    assert [s.system for s in profile.systems.order_by("sort_order")] == [
        "OpenRevenues 2",
        "Document store",
    ]


def test_a_blank_row_left_blank_is_not_saved(client, northshire, revenues, officer):
    client.force_login(officer)
    blank_contract = {"service_area": "", "description": "", "notice_months": "0"}

    response = client.post(edit_url(northshire), form_data(rows={"contracts": [blank_contract]}))

    assert response.status_code == 302
    assert not ProfileContract.objects.exists()


def test_an_editor_changes_any_organisations_profile(client, northshire, revenues):
    editor = UserFactory(username="eddie")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.post(edit_url(northshire), form_data(competencies="Fraud investigation"))

    assert response.status_code == 302
    assert ReadinessProfile.objects.get(organisation=northshire).updated_by == editor


def test_people_not_signed_in_are_sent_to_sign_in(client, northshire):
    for response in (client.get(edit_url(northshire)), client.post(edit_url(northshire), {})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert not ReadinessProfile.objects.exists()


@pytest.mark.parametrize("who", ["citizen", "officer elsewhere"])
def test_others_signed_in_are_refused_in_plain_words_and_change_nothing(client, northshire, who):
    person = (
        make_verified_user()
        if who == "citizen"
        else make_officer(OrganisationFactory(name="Lowdale District Council"))
    )
    client.force_login(person)

    shown = client.get(edit_url(northshire))
    sent = client.post(edit_url(northshire), form_data(competencies="Hacked"))

    assert shown.status_code == sent.status_code == 403
    assert (
        "Only verified officers of Northshire County Council and editors can change its "
        "due-diligence profile." in shown.text
    )
    assert not ReadinessProfile.objects.exists()


def test_officers_reach_the_form_from_their_organisation_and_profile_pages(
    client, northshire, officer
):
    client.force_login(officer)

    organisation_page = soup_of(client.get(northshire.get_absolute_url()))
    profile_page = soup_of(client.get(profile_url(northshire)))

    assert organisation_page.find("a", href=edit_url(northshire)) is not None
    start = profile_page.find("a", href=edit_url(northshire))
    assert start.get_text(strip=True) == "Start your profile"


def test_a_citizen_is_not_offered_the_form(client, northshire):
    client.force_login(make_verified_user())

    assert edit_url(northshire) not in client.get(profile_url(northshire)).text
    assert edit_url(northshire) not in client.get(northshire.get_absolute_url()).text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "The form was not complete: open it again and re-enter your changes"),
        (
            {"add_row": "systems", "systems-TOTAL_FORMS": "many"},
            "The form was not complete: open it again and re-enter your changes",
        ),
        ({**form_data(), "systems-TOTAL_FORMS": "100000"}, "You can list up to 50 of these"),
    ],
    ids=["nothing", "a count that is not a number", "too many rows"],
)
def test_a_form_tampered_with_is_answered_in_plain_words_and_saves_nothing(
    client, northshire, officer, data, message
):
    client.force_login(officer)

    response = client.post(edit_url(northshire), data)

    assert response.status_code == 200
    summary = [a.get_text(strip=True) for a in soup_of(response).select(".govuk-error-summary a")]
    assert message in summary
    assert not ReadinessProfile.objects.exists()


def test_the_form_asks_the_database_the_same_number_of_times_however_many_rows(
    client, northshire, officer
):
    def queries_for_the_form() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(edit_url(northshire)).status_code == 200
        return len(queries)

    client.force_login(officer)
    profile = ReadinessProfileFactory(organisation=northshire)
    ProfileSystemFactory(profile=profile)
    client.get(edit_url(northshire))  # what every page reads once and then caches
    one = queries_for_the_form()
    for _ in range(4):
        ProfileSystemFactory(profile=profile)
        ProfileContractFactory(profile=profile)
        ProfilePracticeFactory(profile=profile)

    assert queries_for_the_form() == one
