"""The frame around every page in a real browser: a header that fits, a Beta banner inside a
landmark, and a quick keyboard route from the search box to the results."""

import pytest
from django.conf import settings
from django.test import Client
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from community.models import ContentStatus
from knowledge.models import LogoPlacement, SiteBranding
from search.indexes import ensure_index
from tests.browser.conftest import axe_violations
from tests.factories import (
    CommunityFactory,
    make_case_study,
    make_moderator,
    make_resource,
    make_thread,
    make_verified_user,
)
from tests.search.conftest import IndexHelper

# The header's pieces that sit side by side on a wide screen; a row is a band of them that share
# some height. Counting bands, rather than the header's height, ignores padding and font sizes.
HEADER_ROWS = """() => {
    const pieces = [...document.querySelectorAll(
        ".govuk-generic-header__logo, .govuk-service-navigation__service-name, "
        + ".govuk-service-navigation__item, .commons-header-search, "
        + ".commons-account-navigation__item"
    )].map((element) => element.getBoundingClientRect()).filter((box) => box.height > 0);
    pieces.sort((a, b) => a.top - b.top);
    let rows = 0;
    let bottom = -Infinity;
    for (const box of pieces) {
        if (box.top >= bottom) { rows += 1; bottom = box.bottom; }
        else { bottom = Math.max(bottom, box.bottom); }
    }
    return rows;
}"""


def session_cookie(user) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies["sessionid"].value}


@pytest.fixture
def signed_in(site_home) -> dict[str, str]:
    """A session cookie for a signed-in person."""
    return session_cookie(make_verified_user(username="rosa"))


@pytest.fixture
def moderator_signed_in(site_home) -> dict[str, str]:
    """A moderator with a reply waiting, whose header carries the most links."""
    community = CommunityFactory(name="Revenues officers", slug="revenues-officers")
    make_thread(community, status=ContentStatus.PENDING)
    return session_cookie(make_moderator(community, make_verified_user(username="mo")))


def test_the_header_fits_on_two_rows_on_a_1280_pixel_screen(
    signed_in, moderator_signed_in, page, live_server
):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(live_server.url + "/")
    rows = {"signed out": page.evaluate(HEADER_ROWS)}
    for person, cookie in (("citizen", signed_in), ("moderator", moderator_signed_in)):
        page.context.clear_cookies()
        page.context.add_cookies([{**cookie, "url": live_server.url}])
        page.goto(live_server.url + "/")
        assert page.get_by_role("button", name="Sign out").is_visible()
        rows[person] = page.evaluate(HEADER_ROWS)

    assert page.get_by_test_id("moderation-count").is_visible()
    assert rows == {"signed out": 2, "citizen": 2, "moderator": 2}


def test_the_header_menu_opens_on_a_phone_without_scrolling_sideways(phone_page, live_server):
    phone_page.goto(live_server.url + "/")
    phone_page.get_by_role("button", name="Menu").click()

    assert phone_page.get_by_role("link", name="Communities").is_visible()
    assert phone_page.get_by_role("search").get_by_label("Search Commons").is_visible()
    sideways = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert phone_page.evaluate(sideways) == 0


def test_the_beta_banner_is_inside_a_landmark(page, live_server):
    page.goto(live_server.url + "/")

    landmark = "banner => banner.closest('header, main, footer, nav, section[aria-label]')?.tagName"
    assert page.locator(".govuk-phase-banner").evaluate(landmark) is not None
    everything = axe_violations(page, impacts=("minor", "moderate", "serious", "critical"))
    assert [violation for violation in everything if violation["id"] == "region"] == []


@pytest.fixture
def indexed(library, es) -> None:
    ensure_index(es)
    IndexHelper(es).add(
        make_case_study(library.case_studies, title="Northshire shares revenues and benefits"),
        make_resource(library.resources, title="Revenues and benefits business case template"),
    )


def test_on_a_desktop_skip_to_the_results_is_the_next_stop_after_the_search_box(
    indexed, page, live_server
):
    page.goto(live_server.url + "/search/?q=revenues")
    page.get_by_role("combobox", name="Search Commons").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Search"
    page.keyboard.press("Tab")

    skip = page.get_by_role("link", name="Skip to the results")
    assert skip.evaluate("link => link === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "result-count"
    # Past the sort box and its button, where the results begin.
    first_result = page.locator(".commons-result a").first
    presses = 0
    while presses < 10 and not first_result.evaluate("link => link === document.activeElement"):
        page.keyboard.press("Tab")
        presses += 1
    assert presses == 3


@pytest.fixture
def northshire_header(site_home) -> None:
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.header_colour = "#00703c"
    branding.logo = Image.objects.create(title="Northshire crest", file=get_test_image_file())
    branding.logo_placement = LogoPlacement.ABOVE
    branding.full_clean()
    branding.save()


def test_an_editors_header_colour_and_logo_placement_reach_the_page_under_its_policy(
    northshire_header, page, live_server
):
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    page.goto(live_server.url + "/")

    bar = page.locator(".govuk-generic-header")
    assert bar.evaluate("bar => getComputedStyle(bar).backgroundColor") == "rgb(0, 112, 60)"
    logo = page.locator(".commons-header__logo").bounding_box()
    name = page.locator(".commons-header__homepage-link").bounding_box()
    # Above the name: the logo's foot is well clear of the link's, where the name's line sits.
    assert name["y"] + name["height"] - (logo["y"] + logo["height"]) >= 20
    assert refused == []
