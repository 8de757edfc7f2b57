"""A contributor signs in, trips over a mistake, fixes it and sends a case study for review."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import OrganisationFactory, ServiceAreaFactory, make_verified_user

SAVINGS_LABEL = "Savings as a percentage of the previous cost (optional)"
SAVINGS_MESSAGE = "Savings must be between 0% and 100%."


@pytest.fixture
def contributor(library):
    # Made before the browser opens: Playwright's event loop hides the database from the test.
    OrganisationFactory(name="Eastshire District Council")
    ServiceAreaFactory(name="Waste")
    return make_verified_user(username="ana", email="ana@example.org")


def test_a_contributor_fixes_a_mistake_and_sends_a_case_study_for_review(
    contributor, page, live_server
):
    sign_in(page, live_server, "ana@example.org", "/contribute/case-study/")

    expect(page.locator("h1")).to_have_text("Share a case study")
    page.get_by_label("Title", exact=True).fill("Two councils share a waste service")
    page.get_by_label("Summary", exact=True).fill("Eastshire and Westshire merged their rounds.")
    page.get_by_label("Eastshire District Council").check()
    page.get_by_label("Live", exact=True).check()
    page.get_by_label("Day").first.fill("1")
    page.get_by_label("Month").first.fill("4")
    page.get_by_label("Year").first.fill("2021")
    page.get_by_label(SAVINGS_LABEL).fill("150")
    page.get_by_label("What went wrong", exact=True).fill("The depot lease ran late.")
    page.get_by_role("button", name="Send for review").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(SAVINGS_MESSAGE)
    expect(page).to_have_title("Error: Share a case study - Commons")
    expect(page.get_by_label("Title", exact=True)).to_have_value(
        "Two councils share a waste service"
    )
    expect(page.get_by_label("Eastshire District Council")).to_be_checked()
    expect(page.get_by_label("Live", exact=True)).to_be_checked()
    expect(page.get_by_label("Year").first).to_have_value("2021")
    expect(page.get_by_label(SAVINGS_LABEL)).to_have_value("150")
    expect(page.get_by_label("What went wrong", exact=True)).to_have_value(
        "The depot lease ran late."
    )
    assert axe_violations(page) == []

    summary.get_by_role("link", name=SAVINGS_MESSAGE).click()
    expect(page.get_by_label(SAVINGS_LABEL)).to_be_focused()
    page.get_by_label(SAVINGS_LABEL).fill("30")
    page.get_by_role("button", name="Send for review").click()

    expect(page.locator(".govuk-panel__title")).to_have_text("Case study sent for review")
    page.get_by_role("link", name="See your contributions and where they stand").click()
    expect(page.locator(".govuk-summary-card")).to_contain_text("Waiting for an editor")
    assert axe_violations(page) == []


def test_the_sign_in_and_start_pages_have_no_serious_accessibility_violations(
    contributor, page, live_server
):
    page.goto(live_server.url + "/contribute/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Sign in to contribute").click()
    page.get_by_role("button", name="Sign in").click()

    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert axe_violations(page) == []


def test_the_contribution_forms_fit_a_phone_and_stay_accessible(
    contributor, phone_page, live_server
):
    sign_in(phone_page, live_server, "ana@example.org", "/contribute/resource/")
    phone_page.get_by_role("button", name="Send for review").click()

    expect(phone_page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a title for the resource"
    )
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone_page) == []
    phone_page.goto(live_server.url + "/contribute/case-study/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone_page) == []
