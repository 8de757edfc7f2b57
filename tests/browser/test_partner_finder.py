"""The demo Northshire officer finds a partner for revenues and benefits from the brokerage, on a
phone: Lowdale comes first, with its score explained, and the page passes axe at 360 px."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, sign_in

# sign_in() types the factories' password, so the demo accounts are given it.
PASSWORD = "correct-horse-battery"


@pytest.fixture
def demo(db):
    # The demo accounts are only made with DEBUG on (load_community_demo refuses otherwise).
    with override_settings(DEBUG=True):
        call_command("load_demo", verbosity=0, stdout=StringIO())
        call_command("load_community_demo", password=PASSWORD, stdout=StringIO())


def test_the_demo_officer_finds_lowdale_first_with_an_explained_score(
    demo, phone_page, live_server
):
    page = phone_page
    sign_in(page, live_server, "officer@northshire.gov.uk", "/brokerage/")

    page.get_by_role("link", name="Find partners whose contracts end when yours do").click()
    expect(page.get_by_label("Your organisation")).to_have_value("northshire-county-council")
    page.get_by_label("Service area").select_option(label="Revenues and benefits")
    page.get_by_label("Contracts ending within").select_option(label="12 months")
    page.get_by_role("button", name="Find partners").click()

    first = page.locator("#partners ~ .commons-result-list > li").first
    expect(first.get_by_role("heading", level=3)).to_have_text("Lowdale District Council")
    expect(first).to_contain_text("out of 100")
    expect(first).to_contain_text(
        "Their revenues and benefits contract ends 3 months after yours (30 June 2028)"
    )
    expect(first).to_contain_text("Both run OpenRevenues by Civica")
    expect(first).to_contain_text("Same region (Yorkshire and the Humber)")
    practices = first.get_by_role(
        "table", name="Practices: Northshire County Council and Lowdale District Council"
    )
    expect(practices).to_contain_text("Council tax reminders")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []
