"""Closing the loop on stories: "I've experienced this too" and "Change made"."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commons.forms import errors_add
from commons.pagination import paginate, pagination_links
from community.forms.stories import StoryChangeForm, StoryChangeRemoveForm
from community.models import ContentStatus, Story, StoryChange
from community.permissions import can_mark_change, is_editor
from community.selectors.stories import changes_made
from community.services.story_loops import (
    story_change_mark,
    story_change_remove,
    story_weight_add,
    story_weight_remove,
)
from community.views.stories import service_breadcrumbs
from knowledge.models import SharedService


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


@login_required
@require_http_methods(["GET", "POST"])
def story_change_view(request: HttpRequest, story_id: int) -> HttpResponse:
    """The provider says what a story led it to change, or edits what it said."""
    story = _published_story(story_id)
    if not can_mark_change(request.user, story):
        raise PermissionDenied("Only officers of the organisations providing the service do this.")
    existing = getattr(story, "change", None)  # a missing one-to-one is an AttributeError
    if request.method == "POST":
        form = StoryChangeForm(request.POST)
    elif existing:
        form = StoryChangeForm(
            initial={"body": existing.body_markdown, "changed_on": existing.changed_on}
        )
    else:
        form = StoryChangeForm()
    if form.is_bound and form.is_valid():
        try:
            story_change_mark(user=request.user, story=story, **form.cleaned_data)
        except ValidationError as error:
            errors_add(form, error)
        else:
            return redirect(_story_url(story))
    return render(
        request,
        "community/stories/change_form.html",
        {
            "story": story,
            "service": story.shared_service,
            "form": form,
            "editing": existing is not None,
            "breadcrumbs": service_breadcrumbs(story.shared_service),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def story_change_remove_view(request: HttpRequest, story_id: int) -> HttpResponse:
    """An editor takes a change made off the site, saying why."""
    if not is_editor(request.user):
        raise PermissionDenied("Only editors remove a change made.")
    change = get_object_or_404(
        StoryChange.objects.select_related("story__shared_service", "organisation"),
        story_id=story_id,
    )
    story = change.story
    form = StoryChangeRemoveForm(request.POST or None)
    if form.is_bound and form.is_valid():
        story_change_remove(editor=request.user, story=story, note=form.cleaned_data["note"])
        messages.success(request, f"The change made from “{story.title}” is removed.")
        return redirect(_story_url(story))
    return render(
        request,
        "community/stories/change_remove.html",
        {
            "change": change,
            "story": story,
            "service": story.shared_service,
            "form": form,
            "breadcrumbs": service_breadcrumbs(story.shared_service),
        },
    )


def _changes_page(
    request: HttpRequest, service: SharedService | None, breadcrumbs: list[dict[str, str]]
) -> HttpResponse:
    results = paginate(request, changes_made(service))
    return render(
        request,
        "community/stories/changes_made.html",
        {
            "service": service,
            "results": results,
            "pagination": pagination_links(request, results),
            "breadcrumbs": breadcrumbs,
        },
    )


@require_GET
def service_changes(request: HttpRequest, slug: str) -> HttpResponse:
    """The changes a shared service's providers made because of its stories."""
    service = get_object_or_404(SharedService, slug=slug)
    return _changes_page(request, service, service_breadcrumbs(service))


@require_GET
def all_changes(request: HttpRequest) -> HttpResponse:
    """Changes made because of stories, across every shared service."""
    return _changes_page(request, None, [{"text": "Home", "href": "/"}])


urlpatterns: list[URLPattern] = [
    path("stories/<int:story_id>/experienced/", story_weight_view, name="story_weight"),
    path("stories/<int:story_id>/change/", story_change_view, name="story_change"),
    path(
        "stories/<int:story_id>/change/remove/",
        story_change_remove_view,
        name="story_change_remove",
    ),
    path("services/<slug:slug>/changes/", service_changes, name="service_changes"),
    path("changes-made/", all_changes, name="changes_made"),
]
