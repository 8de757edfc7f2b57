"""Case studies are revisited: dated actual figures set against the forecast, newest first."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from knowledge.models import CaseStudyPage, CaseStudyRevisit
from knowledge.revisits import forecast_against_actual
from tests.factories import UserFactory, make_case_study, publish

STARTED = datetime.date(2022, 4, 1)


def path_of(page) -> str:
    return page.url_path.removeprefix("/home")


@pytest.fixture
def case_study(library) -> CaseStudyPage:
    return make_case_study(
        library.case_studies,
        title="Tri-council revenues and benefits",
        started_on=STARTED,
        investment_pounds=Decimal("1250000"),
        annual_savings_pounds=Decimal("900000"),
    )


def add_revisit(page: CaseStudyPage, **fields) -> CaseStudyRevisit:
    values = {
        "revisited_on": datetime.date(2023, 4, 1),
        "actual_annual_savings_pounds": Decimal("600000"),
        "actual_costs_to_date_pounds": Decimal("1400000"),
        "what_changed": "<p>Two teams merged a year late.</p>",
        "what_went_wrong_since": "<p>The new system lost a month of direct debits.</p>",
        **fields,
    }
    revisit = CaseStudyRevisit(page=page, **values)
    page.revisits.add(revisit)
    return revisit


# Rules


def test_a_revisit_cannot_be_dated_before_the_programme_started(case_study):
    revisit = add_revisit(case_study, revisited_on=datetime.date(2022, 3, 31))

    with pytest.raises(ValidationError) as error:
        revisit.full_clean()

    assert error.value.message_dict["revisited_on"] == [
        "A revisit cannot be dated before the programme started (1 April 2022)."
    ]


def test_a_revisit_on_the_day_the_programme_started_is_allowed(case_study):
    revisit = add_revisit(case_study, revisited_on=STARTED)

    revisit.full_clean()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("actual_annual_savings_pounds", "Actual annual savings cannot be negative."),
        ("actual_costs_to_date_pounds", "Actual costs to date cannot be negative."),
    ],
)
def test_revisit_money_cannot_be_negative(case_study, field, message):
    revisit = add_revisit(case_study, **{field: Decimal("-1")})

    with pytest.raises(ValidationError) as error:
        revisit.full_clean()

    assert error.value.message_dict[field] == [message]


def test_revisits_are_kept_with_the_page_revisions(case_study):
    add_revisit(case_study)
    revision = case_study.save_revision()
    revision.publish()

    assert CaseStudyRevisit.objects.filter(page=case_study).count() == 1
    assert [r.revisited_on for r in revision.as_object().revisits.all()] == [
        datetime.date(2023, 4, 1)
    ]


# The chart's figures


def test_the_chart_sets_the_forecast_before_each_revisit_in_date_order(case_study):
    add_revisit(case_study, revisited_on=datetime.date(2024, 4, 1))
    add_revisit(
        case_study,
        revisited_on=datetime.date(2023, 4, 1),
        actual_annual_savings_pounds=Decimal("450000"),
        actual_costs_to_date_pounds=None,
    )

    figures = forecast_against_actual(case_study)

    assert [row.label for row in figures.rows] == ["Forecast", "April 2023", "April 2024"]
    assert [bar.value_text for bar in figures.savings_chart.bars] == [
        "£900,000",
        "£450,000",
        "£600,000",
    ]
    # A revisit without a costs figure has no bar, rather than a bar of nothing.
    assert [bar.label for bar in figures.costs_chart.bars] == ["Forecast", "April 2024"]


def test_a_case_study_without_revisits_has_no_chart(case_study):
    assert forecast_against_actual(case_study) is None


# The public page


def test_the_page_shows_each_revisit_newest_first_with_its_figures(client, case_study):
    add_revisit(case_study, revisited_on=datetime.date(2023, 4, 1), what_changed="<p>Older.</p>")
    add_revisit(case_study, revisited_on=datetime.date(2024, 4, 1), what_changed="<p>Newer.</p>")
    publish(case_study)

    html = client.get(path_of(case_study)).content.decode()

    assert html.index("Revisited 1 April 2024") < html.index("Revisited 1 April 2023")
    assert html.index("Newer.") < html.index("Older.")
    assert "The new system lost a month of direct debits." in html
    assert "£1,400,000" in html


def test_the_chart_is_an_image_with_a_text_alternative_and_a_table_of_figures(
    client, case_study
):
    add_revisit(case_study)
    publish(case_study)

    html = client.get(path_of(case_study)).content.decode()

    assert 'role="img"' in html
    assert "Annual savings: forecast and actual" in html
    assert "Forecast £900,000 a year; April 2023 £600,000 a year." in html
    assert "Forecast and actual figures</caption>" in html


def test_a_page_without_revisits_shows_no_revisits_section(client, case_study):
    html = client.get(path_of(case_study)).content.decode()

    assert "Forecast and actual" not in html


# The admin


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    return user


def edit_with_revisit(client, page, **revisit) -> tuple[str, dict]:
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form").dict()
    data.update(
        {
            "revisits-TOTAL_FORMS": "1",
            "revisits-INITIAL_FORMS": "0",
            "revisits-0-id": "",
            "revisits-0-ORDER": "1",
            "revisits-0-DELETE": "",
            "revisits-0-revisited_on": "2024-04-01",
            "revisits-0-actual_annual_savings_pounds": "700000",
            "revisits-0-actual_costs_to_date_pounds": "1300000",
            "revisits-0-what_changed": rich_text("<p>A fourth council joined.</p>"),
            "revisits-0-what_went_wrong_since": rich_text(""),
            "action-publish": "action-publish",
            **revisit,
        }
    )
    return url, data


def test_an_editor_adds_a_revisit_in_the_admin(client, case_study, editor):
    client.force_login(editor)
    url, data = edit_with_revisit(client, case_study)

    assert client.post(url, data).status_code == 302

    revisit = CaseStudyRevisit.objects.get(page=case_study)
    assert revisit.actual_annual_savings_pounds == Decimal("700000")
    assert "A fourth council joined." in client.get(path_of(case_study)).content.decode()


def test_an_editor_is_told_a_revisit_cannot_predate_the_programme(client, case_study, editor):
    client.force_login(editor)
    url, data = edit_with_revisit(client, case_study, **{"revisits-0-revisited_on": "2021-01-01"})

    response = client.post(url, data)

    assert response.status_code == 200
    assert (
        "A revisit cannot be dated before the programme started (1 April 2022)."
        in response.content.decode()
    )
    assert not CaseStudyRevisit.objects.filter(page=case_study).exists()
