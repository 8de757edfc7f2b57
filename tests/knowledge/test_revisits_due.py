"""Editors see which case studies are due a revisit; their authors are reminded by email once."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import CaseStudyRevisit, ProgrammeStage, RevisitReminder
from knowledge.revisits_due import case_studies_due_a_revisit, revisit_due_on
from tests.factories import UserFactory, make_case_study, publish

TODAY = datetime.date(2026, 12, 4)
REPORT_URL = "/admin/reports/revisits-due/"


def started(library, started_on, *, title="Shared revenues", **fields):
    return make_case_study(
        library.case_studies,
        title=title,
        stage=fields.pop("stage", ProgrammeStage.IMPLEMENTATION),
        started_on=started_on,
        **fields,
    )


def revisit(page, revisited_on):
    page.revisits.add(
        CaseStudyRevisit(revisited_on=revisited_on, actual_annual_savings_pounds=Decimal(1))
    )
    return publish(page)


# The rule


def test_a_case_study_is_due_twelve_months_after_it_started(library):
    page = started(library, datetime.date(2025, 12, 1))

    assert revisit_due_on(page, TODAY) == datetime.date(2026, 12, 1)


def test_a_case_study_is_not_due_before_twelve_months(library):
    page = started(library, datetime.date(2025, 12, 5))

    assert revisit_due_on(page, TODAY) is None


def test_a_revisit_since_the_due_date_clears_it_and_an_older_one_does_not(library):
    cleared = revisit(started(library, datetime.date(2025, 6, 1)), datetime.date(2026, 7, 1))
    stale = revisit(
        started(library, datetime.date(2025, 6, 1), title="Other"), datetime.date(2026, 5, 1)
    )

    assert revisit_due_on(cleared, TODAY) is None
    assert revisit_due_on(stale, TODAY) == datetime.date(2026, 6, 1)


def test_after_twenty_four_months_the_twelve_month_revisit_is_not_enough(library):
    page = revisit(started(library, datetime.date(2024, 6, 1)), datetime.date(2025, 6, 10))

    assert revisit_due_on(page, TODAY) == datetime.date(2026, 6, 1)


def test_a_live_service_counts_from_go_live(library):
    # For a live service, the programme's end date is when it went live (its dates summary).
    page = started(
        library,
        datetime.date(2024, 1, 1),
        stage=ProgrammeStage.LIVE,
        ended_on=datetime.date(2026, 1, 1),
    )

    assert revisit_due_on(page, TODAY) is None
    assert revisit_due_on(page, datetime.date(2027, 1, 1)) == datetime.date(2027, 1, 1)


def test_no_dates_and_drafts_are_never_due(library):
    started(library, None, title="Undated")
    started(library, datetime.date(2020, 1, 1), title="Draft", live=False)

    assert case_studies_due_a_revisit(TODAY) == []


# The report


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editors_see_the_case_studies_due_a_revisit(client, library, editor):
    started(library, datetime.date(2020, 1, 1), title="Long ago shared revenues")
    started(library, datetime.date(2099, 1, 1), title="Not yet started waste")
    client.force_login(editor)

    html = client.get(REPORT_URL).content.decode()

    assert "Case studies due a revisit" in html
    assert "Long ago shared revenues" in html
    assert "Not yet started waste" not in html
    assert REPORT_URL in client.get("/admin/").content.decode()


def test_the_report_costs_the_same_queries_for_one_case_study_or_many(client, library, editor):
    owner = UserFactory(username="author")
    started(library, datetime.date(2020, 1, 1), title="First", owner=owner)
    client.force_login(editor)
    client.get(REPORT_URL)  # warm Wagtail's caches (sites, menu)

    with CaptureQueriesContext(connection) as one:
        client.get(REPORT_URL)
    for number in range(3):
        revisit(
            started(library, datetime.date(2020, 1, 1), title=f"More {number}", owner=owner),
            datetime.date(2021, 1, 1),
        )
    with CaptureQueriesContext(connection) as four:
        html = client.get(REPORT_URL).content.decode()

    assert "More 2" in html
    assert len(four.captured_queries) == len(one.captured_queries)


def test_people_who_are_not_editors_cannot_see_the_report(client, library):
    started(library, datetime.date(2020, 1, 1), title="Long ago shared revenues")
    someone = UserFactory(username="someone")
    someone.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(someone)

    refused = client.get(REPORT_URL)

    assert refused.status_code in (302, 403)
    assert "Long ago shared revenues" not in refused.content.decode()
    assert REPORT_URL not in client.get("/admin/").content.decode()


# The reminders


def test_the_author_is_reminded_once_per_due_date(library, settings):
    settings.PUBLIC_BASE_URL = "https://commons.example"
    author = UserFactory(username="author", email="author@example.org")
    page = started(library, datetime.date(2020, 1, 1), title="Long ago shared revenues")
    page.owner = author
    page.save()

    call_command("send_revisit_reminders", today=TODAY)
    call_command("send_revisit_reminders", today=TODAY)

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["author@example.org"]
    assert "Long ago shared revenues" in email.subject
    assert "https://commons.example/case-studies/long-ago-shared-revenues/" in email.body
    assert RevisitReminder.objects.get(page=page).due_on == datetime.date(2022, 1, 1)


def test_a_new_due_date_brings_a_new_reminder(library):
    author = UserFactory(username="author", email="author@example.org")
    page = started(library, datetime.date(2025, 1, 1), owner=author)

    call_command("send_revisit_reminders", today=datetime.date(2026, 1, 2))
    revisit(page, datetime.date(2026, 1, 10))
    call_command("send_revisit_reminders", today=datetime.date(2026, 6, 1))
    call_command("send_revisit_reminders", today=datetime.date(2027, 1, 2))

    assert len(mail.outbox) == 2
    assert [r.due_on for r in RevisitReminder.objects.order_by("due_on")] == [
        datetime.date(2026, 1, 1),
        datetime.date(2027, 1, 1),
    ]


def test_editors_can_download_the_report(client, library, editor):
    started(library, datetime.date(2020, 1, 10), title="Long ago shared revenues")
    client.force_login(editor)

    response = client.get(REPORT_URL, {"export": "csv"})

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Case study,Revisit due,Last revisited,Author"
    assert lines[1].startswith("Long ago shared revenues,2022-01-10,Never,")


def test_the_named_owner_is_reminded_rather_than_whoever_created_the_page(library):
    creator = UserFactory(username="creator", email="creator@example.org")
    named_owner = UserFactory(username="owner", email="owner@example.org")
    page = started(library, datetime.date(2020, 1, 1), owner=creator)
    page.content_owner = named_owner
    page.save()

    call_command("send_revisit_reminders", today=TODAY)

    assert [email.to for email in mail.outbox] == [["owner@example.org"]]
