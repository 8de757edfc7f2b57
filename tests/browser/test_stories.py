"""A resident tells the story of a service, trips over a missing rating and fixes it."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.factories import SharedServiceFactory, make_verified_user

OVERALL_MESSAGE = "Choose an overall rating from 1 to 5"


@pytest.fixture
def resident_session(site_home) -> dict[str, str]:
    # Made before the browser opens: Playwright's event loop hides the database from the test.
    SharedServiceFactory(name="Waste and recycling", slug="waste-and-recycling")
    client = Client()
    client.force_login(make_verified_user(username="rosa"))
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies["sessionid"].value}


def test_the_story_form_with_errors_keeps_answers_and_has_no_serious_violations(
    resident_session, page, live_server
):
    page.context.add_cookies([{**resident_session, "url": live_server.url}])
    page.goto(f"{live_server.url}/services/waste-and-recycling/stories/new/")

    expect(page.locator("h1")).to_have_text("Tell your story")
    speed = page.get_by_role("group", name="How quickly was it done? (optional)")
    speed.get_by_label("2 (poor)").check()
    page.get_by_label("Sum up your story in a few words").fill("Bins missed for a month")
    page.get_by_label("Your story", exact=True).fill("Three missed collections in a row.")
    page.get_by_label("Show my name with my story").uncheck()
    page.get_by_role("button", name="Send to a moderator").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(OVERALL_MESSAGE)
    expect(page).to_have_title("Error: Tell your story of Waste and recycling - Commons")
    expect(page.get_by_label("Sum up your story in a few words")).to_have_value(
        "Bins missed for a month"
    )
    expect(page.get_by_label("Your story", exact=True)).to_have_value(
        "Three missed collections in a row."
    )
    expect(speed.get_by_label("2 (poor)")).to_be_checked()
    expect(page.get_by_label("Show my name with my story")).not_to_be_checked()
    assert axe_violations(page) == []

    summary.get_by_role("link", name=OVERALL_MESSAGE).click()
    overall = page.get_by_role("group", name="Overall, how good was the service?")
    expect(overall.get_by_label("5 (very good)")).to_be_focused()
    overall.get_by_label("1 (very poor)").check()
    page.get_by_role("button", name="Send to a moderator").click()

    expect(page.locator(".govuk-panel__title")).to_have_text("Story sent to a moderator")
    expect(page.locator("main")).to_contain_text("after a moderator checks it")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Go back to Waste and recycling").click()
    expect(page.locator(".commons-stories")).to_contain_text("Waiting for a moderator")
    assert axe_violations(page) == []


def test_a_resident_on_a_phone_finds_a_service_from_the_menu_and_starts_a_story(
    resident_session, phone_page, live_server
):
    phone_page.context.add_cookies([{**resident_session, "url": live_server.url}])
    phone_page.goto(f"{live_server.url}/")

    phone_page.get_by_role("button", name="Menu").click()
    phone_page.get_by_role("link", name="Tell us about a service", exact=True).click()
    expect(phone_page.locator("h1")).to_have_text("Tell us about a service you use")
    phone_page.get_by_label("Search by service or council").fill("recycling")
    phone_page.get_by_role("button", name="Search services").click()

    expect(phone_page.locator("main h2").first).to_have_text("1 service matching “recycling”")
    expect(phone_page.get_by_label("Search by service or council")).to_have_value("recycling")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone_page) == []
    phone_page.get_by_role("link", name="Tell your story of Waste and recycling").click()
    expect(phone_page.locator("h1")).to_have_text("Tell your story")
