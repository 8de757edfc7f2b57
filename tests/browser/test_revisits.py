"""A revisited case study draws forecast against actual on a phone: chart, table, no scrolling."""

import datetime
from decimal import Decimal

from knowledge.models import CaseStudyRevisit
from tests.browser.conftest import axe_violations
from tests.factories import make_case_study, publish


def test_a_revisited_case_study_shows_its_chart_and_table_on_a_phone(
    library, phone_page, live_server
):
    case_study = make_case_study(
        library.case_studies,
        title="Tri-council revenues and benefits",
        started_on=datetime.date(2022, 4, 1),
        investment_pounds=Decimal("1250000"),
        annual_savings_pounds=Decimal("900000"),
    )
    for months, savings, costs in [(12, "450000", "1400000"), (24, "720000", "1550000")]:
        case_study.revisits.add(
            CaseStudyRevisit(
                revisited_on=datetime.date(2022 + months // 12, 4, 1),
                actual_annual_savings_pounds=Decimal(savings),
                actual_costs_to_date_pounds=Decimal(costs),
                what_went_wrong_since="<p>The new system lost a month of direct debits.</p>",
            )
        )
    publish(case_study)

    phone_page.goto(live_server.url + case_study.url_path.removeprefix("/home"))

    chart = phone_page.get_by_role("img", name="Annual savings: forecast and actual")
    assert chart.is_visible()
    table = phone_page.get_by_role("table", name="Forecast and actual figures")
    assert table.is_visible()
    assert "£720,000" in table.inner_text()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone_page) == []
