"""Closing the loop on stories: "I've experienced this too" and "Change made"."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_POST

from community.models import ContentStatus, Story
from community.services.story_loops import story_weight_add, story_weight_remove


def _story_url(story: Story) -> str:
    return f"{story.shared_service.get_absolute_url()}#story-{story.pk}"


def _published_story(story_id: int) -> Story:
    return get_object_or_404(
        Story.objects.select_related("shared_service"), pk=story_id, status=ContentStatus.VISIBLE
    )


@require_POST
def story_weight_view(request: HttpRequest, story_id: int) -> HttpResponse:
    """The "I've experienced this too" button (a plain form: it works without JavaScript)."""
    story = _published_story(story_id)
    if not request.user.is_authenticated:
        # Back to the story after signing in, not to this address, which only takes a POST.
        return redirect(f"{reverse('account_login')}?next={quote(_story_url(story))}")
    try:
        if request.POST.get("action") == "remove":
            story_weight_remove(user=request.user, story=story)
        else:
            story_weight_add(user=request.user, story=story)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(_story_url(story))


urlpatterns: list[URLPattern] = [
    path("stories/<int:story_id>/experienced/", story_weight_view, name="story_weight"),
]
