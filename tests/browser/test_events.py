"""A citizen takes a place at a community's event on a phone, finds it on "Your events" and
downloads it as a calendar file; every page axe clean and no sideways scrolling."""

from pathlib import Path

from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import CommunityFactory, make_event, make_verified_user


def _fits_a_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []


def test_a_citizen_signs_up_on_a_phone_and_downloads_their_calendar(phone_page, live_server):
    community = CommunityFactory(name="Residents' voice", slug="residents-voice")
    event = make_event(
        community,
        title="Residents' panel on council tax support",
        capacity=30,
        online_link="https://meet.example.org/a-very-long-meeting-address-that-must-wrap-on-a-phone",
    )
    make_verified_user(username="citizen", email="citizen@commons.localhost")

    sign_in(phone_page, live_server, "citizen@commons.localhost", community.get_absolute_url())
    events = phone_page.get_by_role("heading", name="Events", exact=True)
    expect(events).to_be_visible()
    _fits_a_phone(phone_page)
    phone_page.get_by_role("link", name="Residents' panel on council tax support").click()

    expect(phone_page.get_by_text("30 places left")).to_be_visible()
    _fits_a_phone(phone_page)
    phone_page.get_by_role("button", name="Sign up").click()
    expect(phone_page.get_by_text("You have a place.").first).to_be_visible()
    expect(phone_page.get_by_text("29 places left")).to_be_visible()
    expect(phone_page.get_by_role("button", name="Cancel my place")).to_be_visible()
    _fits_a_phone(phone_page)

    phone_page.get_by_role("link", name="your events").first.click()
    expect(phone_page.get_by_role("heading", name="Your events")).to_be_visible()
    expect(phone_page.get_by_role("link", name=event.title)).to_be_visible()
    _fits_a_phone(phone_page)
    with phone_page.expect_download() as download:
        phone_page.get_by_role("link", name="Download your events as a calendar file").click()
    calendar = Calendar.from_ical(Path(download.value.path()).read_bytes())
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == event.title
    assert entry["DTSTART"].dt == event.starts_at.replace(microsecond=0)  # iCal keeps seconds
