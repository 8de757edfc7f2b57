"""Knowledge pages read well in a real browser: accessible, and usable on a phone."""

import datetime
from decimal import Decimal

import pytest

from knowledge.models import DueDiligenceItem
from tests.browser.conftest import axe_violations
from tests.factories import OrganisationFactory, ServiceAreaFactory, make_case_study


@pytest.fixture
def case_study(library):
    page = make_case_study(
        library.case_studies,
        title="Tri-council revenues and benefits",
        organisations=[OrganisationFactory(name="Northshire County Council")],
        service_areas=[ServiceAreaFactory(name="Revenues and benefits")],
        tags=["tupe", "data-migration"],
        investment_pounds=Decimal("1250000"),
        started_on=datetime.date(2019, 4, 1),
        lessons_learned="<p>Budget for a parallel run.</p>",
    )
    DueDiligenceItem.objects.create(page=page, area="it-assets", status="problem-found")
    return page


def test_a_case_study_page_has_no_serious_accessibility_violations(case_study, page, live_server):
    page.goto(live_server.url + case_study.url_path.removeprefix("/home"))

    assert page.locator("h1").inner_text() == "Tri-council revenues and benefits"
    assert page.get_by_role("heading", name="What went wrong").is_visible()
    assert axe_violations(page) == []


def test_a_case_study_page_fits_a_phone(case_study, phone_page, live_server):
    phone_page.goto(live_server.url + case_study.url_path.removeprefix("/home"))

    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone_page) == []
