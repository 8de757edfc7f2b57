"""Community pages read well in a real browser: no serious accessibility problems, phone-sized."""

import pytest

from community.models import Community
from tests.browser.conftest import axe_violations
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    make_member,
    make_post,
    make_thread,
    make_verified_user,
)


@pytest.fixture
def discussion(db):
    community = CommunityFactory(
        name="Revenues and benefits officers", visibility=Community.Visibility.PUBLIC
    )
    member = make_member(community, make_verified_user(username="member", trusted_poster=True))
    thread = make_thread(
        community,
        author=member,
        title="How did you handle TUPE?",
        body_markdown="We merge two teams in April.\n\n- consultation\n- **pensions**",
    )
    make_post(thread, author=member, body_markdown="Start consultation early.")
    listing = ListingFactory(title="Payroll capacity for two more councils")
    return community, thread, listing, member


def test_community_thread_and_listing_pages_have_no_serious_violations(
    discussion, page, live_server
):
    community, thread, listing, _ = discussion

    for path in [
        "/communities/",
        community.get_absolute_url(),
        thread.get_absolute_url(),
        "/brokerage/",
        listing.get_absolute_url(),
    ]:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, path
        assert axe_violations(page) == [], path


def test_a_thread_fits_a_phone(discussion, phone_page, live_server):
    _, thread, _, _ = discussion

    phone_page.goto(live_server.url + thread.get_absolute_url())

    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone_page) == []
