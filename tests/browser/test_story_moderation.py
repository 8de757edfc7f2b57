"""A story reaches a community moderator and its author hears the outcome: the community covers
the service's area, so its moderator finds the story in the queue from the navigation."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import (
    CommunityFactory,
    SharedServiceFactory,
    cover_service_area,
    make_moderator,
    make_verified_user,
)

TITLE = "Bins missed for a month"


@pytest.fixture
def bins(site_home):
    # Made before the browser opens: Playwright's event loop hides the database from the test.
    service = SharedServiceFactory(name="Waste and recycling", slug="waste-and-recycling")
    community = CommunityFactory(name="Waste officers")
    cover_service_area(community, service.service_area)
    make_moderator(community, make_verified_user(email="mo@example.org", display_name="Mo"))
    make_verified_user(email="rosa@example.org")
    return service


def test_a_story_reaches_a_community_moderator_and_its_author_hears_the_outcome(
    bins, page, live_server
):
    sign_in(page, live_server, "rosa@example.org", "/services/waste-and-recycling/stories/new/")
    expect(page.get_by_test_id("story-readers")).to_contain_text(
        "A moderator of Waste officers will read your story"
    )
    overall = page.get_by_role("group", name="Overall, how good was the service?")
    overall.get_by_label("1 (very poor)").check()
    page.get_by_label("Sum up your story in a few words").fill(TITLE)
    page.get_by_label("Your story", exact=True).fill("Three missed collections in a row.")
    page.get_by_role("button", name="Send to a moderator").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Story sent to a moderator")

    sign_in(page, live_server, "mo@example.org", "/")
    expect(page.get_by_test_id("moderation-count")).to_contain_text("1")
    page.get_by_role("link", name="Moderation").click()
    expect(page.locator("main")).to_contain_text(TITLE)
    page.get_by_role("button", name=re.compile(rf"^Approve\W+{TITLE}$")).click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Story published")
    assert axe_violations(page) == []
    expect(page.get_by_test_id("moderation-count")).to_have_count(0)

    sign_in(page, live_server, "rosa@example.org", "/")
    expect(page.get_by_test_id("notification-count")).to_contain_text("1")
    page.get_by_role("link", name="Notifications").click()
    told = f"Your story “{TITLE}” about Waste and recycling is published."
    page.get_by_role("link", name=told).click()
    expect(page).to_have_url(re.compile(r"/services/waste-and-recycling/#story-\d+$"))
    expect(page.locator("main")).to_contain_text(TITLE)
