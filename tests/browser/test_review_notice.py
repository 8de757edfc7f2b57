"""A reader on a phone is told, accessibly, that a case study is due for review."""

import datetime

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.factories import OrganisationFactory, make_case_study, published_on


def test_a_reader_on_a_phone_sees_that_a_stale_case_study_is_due_for_review(
    library, phone_page, live_server
):
    # Like the stale demo case studies: published years ago and last checked long ago.
    stale = published_on(
        make_case_study(
            library.case_studies,
            title="Tri-council revenues and benefits",
            organisations=[OrganisationFactory(name="Northshire County Council")],
            last_reviewed=datetime.date(2025, 1, 20),
        ),
        datetime.date(2021, 6, 1),
    )

    phone_page.goto(live_server.url + stale.url_path.removeprefix("/home"))

    notice = phone_page.locator("[data-review-notice]")
    expect(notice).to_have_text(
        "This case study is due for review: some details may be out of date."
    )
    expect(notice).to_be_visible()
    expect(phone_page.get_by_text("20 January 2025")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone_page) == []
