"""Ask the author: questions to a case study's authors and the answers published under it."""

from django.test import Client
from django.urls import reverse

from community.models import CaseStudyAnswer, CaseStudyQuestion, ContentStatus
from knowledge.models import CaseStudyContact, CaseStudyPage
from knowledge.services import library_ensure
from tests.community.permission_matrix.world import Action, Outcome, World
from tests.factories import make_case_study, make_verified_user


def case_study_with_contact() -> CaseStudyPage:
    page = make_case_study(library_ensure().case_studies, title="Shared waste depots")
    CaseStudyContact.objects.create(page=page, name="Dana Ode", email="dana@northshire.gov.uk")
    return page


def unpublished_answer(page: CaseStudyPage) -> CaseStudyAnswer:
    question = CaseStudyQuestion.objects.create(
        page=page, asker=make_verified_user(), body="How did you split the costs?"
    )
    return CaseStudyAnswer.objects.create(
        question=question,
        contact_name="Dana Ode",
        contact_email="dana@northshire.gov.uk",
        body="By tonnage, reviewed each year.",
    )


def ask_question(client: Client, world: World) -> Outcome:
    page = case_study_with_contact()
    url = reverse("community:question_ask", kwargs={"page_id": page.pk})
    response = client.post(url, {"body": "How did you split the costs?"})
    return response, CaseStudyQuestion.objects.filter(page=page).exists()


def publish_answer(client: Client, world: World) -> Outcome:
    answer = unpublished_answer(case_study_with_contact())
    where = {"content_type": "answer", "pk": answer.pk}
    response = client.post(reverse("community:moderation_act", kwargs=where), {"action": "approve"})
    answer.refresh_from_db()
    return response, answer.status == ContentStatus.VISIBLE


def see_unpublished_answer(client: Client, world: World) -> Outcome:
    page = case_study_with_contact()
    unpublished_answer(page)
    response = client.get(page.url)
    return response, "By tonnage" in response.text or "split the costs" in response.text


ACTIONS: dict[str, Action] = {
    "ask the authors a question": ask_question,
    "publish an answer": publish_answer,
    "see an unpublished answer on the case study": see_unpublished_answer,
}
# Answers 200 either way: what it shows is the test.
LISTINGS = {"see an unpublished answer on the case study"}
