"""Published questions to a case study's authors, and their answers, are found by search as
part of the case study, sent through the outbox; waiting or rejected ones are not."""

from django.contrib.auth.models import AnonymousUser

from community.models import CaseStudyAnswer, CaseStudyQuestion, ContentStatus
from search.indexes import ensure_index
from search.models import IndexTask
from search.services import search
from tests.factories import make_case_study, make_verified_user
from tests.search.draining import drain_everything


def found_titles(words: str) -> list[str]:
    return [hit.title for hit in search(words, user=AnonymousUser()).hits]


def test_a_published_answer_finds_the_case_study_once_the_outbox_drains(library, es):
    ensure_index(es)
    page = make_case_study(library.case_studies, title="Tri-council revenues and benefits")
    question = CaseStudyQuestion.objects.create(
        page=page, asker=make_verified_user(), body="Which Zanthorpe module did you keep?"
    )
    answer = CaseStudyAnswer.objects.create(
        question=question,
        contact_name="Dana Ode",
        contact_email="dana@northshire.gov.uk",
        body="We kept the Quillbridge payments module.",
    )
    drain_everything()
    assert found_titles("Quillbridge") == []  # waiting for a moderator
    assert found_titles("Zanthorpe") == []

    question.status = answer.status = ContentStatus.VISIBLE
    question.save()
    answer.save()
    assert IndexTask.objects.filter(kind="case_study", object_id=str(page.pk)).exists()
    drain_everything()

    assert found_titles("Quillbridge") == ["Tri-council revenues and benefits"]
    assert found_titles("Zanthorpe") == ["Tri-council revenues and benefits"]

    answer.status = ContentStatus.REMOVED
    answer.save()
    drain_everything()
    assert found_titles("Quillbridge") == []
