"""Moderation that scales, in the browser: three people report a reply, it disappears for
readers, and a moderator finds it in the queue marked as hidden automatically and restores it;
an editor sets a reporter's trust level by hand, with the form's error and the record."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from community.services.moderation import flag_create
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import (
    CommunityFactory,
    make_member,
    make_moderator,
    make_post,
    make_thread,
    make_verified_user,
)

ADVERT = "Cheap printer ink at trade prices"
REPORTERS = ("ana@example.org", "ben@example.org", "cat@example.org")


@pytest.fixture
def thread_url(site_home):
    # Made before the browser opens: Playwright's event loop hides the database from the test.
    community = CommunityFactory(name="Waste officers")
    make_moderator(community, make_verified_user(email="mo@example.org", display_name="Mo"))
    thread = make_thread(community, title="Food waste trials")
    seller = make_verified_user(display_name="Ink Seller", trusted_poster=True)
    make_member(community, seller)
    make_post(thread, author=seller, body_markdown=ADVERT)
    for email in REPORTERS:
        make_verified_user(email=email, display_name=email.split("@")[0].title())
    return thread.get_absolute_url()


def test_three_reports_hide_a_reply_until_a_moderator_restores_it(thread_url, page, live_server):
    for email in REPORTERS:
        sign_in(page, live_server, email, thread_url)
        page.get_by_role("link", name="Report this reply").click()
        page.get_by_label("Spam or advertising").check()
        page.get_by_role("button", name="Send report").click()
        expect(page.locator("main")).to_contain_text("Thank you")

    page.context.clear_cookies()
    page.goto(f"{live_server.url}{thread_url}")
    expect(page.locator("main")).to_contain_text("Food waste trials")
    expect(page.locator("main")).not_to_contain_text(ADVERT)

    sign_in(page, live_server, "mo@example.org", "/")
    page.get_by_role("link", name="Moderation").click()
    card = page.locator(".govuk-summary-card", has_text=ADVERT)
    expect(card).to_contain_text("Hidden automatically after 3 reports")
    expect(card).to_contain_text("Ana: New level")
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []
    card.get_by_role("button", name=re.compile(r"^Restore\W")).click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Reply restored")

    page.get_by_role("link", name="See what was hidden automatically").click()
    expect(page.locator("main")).to_contain_text("Hidden automatically after 3 reports")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []

    page.context.clear_cookies()
    page.goto(f"{live_server.url}{thread_url}")
    expect(page.locator("main")).to_contain_text(ADVERT)


@pytest.fixture
def reported_by_ana(site_home):
    community = CommunityFactory(name="Waste officers")
    thread = make_thread(community, title="Food waste trials")
    ana = make_verified_user(email="ana@example.org", display_name="Ana")
    flag_create(reporter=ana, content=thread, reason="spam")
    editor = make_verified_user(email="eddie@example.org", display_name="Eddie")
    editor.groups.add(Group.objects.get(name="Editors"))


def test_an_editor_sets_a_reporters_trust_level_by_hand(reported_by_ana, page, live_server):
    sign_in(page, live_server, "eddie@example.org", "/moderation/")
    page.get_by_role("link", name="Set level for Ana").click()
    page.get_by_label("Trusted").check()
    page.get_by_role("button", name="Set trust level").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter why you are setting the trust level"
    )
    expect(page.get_by_label("Trusted")).to_be_checked()  # what was chosen is kept
    assert axe_violations(page) == []
    page.get_by_label("Why are you setting it?").fill("Reports fairly, known to us")
    page.get_by_role("button", name="Set trust level").click()

    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Trust level for Ana set to Trusted"
    )
    expect(page.locator("main")).to_contain_text("New to Trusted: Reports fairly, known to us")
    assert axe_violations(page) == []
