"""Editors get a report of content past its review-by date or whose owner has gone."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    OrganisationEmailDomainFactory,
    OrganisationFactory,
    UserFactory,
    make_case_study,
    make_resource,
)

REPORT_URL = "/admin/reports/due-for-review/"


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    return user


def test_the_report_lists_overdue_content_and_content_whose_owner_has_left(client, library, editor):
    owner = UserFactory(username="keeper")
    gone = UserFactory(username="gone", is_active=False)
    make_case_study(
        library.case_studies, title="Overdue case study", content_owner=owner, review_by=days_ago(1)
    )
    make_resource(
        library.resources,
        title="Overdue by default",
        content_owner=owner,
        last_reviewed=days_ago(400),
    )
    make_resource(
        library.resources,
        title="Owner closed their account",
        content_owner=gone,
        review_by=days_ago(-30),
    )
    make_case_study(library.case_studies, title="Nobody owns this", review_by=days_ago(-30))
    make_case_study(
        library.case_studies, title="Fresh and owned", content_owner=owner, review_by=days_ago(-30)
    )
    client.force_login(editor)

    html = client.get(REPORT_URL).content.decode()

    assert "Overdue case study" in html
    assert "Overdue by default" in html
    assert "Owner closed their account" in html
    assert "Nobody owns this" in html
    assert "Fresh and owned" not in html
    assert "Past its review-by date" in html
    assert "Owner&#x27;s account is closed" in html or "Owner's account is closed" in html
    assert "No owner" in html


def test_the_report_is_listed_in_the_reports_menu_for_editors(client, library, editor):
    client.force_login(editor)

    assert REPORT_URL in client.get("/admin/").content.decode()


def test_a_plain_user_cannot_open_the_report(client, library):
    client.force_login(UserFactory(username="reader"))

    response = client.get(REPORT_URL)

    # Wagtail sends people without admin access to sign in as someone who has it.
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_report_takes_the_same_number_of_queries_for_more_rows(client, library, editor):
    def queries_for_report() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(REPORT_URL).status_code == 200
        return len(queries)

    client.force_login(editor)
    owner = UserFactory(username="keeper")
    make_case_study(library.case_studies, title="One", content_owner=owner, review_by=days_ago(1))
    make_resource(library.resources, title="Two", content_owner=owner, review_by=days_ago(1))
    queries_for_report()  # warms per-session caches (site, permissions)
    few = queries_for_report()
    for n in range(4):
        make_case_study(
            library.case_studies,
            title=f"More {n}",
            content_owner=UserFactory(username=f"k{n}"),
            review_by=days_ago(1),
        )
        make_resource(library.resources, title=f"Resource {n}", review_by=days_ago(1))

    assert queries_for_report() == few


def test_the_report_downloads_as_a_spreadsheet_with_the_reasons(client, library, editor):
    make_case_study(library.case_studies, title="Overdue case study", review_by=days_ago(1))
    client.force_login(editor)

    response = client.get(f"{REPORT_URL}?export=csv")

    assert response.status_code == 200
    csv = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    assert "Overdue case study" in csv
    assert "Past its review-by date; No owner" in csv


def test_the_report_lists_content_whose_owner_is_no_longer_at_its_organisations(
    client, library, editor
):
    council = OrganisationFactory(name="Northshire County Council")
    OrganisationEmailDomainFactory(organisation=council, domain="northshire.gov.uk")
    still_there = UserFactory(username="stays", email="stays@Northshire.gov.uk")
    moved_on = UserFactory(username="moved", email="moved@eastvale.gov.uk")
    make_case_study(
        library.case_studies,
        title="Owner still at the council",
        organisations=[council],
        content_owner=still_there,
        review_by=days_ago(-30),
    )
    make_case_study(
        library.case_studies,
        title="Owner moved to another council",
        organisations=[council],
        content_owner=moved_on,
        review_by=days_ago(-30),
    )
    make_resource(
        library.resources,
        title="Resource whose owner moved",
        organisation=council,
        content_owner=moved_on,
        review_by=days_ago(-30),
    )
    client.force_login(editor)

    html = client.get(REPORT_URL).content.decode()

    assert "Owner still at the council" not in html
    assert "Owner moved to another council" in html
    assert "Resource whose owner moved" in html
    assert "Owner is no longer at any of its organisations" in html


def test_drafts_are_left_off_the_report_until_they_are_published(client, library, editor):
    make_case_study(library.case_studies, title="A draft nobody owns", live=False)
    make_case_study(library.case_studies, title="A published page nobody owns")
    client.force_login(editor)

    html = client.get(REPORT_URL).content.decode()

    assert "A published page nobody owns" in html
    assert "A draft nobody owns" not in html
