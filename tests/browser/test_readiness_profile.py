"""An officer changes their council's due-diligence profile on a phone, without JavaScript's
help for adding rows; a citizen then sees the public system but not the members-only contract."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations, sign_in
from tests.factories import (
    OrganisationFactory,
    ReadinessProfileFactory,
    ServiceAreaFactory,
    make_officer,
    make_verified_user,
)

PHONE_WIDTH = 360


def fits_a_phone(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_an_officer_adds_a_system_and_a_members_only_contract_and_a_citizen_sees_the_system(
    phone_page, live_server
):
    northshire = OrganisationFactory(name="Northshire County Council")
    ServiceAreaFactory(name="Revenues and benefits")
    ReadinessProfileFactory(organisation=northshire, contracts_members_only=False)
    make_officer(northshire, username="officer", email="officer@northshire.gov.uk")
    make_verified_user(username="citizen", email="citizen@example.org")
    profile_path = f"/organisations/{northshire.slug}/due-diligence/"
    page = phone_page

    sign_in(page, live_server, "officer@northshire.gov.uk", profile_path)
    page.get_by_role("link", name="Change the profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the due-diligence profile")
    assert fits_a_phone(page)
    assert axe_violations(page) == []

    page.select_option("#id_systems-0-service_area", label="Revenues and benefits")
    page.fill("#id_systems-0-system", "OpenRevenues")
    page.fill("#id_systems-0-supplier", "Civica")
    page.get_by_role("button", name="Add another system").click()
    # The form came back with a second, blank system and the first as typed.
    expect(page.locator("#id_systems-1-system")).to_have_value("")
    expect(page.locator("#id_systems-0-system")).to_have_value("OpenRevenues")

    page.select_option("#id_contracts-0-service_area", label="Revenues and benefits")
    page.fill("#id_contracts-0-description", "Revenues and benefits software")
    page.fill("#id_contracts-0-supplier", "Civica")
    page.fill("#id_contracts-0-ends_on_0", "31")
    page.fill("#id_contracts-0-ends_on_1", "3")
    page.fill("#id_contracts-0-ends_on_2", "2028")
    page.fill("#id_contracts-0-notice_months", "12")
    page.get_by_label("Show major contracts to members only").check()
    page.get_by_role("button", name="Save profile").click()

    page.wait_for_url(f"**{profile_path}")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Your due-diligence profile has been saved."
    )
    systems = page.get_by_role(
        "table", name="Main systems Northshire County Council runs, by service area"
    )
    expect(systems).to_contain_text("OpenRevenues")
    contracts = page.get_by_role("region", name="Major contracts")
    expect(contracts).to_contain_text("31 March 2028")
    expect(contracts).to_contain_text("31 March 2027")  # the day to give notice by
    assert fits_a_phone(page)
    assert axe_violations(page) == []

    sign_in(page, live_server, "citizen@example.org", profile_path)
    expect(page.get_by_role("region", name="Main systems")).to_contain_text("OpenRevenues")
    expect(page.get_by_role("region", name="Major contracts")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("Revenues and benefits software")
    expect(page.locator("#members-only-parts")).to_contain_text(
        "Major contracts are shown only to verified officers of councils in the network"
    )
    assert fits_a_phone(page)
    assert axe_violations(page) == []
