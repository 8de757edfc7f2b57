"""The privacy notice, accessibility statement and cookies page read well on a phone and a
desktop, with the Beta banner's feedback link."""

import pytest
from wagtail.models import Site

from knowledge.models import LegalPage, LegalPageKind, SiteBranding
from tests.browser.conftest import axe_violations


@pytest.fixture
def legal_titles(library) -> dict[str, str]:
    """Each legal page's path and title, read before the browser starts (see conftest)."""
    kinds = [LegalPageKind.PRIVACY, LegalPageKind.ACCESSIBILITY, LegalPageKind.COOKIES]
    pages = [LegalPage.objects.get(kind=kind) for kind in kinds]
    return {page.url_path.removeprefix("/home"): page.title for page in pages}


def test_each_legal_page_is_reached_from_the_footer_and_fits_a_phone(
    legal_titles, phone_page, live_server
):
    for path, title in legal_titles.items():
        phone_page.goto(live_server.url + "/")
        phone_page.locator(f'.govuk-footer a[href="{path}"]').click()
        phone_page.wait_for_url(live_server.url + path)

        assert phone_page.locator("h1").inner_text() == title
        assert phone_page.get_by_text("Last updated").is_visible()
        fits = "document.documentElement.scrollWidth <= window.innerWidth"
        assert phone_page.evaluate(fits), path
        assert axe_violations(phone_page) == [], path


@pytest.fixture
def feedback_address(library) -> str:
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.feedback_address = "feedback@northshire.gov.uk"
    branding.save()
    return branding.feedback_address


def test_each_legal_page_has_no_serious_accessibility_violations_on_a_desktop(
    legal_titles, feedback_address, page, live_server
):
    for path, title in legal_titles.items():
        page.goto(live_server.url + path)

        assert page.locator("h1").inner_text() == title
        feedback = page.locator(".govuk-phase-banner a")
        assert feedback.get_attribute("href") == f"mailto:{feedback_address}"
        assert axe_violations(page) == [], path
