"""A citizen asks in a thread and hears about the officer's answer: starting a thread watches it,
so the reply reaches its author without their pressing Watch."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.factories import (
    CommunityFactory,
    OrganisationFactory,
    make_member,
    make_officer,
    make_verified_user,
)

QUESTION = "When are food waste caddies collected?"
ANSWER = "Every Tuesday, from the kerb, from 7am."


@pytest.fixture
def waste(db):
    # Made before the browser opens: Playwright's event loop hides the database from the test.
    community = CommunityFactory(name="Waste and recycling")
    # Both have posted before, so their posts appear without waiting for a moderator.
    make_member(community, make_verified_user(email="ana@example.org", trusted_poster=True))
    leeds = OrganisationFactory(name="Leeds City Council")
    officer = make_officer(
        leeds, email="priya@leeds.gov.uk", display_name="Priya Shah", trusted_poster=True
    )
    make_member(community, officer)
    return community


def test_a_citizen_asks_in_a_thread_and_is_notified_of_the_officers_answer(
    waste, page, live_server
):
    sign_in(page, live_server, "ana@example.org", f"/communities/{waste.slug}/")
    page.get_by_role("button", name="Start a new thread").click()
    page.get_by_label("Title").fill(QUESTION)
    page.get_by_label("Message").fill("We have just moved here.")
    page.get_by_role("button", name="Start the thread").click()
    expect(page.locator("h1")).to_have_text(QUESTION)
    thread_url = page.url

    sign_in(page, live_server, "priya@leeds.gov.uk", thread_url)
    page.get_by_label("Your reply").fill(ANSWER)
    page.get_by_role("button", name="Post your reply").click()
    expect(page.get_by_text(ANSWER)).to_be_visible()

    sign_in(page, live_server, "ana@example.org", "/")
    expect(page.get_by_test_id("notification-count")).to_contain_text("1")
    page.get_by_role("link", name="Notifications").click()
    page.get_by_role("link", name=f"Priya Shah replied to “{QUESTION}”").click()
    expect(page.get_by_text(ANSWER)).to_be_visible()
