"""Reads for questions to a case study's authors."""

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest

from community.models import CaseStudyAnswer, CaseStudyQuestion, ContentStatus
from knowledge.models import CaseStudyPage


def published_questions(page: CaseStudyPage) -> QuerySet[CaseStudyQuestion]:
    """Published questions, newest first, each with its published answers (two queries)."""
    answers = CaseStudyAnswer.objects.filter(status=ContentStatus.VISIBLE).order_by("created_at")
    return (
        CaseStudyQuestion.objects.filter(page=page, status=ContentStatus.VISIBLE)
        .select_related("asker")
        .prefetch_related(Prefetch("answers", queryset=answers, to_attr="published_answers"))
        .order_by("-created_at", "-pk")
    )


def case_study_open_to(request: HttpRequest, page: CaseStudyPage) -> bool:
    """Whether the person may see the case study: published, and let through every Wagtail
    privacy restriction on it or its ancestors (login, groups, a password)."""
    if not page.live:
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())
