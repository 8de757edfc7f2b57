"""Contributions are limited (each one emails every moderator): over the limit, the form says
so in plain English, keeps what was typed, and no moderator is emailed."""

from django.core import mail

from commons.ratelimits import LIMITS
from knowledge.models import CaseStudyPage
from knowledge.services.contributions import case_study_submit

CASE_STUDY_URL = "/contribute/case-study/"


def case_study(title: str) -> dict:
    return {
        "title": title,
        "summary": "Eastshire and Westshire merged their waste collection rounds.",
        "stage": "live",
        "what_went_wrong": "The depot lease ran six months late.",
    }


def test_contributing_too_often_is_a_clear_error_that_keeps_the_words(
    signed_in, contributor, moderator
):
    allowed = LIMITS["contribution"].count
    for number in range(allowed):
        case_study_submit(user=contributor, data=case_study(f"Shared waste service {number}"))
    mail.outbox.clear()

    response = signed_in.post(
        CASE_STUDY_URL,
        {**case_study("One contribution too many"), "started_on_day": "", "tags": ""},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "You have sent 5 contributions in the last hour" in html
    assert 'value="One contribution too many"' in html
    assert CaseStudyPage.objects.count() == allowed
    assert mail.outbox == []
