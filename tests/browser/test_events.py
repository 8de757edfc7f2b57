"""A citizen takes a place at a community's event on a phone, finds it on "Your events" and
downloads it as a calendar file; every page axe clean and no sideways scrolling."""

from pathlib import Path

from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import CommunityFactory, make_event, make_moderator, make_verified_user


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


def test_a_moderator_adds_an_event_on_a_phone_after_fixing_a_mistake(phone_page, live_server):
    community = CommunityFactory(name="Residents' voice", slug="residents-voice")
    make_moderator(community, make_verified_user(username="mo", email="mo@commons.localhost"))

    sign_in(phone_page, live_server, "mo@commons.localhost", community.get_absolute_url())
    phone_page.get_by_role("button", name="Add an event").click()
    expect(phone_page.get_by_role("heading", name="Add an event")).to_be_visible()
    _fits_a_phone(phone_page)

    phone_page.get_by_label("Title").fill("Residents' panel on bin collections")
    phone_page.get_by_label("Day").fill("12")
    phone_page.get_by_label("Month").fill("1")
    phone_page.get_by_label("Year").fill("2030")
    phone_page.get_by_label("Start time").fill("2pm")
    phone_page.get_by_label("End time").fill("3:30pm")
    phone_page.get_by_role("button", name="Add the event").click()

    # Neither a place nor a link: refused in words, with what was typed kept.
    expect(phone_page.locator(".govuk-error-summary")).to_be_visible()
    assert phone_page.get_by_label("Title").input_value() == "Residents' panel on bin collections"
    _fits_a_phone(phone_page)
    phone_page.get_by_label("Place (optional)").fill("Town Hall, Market Street")
    phone_page.get_by_role("button", name="Add the event").click()

    expect(
        phone_page.get_by_role("heading", name="Residents' panel on bin collections")
    ).to_be_visible()
    expect(phone_page.get_by_text("Saturday 12 January 2030, 2pm to 3:30pm")).to_be_visible()
    _fits_a_phone(phone_page)
