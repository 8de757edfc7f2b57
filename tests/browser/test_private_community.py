"""A private community on a phone: its moderator invites someone, the invited person follows the
emailed link, accepts and reads a private thread; an outsider gets the page-not-found page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from community.models import Community
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import (
    CommunityFactory,
    make_member,
    make_moderator,
    make_thread,
    make_verified_user,
)

TITLE = "Sharing review findings before publication"
WIDTH = "document.documentElement.scrollWidth"


@pytest.fixture
def circle(site_home):
    # Made before the browser opens: Playwright's event loop hides the database from the test.
    community = CommunityFactory(
        name="Safeguarding leads",
        slug="safeguarding-leads",
        visibility=Community.Visibility.PRIVATE,
    )
    make_moderator(community, make_verified_user(email="mo@example.org", display_name="Mo"))
    author = make_member(community, make_verified_user(display_name="Jo"))
    make_thread(community, author=author, title=TITLE, body_markdown="Numbered copies only.")
    make_verified_user(email="sam@example.org", display_name="Sam")
    make_verified_user(email="outsider@example.org")
    return community


def test_a_moderator_invites_someone_who_follows_the_link_and_reads_the_private_thread(
    circle, phone_page, live_server
):
    page = phone_page
    members = "/communities/safeguarding-leads/members/"
    sign_in(page, live_server, "mo@example.org", members)
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "We have emailed an invitation to sam@example.org"
    )
    expect(page.get_by_role("region", name="Invitations waiting")).to_contain_text(
        "sam@example.org"
    )
    assert axe_violations(page) == []
    assert page.evaluate(WIDTH) <= 360

    [email] = [message for message in mail.outbox if message.to == ["sam@example.org"]]
    link = re.search(r"https?://\S+/invitations/\S+/", email.body).group(0)
    path = "/" + link.split("/", 3)[3]
    sign_in(page, live_server, "sam@example.org", path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Join Safeguarding leads")
    assert axe_violations(page) == []
    assert page.evaluate(WIDTH) <= 360
    page.get_by_role("button", name="Accept the invitation").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "You are now a member of Safeguarding leads"
    )
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("main")).to_contain_text("Numbered copies only.")
    assert axe_violations(page) == []
    assert page.evaluate(WIDTH) <= 360

    sign_in(page, live_server, "outsider@example.org", "/")
    answer = page.goto(f"{live_server.url}/communities/safeguarding-leads/")
    assert answer.status == 404
    expect(page.locator("main")).not_to_contain_text("Safeguarding leads")
    page.goto(f"{live_server.url}/communities/")
    expect(page.locator("main")).not_to_contain_text("Safeguarding leads")
    assert axe_violations(page) == []
