"""Ask the author: a question on a case study goes to its contacts by email, a contact answers
(signed in, or from the emailed link), moderators publish both, and the asker hears of it."""

import re
import time

import pytest
from django.core import mail, signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from community.models import (
    CaseStudyAnswer,
    CaseStudyQuestion,
    ContentStatus,
    ModerationAction,
    Notification,
)
from community.services.questions import ANSWER_LINK_SALT, answer_token_make
from knowledge.models import CaseStudyContact
from tests.factories import (
    CommunityFactory,
    ServiceAreaFactory,
    UserFactory,
    cover_service_area,
    make_case_study,
    make_moderator,
    make_verified_user,
)


@pytest.fixture
def area(db):
    return ServiceAreaFactory(name="Waste")


@pytest.fixture
def case_study(library, area):
    page = make_case_study(library.case_studies, title="Shared bins", service_areas=[area])
    CaseStudyContact.objects.create(page=page, name="Dana Ode", email="dana@northshire.gov.uk")
    CaseStudyContact.objects.create(page=page, name="Ola Ring", email="ola@southshire.gov.uk")
    CaseStudyContact.objects.create(page=page, name="Post room")  # no address: not emailed
    return page


def ask_url(page) -> str:
    return reverse("community:question_ask", kwargs={"page_id": page.pk})


def link_in(email) -> str:
    return re.search(r"https?://\S+/case-studies/questions/answer/\S+/", email.body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def ask(client, citizen, page, capture, body="How long did the data migration take?"):
    """Ask as the citizen, running what waits for the commit (the emails) as it would run."""
    client.force_login(citizen)
    with capture(execute=True):
        return client.post(ask_url(page), {"body": body})


def test_a_question_is_emailed_to_each_contact_with_an_address_and_waits(
    client, case_study, citizen, django_capture_on_commit_callbacks
):
    response = ask(client, citizen, case_study, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"].endswith("#questions")
    question = CaseStudyQuestion.objects.get()
    assert question.status == ContentStatus.PENDING
    assert sorted(email.to[0] for email in mail.outbox) == [
        "dana@northshire.gov.uk",
        "ola@southshire.gov.uk",
    ]
    assert "How long did the data migration take?" in mail.outbox[0].body
    assert "/case-studies/questions/answer/" in mail.outbox[0].body
    # Waiting for a moderator: nobody else sees it yet.
    client.logout()
    shown = client.get(case_study.url).content.decode()
    assert "How long did the data migration take?" not in shown


def test_an_empty_question_is_refused_in_plain_words(client, case_study, citizen):
    client.force_login(citizen)

    response = client.post(ask_url(case_study), {"body": "  "})

    assert response.status_code == 200
    assert "Enter your question" in response.content.decode()
    assert not CaseStudyQuestion.objects.exists()


def test_a_too_long_question_keeps_what_was_typed(client, case_study, citizen):
    client.force_login(citizen)
    typed = "Why " + "x" * 2_100

    response = client.post(ask_url(case_study), {"body": typed})

    page = response.content.decode()
    assert "Your question must be 2,000 characters or fewer" in page
    assert typed in page


def test_asking_too_often_is_refused_with_what_to_do(client, case_study, citizen):
    client.force_login(citizen)
    for number in range(5):
        client.post(ask_url(case_study), {"body": f"Question {number}?"})

    response = client.post(ask_url(case_study), {"body": "One more?"})

    assert "You have asked 5 questions in the last hour" in response.content.decode()
    assert "One more?" in response.content.decode()
    assert CaseStudyQuestion.objects.count() == 5


def test_a_case_study_without_contacts_offers_nothing(client, library, citizen):
    page = make_case_study(library.case_studies, title="Shared legal team")
    CaseStudyContact.objects.create(page=page, name="Nobody with an address")
    client.force_login(citizen)

    shown = client.get(page.url).content.decode()
    response = client.post(ask_url(page), {"body": "Anyone there?"})

    assert "This case study has no contact to ask" in shown
    assert "Send your question" not in shown
    assert "This case study has no contact to ask" in response.content.decode()
    assert not CaseStudyQuestion.objects.exists()


def test_an_unconfirmed_address_cannot_ask(client, case_study):
    person = UserFactory()
    client.force_login(person)

    shown = client.get(case_study.url).content.decode()
    response = client.post(ask_url(case_study), {"body": "Can I ask?"})

    assert "confirm your email address" in shown
    assert response.status_code == 403
    assert not CaseStudyQuestion.objects.exists()


def test_a_visitor_is_asked_to_sign_in(client, case_study):
    shown = client.get(case_study.url).content.decode()
    response = client.post(ask_url(case_study), {"body": "Hello?"})

    assert "Sign in to ask the authors a question" in shown
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_restricted_case_study_neither_shows_nor_accepts_questions(client, case_study, citizen):
    PageViewRestriction.objects.create(
        page=case_study, restriction_type=PageViewRestriction.PASSWORD, password="councillors"
    )
    client.force_login(citizen)

    response = client.post(ask_url(case_study), {"body": "Let me in?"})

    assert response.status_code == 404
    assert not CaseStudyQuestion.objects.exists()


def test_a_draft_case_study_accepts_no_questions(client, library, citizen):
    draft = make_case_study(library.case_studies, title="Not yet", live=False)
    CaseStudyContact.objects.create(page=draft, name="Dana", email="dana@northshire.gov.uk")
    client.force_login(citizen)

    assert client.post(ask_url(draft), {"body": "Early?"}).status_code == 404


# --- answering from the emailed link -------------------------------------------------------


def test_a_contact_without_an_account_answers_from_the_link_once(
    client, case_study, citizen, django_capture_on_commit_callbacks
):
    ask(client, citizen, case_study, django_capture_on_commit_callbacks)
    client.logout()
    link = path_of(link_in(next(m for m in mail.outbox if m.to == ["dana@northshire.gov.uk"])))

    shown = client.get(link)
    sent = client.post(link, {"body": "Six months, with two months of parallel running."})
    again = client.get(link)

    assert "How long did the data migration take?" in shown.content.decode()
    assert "Answer sent to a moderator" in sent.content.decode()
    answer = CaseStudyAnswer.objects.get()
    assert (answer.contact_name, answer.status, answer.author) == (
        "Dana Ode",
        ContentStatus.PENDING,
        None,
    )
    assert again.status_code == 400
    assert "This link has been used" in again.content.decode()


def test_an_empty_answer_is_refused_in_plain_words(client, case_study, citizen):
    question = CaseStudyQuestion.objects.create(page=case_study, asker=citizen, body="When?")
    token = answer_token_make(question=question, email="dana@northshire.gov.uk")

    response = client.post(
        reverse("community:question_answer", kwargs={"token": token}), {"body": ""}
    )

    assert response.status_code == 200
    assert "Enter your answer" in response.content.decode()
    assert not CaseStudyAnswer.objects.exists()


@pytest.mark.parametrize(
    "token",
    ["not-a-token", signing.dumps({"q": 999_999, "e": "dana@northshire.gov.uk"}, salt="other")],
)
def test_a_wrong_link_gets_a_plain_page(client, case_study, token):
    response = client.get(reverse("community:question_answer", kwargs={"token": token}))

    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_an_expired_link_gets_a_plain_page(client, case_study, citizen):
    question = CaseStudyQuestion.objects.create(page=case_study, asker=citizen, body="When?")
    fresh = answer_token_make(question=question, email="dana@northshire.gov.uk")
    # The same token signed 31 days ago: Django's TimestampSigner with an older timestamp.
    value = fresh.rsplit(":", 2)[0]
    signer = signing.TimestampSigner(salt=ANSWER_LINK_SALT)
    stamped = f"{value}:{signing.b62_encode(int(time.time()) - 31 * 86400)}"
    expired = f"{stamped}:{signer.signature(stamped)}"

    response = client.get(reverse("community:question_answer", kwargs={"token": expired}))

    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()


def test_a_contact_with_an_account_must_answer_signed_in_to_it(client, case_study, citizen):
    dana = make_verified_user(email="dana@northshire.gov.uk")
    question = CaseStudyQuestion.objects.create(page=case_study, asker=citizen, body="When?")
    url = reverse(
        "community:question_answer",
        kwargs={"token": answer_token_make(question=question, email="dana@northshire.gov.uk")},
    )

    as_visitor = client.get(url)
    client.force_login(citizen)
    as_someone_else = client.post(url, {"body": "Not me"})
    client.force_login(dana)
    as_dana = client.post(url, {"body": "Six months."})

    assert as_visitor.status_code == 302 and "/accounts/login/" in as_visitor["Location"]
    assert as_someone_else.status_code == 403
    assert as_dana.status_code == 200
    assert CaseStudyAnswer.objects.get().author == dana


# --- moderation and publishing -------------------------------------------------------------


@pytest.fixture
def answered(case_study, citizen):
    question = CaseStudyQuestion.objects.create(
        page=case_study, asker=citizen, body="How long did the data migration take?"
    )
    answer = CaseStudyAnswer.objects.create(
        question=question,
        contact_name="Dana Ode",
        contact_email="dana@northshire.gov.uk",
        body="Six months, with two months of parallel running.",
    )
    return answer


def act(client, user, kind, pk, action, note=""):
    client.force_login(user)
    return client.post(
        reverse("community:moderation_act", kwargs={"content_type": kind, "pk": pk}),
        {"action": action, "note": note},
    )


def test_the_question_and_answer_wait_in_the_editors_queue(client, answered, editor):
    client.force_login(editor)

    queue = client.get(reverse("community:moderation_queue")).content.decode()

    assert "Question about “Shared bins”</a>" in queue
    assert "How long did the data migration take?" in queue
    assert "Six months, with two months of parallel running." in queue


def test_publishing_the_answer_publishes_both_audits_and_tells_the_asker(
    client, answered, editor, citizen
):
    response = act(client, editor, "answer", answered.pk, "approve", note="Helpful")

    assert response.status_code == 302
    answered.refresh_from_db()
    answered.question.refresh_from_db()
    assert answered.status == answered.question.status == ContentStatus.VISIBLE
    actions = ModerationAction.objects.filter(actor=editor, action=ModerationAction.Action.APPROVE)
    assert actions.count() == 2
    assert "Helpful" in actions.values_list("note", flat=True)
    told = Notification.objects.get(user=citizen)
    assert told.message == "Dana Ode answered your question about “Shared bins”."
    client.logout()
    page = client.get(answered.question.page.url).content.decode()
    assert "Questions to the authors" in page
    assert "Six months, with two months of parallel running." in page


def test_a_rejected_answer_never_appears_and_the_note_is_kept(client, answered, editor):
    act(client, editor, "question", answered.question_id, "approve")
    act(client, editor, "answer", answered.pk, "remove", note="Names a member of staff")

    answered.refresh_from_db()
    assert answered.status == ContentStatus.REMOVED
    assert ModerationAction.objects.filter(
        action=ModerationAction.Action.REMOVE, note="Names a member of staff"
    ).exists()
    client.logout()
    page = client.get(answered.question.page.url).content.decode()
    assert "How long did the data migration take?" in page
    assert "Six months" not in page
    assert "Not answered yet" in page


def test_moderators_of_a_community_covering_the_area_publish_others_cannot(
    client, answered, area
):
    covering = make_moderator(cover_service_area(CommunityFactory(), area))
    elsewhere = make_moderator(cover_service_area(CommunityFactory(), ServiceAreaFactory()))

    refused = act(client, elsewhere, "answer", answered.pk, "approve")
    answered.refresh_from_db()
    assert answered.status == ContentStatus.PENDING
    client.force_login(elsewhere)
    assert "Six months" not in client.get(reverse("community:moderation_queue")).content.decode()

    client.force_login(covering)
    assert "Six months" in client.get(reverse("community:moderation_queue")).content.decode()
    act(client, covering, "answer", answered.pk, "approve")
    answered.refresh_from_db()

    assert refused.status_code in (403, 404)
    assert answered.status == ContentStatus.VISIBLE


def test_published_questions_are_newest_first_and_read_in_a_fixed_number_of_queries(
    client, case_study, citizen
):
    def add(body):
        question = CaseStudyQuestion.objects.create(
            page=case_study, asker=make_verified_user(), body=body, status=ContentStatus.VISIBLE
        )
        CaseStudyAnswer.objects.create(
            question=question,
            contact_name="Dana Ode",
            contact_email="dana@northshire.gov.uk",
            body=f"Answer to {body}",
            status=ContentStatus.VISIBLE,
        )

    add("Older question?")
    add("Newer question?")
    client.get(case_study.url)  # first visit fills the site and settings caches
    with CaptureQueriesContext(connection) as few:
        page = client.get(case_study.url).content.decode()
    for number in range(5):
        add(f"More {number}?")
    with CaptureQueriesContext(connection) as many:
        client.get(case_study.url)

    assert page.index("Newer question?") < page.index("Older question?")
    assert len(many) == len(few)
