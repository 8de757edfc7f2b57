"""#17 story loops on a phone: a citizen adds their weight to someone else's story and sees the
count go up; an officer of the providing council says what changed because of it, and the
public list of changes made shows it. Axe clean, nothing scrolls sideways."""

import re

import pytest
from playwright.sync_api import Page, expect

from community.models import StoryWeight
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import (
    OrganisationFactory,
    SharedServiceFactory,
    make_officer,
    make_story,
    make_verified_user,
)

TITLE = "Six weeks to change my benefit"
SERVICE = "/services/lakeland-revenues/"


@pytest.fixture
def story(site_home):
    # Made before the browser opens: Playwright's event loop hides the database from the test.
    council = OrganisationFactory(name="Lakeland Borough Council")
    service = SharedServiceFactory(
        name="Lakeland revenues", slug="lakeland-revenues", lead_organisation=council
    )
    story = make_story(service, title=TITLE, author=make_verified_user(display_name="Lena"))
    StoryWeight.objects.create(story=story, user=make_verified_user())
    make_verified_user(email="rosa@example.org")
    make_officer(council, email="jo@lakeland.gov.uk")
    return story


def assert_fits_a_phone_and_passes_axe(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []


def test_a_citizen_adds_weight_and_an_officer_marks_the_change_made(story, phone_page, live_server):
    page = phone_page
    article = page.locator(f"#story-{story.pk}")
    sign_in(page, live_server, "rosa@example.org", SERVICE)
    expect(article).to_contain_text("1 person has experienced this too")
    assert_fits_a_phone_and_passes_axe(page)

    page.get_by_role("button", name=re.compile(r"^I've experienced this too")).click()

    expect(article).to_contain_text("2 people have experienced this too")
    expect(page.locator("main")).to_contain_text("You have experienced this too")
    expect(page.get_by_role("button", name=re.compile(r"^Take it back"))).to_be_visible()
    assert_fits_a_phone_and_passes_axe(page)

    sign_in(page, live_server, "jo@lakeland.gov.uk", SERVICE)
    page.get_by_role("link", name=re.compile(r"^Say what changed because of this story")).click()
    page.get_by_label("What changed").fill("We now answer **every** benefit change in a week.")
    when = page.get_by_role("group", name="When did it change?")
    when.get_by_label("Day").fill("27")
    when.get_by_label("Month").fill("3")
    when.get_by_label("Year").fill("2026")
    assert_fits_a_phone_and_passes_axe(page)
    page.get_by_role("button", name="Publish the change made").click()

    expect(article).to_contain_text("Change made")
    expect(article).to_contain_text("We now answer every benefit change in a week.")
    page.get_by_role("link", name="Changes made because of stories about this service").click()
    expect(page).to_have_url(re.compile(r"/services/lakeland-revenues/changes/$"))
    expect(page.locator("main")).to_contain_text(TITLE)
    expect(page.locator("main")).to_contain_text("by Lakeland Borough Council, 27 March 2026")
    assert_fits_a_phone_and_passes_axe(page)
