"""A revisited case study draws forecast against actual on a phone: chart, table, no scrolling."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from knowledge.models import CaseStudyRevisit
from tests.browser.conftest import axe_violations
from tests.factories import make_case_study, make_verified_user, publish


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


def test_an_editor_adds_a_revisit_in_the_admin_and_readers_see_it(library, page, live_server):
    case_study = make_case_study(
        library.case_studies,
        title="Shared legal services",
        started_on=datetime.date(2022, 4, 1),
        investment_pounds=Decimal("90000"),
        annual_savings_pounds=Decimal("240000"),
    )
    editor = make_verified_user(username="editor", email="editor@example.org")
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    page.goto(f"{live_server.url}/accounts/login/?next=/admin/pages/{case_study.pk}/edit/")
    page.get_by_label("Email address").fill("editor@example.org")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("button", name="Add revisit").click()
    page.get_by_label("Date of the revisit").fill("2023-04-03")
    page.get_by_label("Actual annual savings (£)").fill("180000")
    page.get_by_label("Actual costs to date (£)").fill("120000")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("published")

    page.goto(live_server.url + case_study.url_path.removeprefix("/home"))
    expect(page.get_by_role("heading", name="Revisited 3 April 2023")).to_be_visible()
    table = page.get_by_role("table", name="Forecast and actual figures")
    expect(table).to_contain_text("£180,000")
    expect(table).to_contain_text("£120,000 to date")
    assert axe_violations(page) == []
