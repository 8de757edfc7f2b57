"""What the community adds to knowledge's pages: a shared service's ratings and stories, and a
case study's questions to its authors.

Registered with knowledge's panel hook when this module is imported (from
`CommunityConfig.ready()`), because knowledge may not import community.
"""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString

from community.forms.questions import QuestionForm
from community.permissions import (
    can_ask_authors,
    can_mark_change,
    can_respond_to_story,
    has_verified_email,
    is_editor,
    service_provider_ids,
)
from community.selectors.questions import published_questions
from community.selectors.stories import (
    published_stories,
    service_rating_summary,
    stories_waiting_for,
    stories_weighted_by,
)
from community.services.questions import contacts_to_ask
from knowledge.extensions import register_case_study_panel, register_shared_service_panel
from knowledge.models import CaseStudyPage, SharedService


def _provider_story_ids(request: HttpRequest, service: SharedService, stories, rule) -> set[int]:
    """The stories this officer may act on by `rule` (answer, or mark a change made)."""
    user = request.user
    if not user.is_authenticated or user.verified_officer_of_id is None:
        return set()
    # One query for the providers, whatever the number of stories.
    provider_ids = service_provider_ids(service)
    return {story.pk for story in stories if rule(user, story, provider_ids=provider_ids)}


@register_shared_service_panel
def stories_panel(request: HttpRequest, service: SharedService) -> SafeString:
    stories = list(published_stories(service))
    user = request.user
    signed_in = user.is_authenticated
    verified = signed_in and has_verified_email(user)
    new_story_url = reverse("community:story_new", kwargs={"slug": service.slug})
    return render_to_string(
        "community/stories/service_panel.html",
        {
            "service": service,
            "summary": service_rating_summary(service),
            "stories": stories,
            "own_pending": list(stories_waiting_for(user, service)) if signed_in else [],
            "respondable": _provider_story_ids(request, service, stories, can_respond_to_story),
            "markable": _provider_story_ids(request, service, stories, can_mark_change),
            "is_editor": is_editor(user),
            "signed_in": signed_in,
            "can_tell": verified,
            # Who is offered the button: people who may press it, and visitors, whom it asks
            # to sign in first (an unconfirmed address is told so by the "tell" prompt above).
            "offer_weight": verified or not signed_in,
            "weighted": stories_weighted_by(user, stories),
            "new_story_url": new_story_url,
            "sign_in_url": f"{reverse('account_login')}?next={new_story_url}",
        },
        request=request,
    )


@register_case_study_panel
def questions_panel(request: HttpRequest, page: CaseStudyPage) -> SafeString:
    """Questions to the authors: the published ones with their answers, and the way to ask."""
    user = request.user
    ask_url = reverse("community:question_ask", kwargs={"page_id": page.pk})
    return render_to_string(
        "community/questions/case_study_panel.html",
        {
            "page": page,
            "questions": list(published_questions(page)),
            "has_contact": bool(contacts_to_ask(page)),
            "signed_in": user.is_authenticated,
            "can_ask": can_ask_authors(user, page),
            "form": QuestionForm(),
            "ask_url": ask_url,
            "sign_in_url": f"{reverse('account_login')}?next={page.url}%23questions",
        },
        request=request,
    )
