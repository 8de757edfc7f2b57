"""A contributor edits and resends a case study after an editor asks for changes."""

import pytest
from django.contrib.auth.models import Group
from django.db import connections
from playwright.sync_api import expect

from knowledge.models import CaseStudyPage
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import make_verified_user

TITLE = "Two councils share a waste service"
COMMENT = "Please say what the IT check found."


@pytest.fixture
def people(library):
    # Made before the browser opens: Playwright's event loop hides the database from the test.
    contributor = make_verified_user(username="ana", email="ana@example.org")
    editor = make_verified_user(username="mo", email="mo@example.org")
    editor.groups.add(Group.objects.get(name="Moderators"))
    return contributor, editor


def test_a_contributor_edits_and_resends_after_changes_requested(people, page, live_server):
    _, editor = people
    sign_in(page, live_server, "ana@example.org", "/contribute/case-study/")
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("Summary", exact=True).fill("Eastshire and Westshire merged their rounds.")
    page.get_by_label("Live", exact=True).check()
    page.get_by_label("What went wrong", exact=True).fill("The depot lease ran late.")
    page.get_by_label("How far did the IT assets check get? (optional)").select_option(
        label="In progress"
    )
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Case study sent for review")

    # The editor's "Request changes" in the Wagtail admin, through the same workflow API. Under
    # Playwright's event loop the ORM opens a connection of its own: closed at once, so the test
    # database can be dropped at the end of the run.
    contribution = CaseStudyPage.objects.get(title=TITLE)
    contribution.current_workflow_task_state.reject(user=editor, comment=COMMENT)
    connections.close_all()

    sign_in(page, live_server, "ana@example.org", "/contribute/yours/")
    card = page.locator(".govuk-summary-card", has_text=TITLE)
    expect(card).to_contain_text("Changes requested")
    expect(card).to_contain_text(COMMENT)
    assert axe_violations(page) == []
    card.get_by_role("link", name="Change and send again").click()

    expect(page.locator("h1")).to_have_text("Change your case study")
    expect(page.locator(".govuk-inset-text")).to_contain_text(COMMENT)
    expect(page.get_by_label("Title", exact=True)).to_have_value(TITLE)
    it_check = page.get_by_label("How far did the IT assets check get? (optional)")
    expect(it_check).to_have_value("in-progress")
    assert axe_violations(page) == []
    it_check.select_option(label="Problem found")
    page.get_by_label("Notes on the IT assets check (optional)").fill(
        "Two payroll systems, neither replaceable before 2023."
    )
    page.get_by_role("button", name="Send it again").click()

    expect(page.locator(".govuk-panel__title")).to_have_text("Case study sent for review")
    page.get_by_role("link", name="See your contributions and where they stand").click()
    card = page.locator(".govuk-summary-card", has_text=TITLE)
    expect(card).to_contain_text("Waiting for an editor")
    expect(card.get_by_role("link", name="Change and send again")).to_have_count(0)
