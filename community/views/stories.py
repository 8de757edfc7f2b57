"""Rate and narrate: the story form, its confirmation, and the provider's public answer."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_GET, require_http_methods

from commons.forms import errors_add
from community.forms.stories import ServiceFinderForm, StoryForm, StoryResponseForm
from community.models import ContentStatus, Story
from community.permissions import can_respond_to_story, has_verified_email
from community.selectors.stories import (
    communities_moderating_stories_of,
    services_to_tell_about,
)
from community.services.stories import next_story_allowed_on, story_respond, story_submit
from knowledge.models import SharedService


def service_breadcrumbs(service: SharedService) -> list[dict[str, str]]:
    return [
        {"text": "Home", "href": "/"},
        {"text": "Shared services", "href": reverse("knowledge:shared_services")},
        {"text": service.name, "href": service.get_absolute_url()},
    ]


@require_GET
def tell_us(request: HttpRequest) -> HttpResponse:
    """The way in for citizens: every shared service, found by its name or its council's."""
    form = ServiceFinderForm(request.GET)
    words = form.cleaned_data["q"] if form.is_valid() else ""
    return render(
        request,
        "community/stories/tell_us.html",
        {
            "form": form,
            "words": words,
            "services": list(services_to_tell_about(words)) if form.is_valid() else None,
            "breadcrumbs": [{"text": "Home", "href": "/"}],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def story_new(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(SharedService, slug=slug)
    context = {"service": service, "breadcrumbs": service_breadcrumbs(service)}
    if not has_verified_email(request.user):
        return render(request, "community/stories/verify_email.html", context, status=403)
    if request.method == "GET":
        # Say so before they write it all, not after (the service checks again on sending).
        allowed_on = next_story_allowed_on(user=request.user, shared_service=service)
        if allowed_on is not None:
            return render(
                request, "community/stories/too_soon.html", {**context, "allowed_on": allowed_on}
            )
    form = StoryForm(request.POST) if request.method == "POST" else StoryForm()
    if form.is_bound and form.is_valid():
        try:
            story = story_submit(user=request.user, shared_service=service, data=form.cleaned_data)
        except ValidationError as error:
            errors_add(form, error)
        else:
            return redirect("community:story_sent", story_id=story.pk)
    return render(
        request,
        "community/stories/story_form.html",
        {**context, "form": form, "moderating": communities_moderating_stories_of(service)},
    )


@login_required
@require_GET
def story_sent(request: HttpRequest, story_id: int) -> HttpResponse:
    story = get_object_or_404(
        Story.objects.select_related("shared_service"), pk=story_id, author=request.user
    )
    return render(
        request,
        "community/stories/sent.html",
        {"story": story, "service": story.shared_service},
    )


@login_required
@require_http_methods(["GET", "POST"])
def story_respond_view(request: HttpRequest, story_id: int) -> HttpResponse:
    story = get_object_or_404(
        Story.objects.select_related("shared_service", "author"),
        pk=story_id,
        status=ContentStatus.VISIBLE,
    )
    if not can_respond_to_story(request.user, story):
        raise PermissionDenied("Only officers of the organisations providing the service answer.")
    # A missing one-to-one answer raises an AttributeError subclass, so getattr's default works.
    existing = getattr(story, "response", None)
    if request.method == "POST":
        form = StoryResponseForm(request.POST)
    else:
        form = StoryResponseForm(initial={"body": existing.body_markdown if existing else ""})
    if form.is_bound and form.is_valid():
        try:
            story_respond(user=request.user, story=story, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error("body", error.messages)
        else:
            return redirect(f"{story.shared_service.get_absolute_url()}#story-{story.pk}")
    return render(
        request,
        "community/stories/respond_form.html",
        {
            "story": story,
            "service": story.shared_service,
            "form": form,
            "editing": existing is not None,
            "breadcrumbs": service_breadcrumbs(story.shared_service),
        },
    )


urlpatterns: list[URLPattern] = [
    path("tell-us/", tell_us, name="tell_us"),
    path("services/<slug:slug>/stories/new/", story_new, name="story_new"),
    path("stories/<int:story_id>/sent/", story_sent, name="story_sent"),
    path("stories/<int:story_id>/respond/", story_respond_view, name="story_respond"),
]
