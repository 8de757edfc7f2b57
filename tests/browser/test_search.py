"""Search in a real browser: type, read results and facets, narrow with a facet, choose a
suggestion with the keyboard; accessible at desktop and phone sizes."""

import pytest

from search.indexes import ensure_index
from tests.browser.conftest import axe_violations
from tests.factories import OrganisationFactory, make_case_study, make_resource
from tests.search.conftest import IndexHelper


@pytest.fixture
def indexed(library, es):
    """Content in the real index, made before the browser starts."""
    ensure_index(es)
    northshire = OrganisationFactory(name="Northshire County Council", slug="northshire")
    pages = [
        make_case_study(
            library.case_studies,
            title="Northshire shares revenues and benefits",
            summary="Two councils merged their revenues and benefits teams.",
            organisations=[northshire],
        ),
        make_resource(
            library.resources,
            title="Revenues and benefits business case template",
            summary="A template for councils sharing revenues and benefits.",
        ),
    ]
    IndexHelper(es).add(*pages)
    return pages


def test_search_shows_results_and_facets_and_a_facet_narrows_them(indexed, page, live_server):
    page.goto(live_server.url + "/search/")
    page.get_by_label("Search Commons").fill("revenues")
    page.get_by_role("button", name="Search", exact=True).click()

    page.wait_for_url("**/search/?q=revenues*")
    assert "2 results for" in page.get_by_test_id("result-count").inner_text()
    assert page.locator(".commons-search-snippet mark").count() >= 1
    page.get_by_role("checkbox", name="Resources (1)").check()
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_url("**kind=resource*")
    assert "1 result for" in page.get_by_test_id("result-count").inner_text()
    assert page.get_by_role("checkbox", name="Resources (1)").is_checked()
    results = page.get_by_test_id("search-results").inner_text()
    assert "Revenues and benefits business case template" in results
    assert "Northshire shares revenues and benefits" not in results
    assert axe_violations(page) == []


def test_suggestions_appear_as_you_type_and_can_be_chosen_by_keyboard(indexed, page, live_server):
    page.goto(live_server.url + "/search/")
    box = page.get_by_role("combobox", name="Search Commons")
    box.press_sequentially("northsh", delay=30)

    option = page.get_by_role("option", name="Northshire shares revenues and benefits")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == []
    box.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    box.press("Enter")

    page.wait_for_url("**/case-studies/northshire-shares-revenues-and-benefits/")
    assert page.locator("h1").inner_text() == "Northshire shares revenues and benefits"


def test_the_search_page_fits_a_phone(indexed, phone_page, live_server):
    phone_page.goto(live_server.url + "/search/?q=revenues")

    assert "2 results for" in phone_page.get_by_test_id("result-count").inner_text()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone_page) == []


def test_the_header_search_box_works_without_javascript_on_every_page(indexed, page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("search").get_by_label("Search Commons").fill("template")
    page.get_by_role("search").get_by_role("button", name="Search").click()

    page.wait_for_url("**/search/?q=template")
    assert (
        "Revenues and benefits business case template"
        in page.get_by_test_id("search-results").inner_text()
    )
    assert axe_violations(page) == []
