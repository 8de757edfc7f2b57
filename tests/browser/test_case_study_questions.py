"""Ask the author: a citizen asks on a phone, the contact answers from the emailed link without
an account, a moderator publishes it and the citizen finds it under the case study."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from knowledge.models import CaseStudyContact
from knowledge.services import library_ensure
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import (
    CommunityFactory,
    ServiceAreaFactory,
    cover_service_area,
    make_case_study,
    make_moderator,
    make_verified_user,
)

QUESTION = "How long did you run the old and new systems side by side?"
ANSWER = "Eight weeks; we should have planned twelve."


@pytest.fixture
def bins(site_home):
    # Made before the browser opens: Playwright's event loop hides the database from the test.
    area = ServiceAreaFactory(name="Waste")
    page = make_case_study(
        library_ensure().case_studies, title="Shared bins", slug="shared-bins", service_areas=[area]
    )
    CaseStudyContact.objects.create(page=page, name="Dana Ode", email="dana@northshire.gov.uk")
    community = CommunityFactory(name="Waste officers")
    cover_service_area(community, area)
    make_moderator(community, make_verified_user(email="mo@example.org", display_name="Mo"))
    make_verified_user(email="rosa@example.org", display_name="Rosa")
    return page


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_question_is_asked_on_a_phone_answered_from_the_email_and_published(
    bins, phone_page, live_server
):
    page = phone_page
    url = bins.url
    sign_in(page, live_server, "rosa@example.org", url)
    page.get_by_role("button", name="Send your question").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your question")
    page.get_by_label("Your question").fill(QUESTION)
    page.get_by_role("button", name="Send your question").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Question sent to the case study's contacts"
    )
    assert no_sideways_scroll(page)
    assert axe_violations(page) == []

    # The contact, with no account, follows the link in their email.
    (email,) = [m for m in mail.outbox if m.to == ["dana@northshire.gov.uk"]]
    # The email names the site's own address; the path is the same on the test server.
    path = re.search(r"/case-studies/questions/answer/\S+/", email.body).group(0)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{path}")
    expect(page.get_by_test_id("question")).to_have_text(QUESTION)
    page.get_by_label("Your answer").fill(ANSWER)
    page.get_by_role("button", name="Send your answer").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Answer sent to a moderator")
    assert no_sideways_scroll(page)
    assert axe_violations(page) == []

    sign_in(page, live_server, "mo@example.org", "/moderation/")
    expect(page.locator("main")).to_contain_text(ANSWER)
    page.get_by_role("button", name=re.compile(r"^Approve\W+Dana Ode answers")).click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Answer approved")
    assert axe_violations(page) == []

    sign_in(page, live_server, "rosa@example.org", "/")
    expect(page.get_by_test_id("notification-count")).to_contain_text("1")
    page.goto(f"{live_server.url}{url}#questions")
    questions = page.locator("#questions")
    expect(questions).to_contain_text(QUESTION)
    expect(questions).to_contain_text(ANSWER)
    assert no_sideways_scroll(page)
    assert axe_violations(page) == []
