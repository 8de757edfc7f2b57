"""Event pages: one event with Sign up / Cancel my place, adding and changing events for
moderators, "Your events", and the calendar feeds."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commons.forms import errors_add
from community.calendar import calendar_of
from community.forms.events import EventForm
from community.markdown import render_markdown
from community.models import Community, Event, EventFeed
from community.permissions import can_sign_up
from community.selectors.communities import CommunityAccess, community_access
from community.selectors.events import (
    event_in,
    events_signed_up_for,
    public_feed_events,
    signed_up_event_ids,
)
from community.services.events import (
    EventFull,
    event_cancel,
    event_create,
    event_feed_for,
    event_feed_reset,
    event_update,
    signup_cancel,
    signup_create,
)


def _readable_community(request: HttpRequest, slug: str) -> tuple[Community, CommunityAccess]:
    """Events are as readable as their community; to anyone else they do not exist (404)."""
    place = get_object_or_404(Community, slug=slug)
    access = community_access(request.user, place)
    if not access.can_read:
        raise Http404("No event found.")
    return place, access


def _event(request: HttpRequest, slug: str, event_id: int) -> tuple[Event, CommunityAccess]:
    place, access = _readable_community(request, slug)
    event = event_in(place, event_id)
    if event is None:
        raise Http404("No event found.")
    return event, access


@require_GET
def event_page(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    event, access = _event(request, slug, event_id)
    return render(
        request,
        "community/events/event.html",
        {
            "community": event.community,
            "event": event,
            "access": access,
            "description_html": render_markdown(event.description_markdown),
            "signed_up": bool(signed_up_event_ids(request.user, [event])),
            "may_sign_up": access.has_verified_email and access.can_read,
        },
    )


def _event_form_page(
    request: HttpRequest, place: Community, form: EventForm, event: Event | None
) -> HttpResponse:
    return render(
        request,
        "community/events/form.html",
        {"community": place, "form": form, "event": event},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_new(request: HttpRequest, slug: str) -> HttpResponse:
    place, access = _readable_community(request, slug)
    if not access.can_moderate:
        raise PermissionDenied("Only this community's moderators can add events.")
    form = EventForm(request.POST or None)
    if form.is_bound and form.is_valid():
        try:
            event = event_create(community=place, by=request.user, **form.event_fields())
        except ValidationError as error:
            errors_add(form, error)
        else:
            messages.success(request, f"You added “{event.title}”.")
            return redirect(event.get_absolute_url())
    return _event_form_page(request, place, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    event, access = _event(request, slug, event_id)
    if not access.can_moderate:
        raise PermissionDenied("Only this community's moderators can change its events.")
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event))
    if form.is_bound and form.is_valid():
        try:
            event_update(event=event, by=request.user, **form.event_fields())
        except ValidationError as error:
            errors_add(form, error)
        else:
            messages.success(request, "You saved the event.")
            return redirect(event.get_absolute_url())
    return _event_form_page(request, event.community, form, event)


@login_required
@require_POST
def event_cancel_view(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    event, access = _event(request, slug, event_id)
    if not access.can_moderate:
        raise PermissionDenied("Only this community's moderators can cancel its events.")
    event_cancel(event=event, by=request.user)
    messages.success(request, "You cancelled the event. Everyone with a place has been told.")
    return redirect(event.get_absolute_url())


@require_POST
def event_signup_view(request: HttpRequest, slug: str, event_id: int) -> HttpResponse:
    """Sign up, or give up a place (action=cancel): plain forms, no JavaScript needed."""
    event, _access = _event(request, slug, event_id)
    if not request.user.is_authenticated:
        # Back to the event after signing in, not to this address, which only takes a POST.
        return redirect(f"{reverse('account_login')}?next={quote(event.get_absolute_url())}")
    if request.POST.get("action") == "cancel":
        if signup_cancel(event=event, person=request.user):
            messages.success(request, "You cancelled your place.")
        return redirect(event.get_absolute_url())
    if not can_sign_up(request.user, event.community):
        raise PermissionDenied("Confirm your email address to sign up for events.")
    try:
        signup_create(event=event, person=request.user)
    except EventFull:
        messages.error(request, "Sorry, this event is full.")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "You have a place. It is on your events page.")
    return redirect(event.get_absolute_url())


@login_required
@require_GET
def your_events(request: HttpRequest) -> HttpResponse:
    events = list(events_signed_up_for(request.user))
    feed = event_feed_for(request.user)
    return render(
        request,
        "community/events/yours.html",
        {"events": events, "feed_url": request.build_absolute_uri(feed.get_absolute_url())},
    )


@login_required
@require_POST
def event_feed_reset_view(request: HttpRequest) -> HttpResponse:
    event_feed_reset(request.user)
    messages.success(
        request, "Your calendar address has changed. Add the new one to your calendar app."
    )
    return redirect("community:your_events")


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A feed may name members-only events: no shared cache may keep it.
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def community_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """A public community's events for anyone; a members-only or private one's for its readers
    only (calendar apps cannot sign in, so those use their personal feed)."""
    place, _access = _readable_community(request, slug)
    return _ics(calendar_of(public_feed_events(place), name=place.name), f"{place.slug}.ics")


@require_GET
def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The events a person signed up for and may still read; the token is the key."""
    feed = get_object_or_404(EventFeed.objects.select_related("person"), token=token)
    if not feed.person.is_active:
        raise Http404("No calendar found.")
    events = events_signed_up_for(feed.person, upcoming_only=False)
    return _ics(calendar_of(events, name="My Commons events"), "my-commons-events.ics")


urlpatterns: list[URLPattern] = [
    path("events/", your_events, name="your_events"),
    path("events/feed/reset/", event_feed_reset_view, name="event_feed_reset"),
    path("events/feed/<str:token>.ics", personal_feed, name="event_feed_personal"),
    path("communities/<slug:slug>/events.ics", community_feed, name="community_event_feed"),
    path("communities/<slug:slug>/events/new/", event_new, name="event_new"),
    path("communities/<slug:slug>/events/<int:event_id>/", event_page, name="event"),
    path("communities/<slug:slug>/events/<int:event_id>/edit/", event_edit, name="event_edit"),
    path(
        "communities/<slug:slug>/events/<int:event_id>/cancel/",
        event_cancel_view,
        name="event_cancel",
    ),
    path(
        "communities/<slug:slug>/events/<int:event_id>/sign-up/",
        event_signup_view,
        name="event_signup",
    ),
]
