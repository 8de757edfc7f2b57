"""The rules a case study must keep before the public sees it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from knowledge.models import CaseStudyPage, ResourcePage
from tests.factories import make_case_study, make_resource, publish


def test_a_case_study_without_what_went_wrong_can_be_saved_as_a_draft(library):
    draft = make_case_study(library.case_studies, live=False, what_went_wrong="")

    assert draft.pk is not None
    assert draft.live is False
    assert draft.can_publish() is False


def test_a_case_study_without_what_went_wrong_cannot_be_published(library):
    draft = make_case_study(library.case_studies, live=False, what_went_wrong="")

    with pytest.raises(ValidationError) as error:
        publish(draft)

    assert "what_went_wrong" in error.value.message_dict
    assert not CaseStudyPage.objects.live().filter(pk=draft.pk).exists()


def test_whitespace_only_warts_do_not_count(library):
    page = make_case_study(library.case_studies, live=False, what_went_wrong="<p> </p>")

    assert page.can_publish() is False


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("investment_pounds", Decimal("-1"), "Investment cannot be negative."),
        ("annual_savings_pounds", Decimal("-500"), "Annual savings cannot be negative."),
        ("savings_percent", Decimal("130"), "Savings must be between 0% and 100%."),
        ("savings_percent", Decimal("-5"), "Savings must be between 0% and 100%."),
    ],
)
def test_bad_money_values_are_refused_with_a_clear_message(library, field, value, message):
    draft = make_case_study(library.case_studies, live=False, **{field: value})

    with pytest.raises(ValidationError) as error:
        publish(draft)

    assert error.value.message_dict[field] == [message]


def test_staff_change_may_be_negative(library):
    page = make_case_study(library.case_studies, staff_change_fte=Decimal("-12.5"))

    assert page.live is True
    assert page.staff_change_fte == Decimal("-12.5")


def test_a_programme_cannot_end_before_it_starts(library):
    import datetime

    draft = make_case_study(
        library.case_studies,
        live=False,
        started_on=datetime.date(2022, 4, 1),
        ended_on=datetime.date(2021, 4, 1),
    )

    with pytest.raises(ValidationError) as error:
        publish(draft)

    assert error.value.message_dict["ended_on"] == [
        "The end date must be on or after the start date."
    ]


def test_a_resource_needs_a_document_or_a_web_address(library):
    draft = make_resource(library.resources, live=False, external_url="")

    with pytest.raises(ValidationError) as error:
        publish(draft)

    assert "external_url" in error.value.message_dict
    assert not ResourcePage.objects.live().exists()
