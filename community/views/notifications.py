"""Notifications on the site, watching, notification settings and one-click unsubscribing."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from community.forms.notifications import WatchSettingsForm
from community.models import Community, ContentStatus, Thread
from community.permissions import can_read
from community.selectors.moderation import content_url
from community.selectors.notifications import notifications_for, watches_of
from community.services.notifications import notifications_mark_all_read
from community.services.watches import (
    author_emails_set,
    contribution_emails_set,
    event_emails_set,
    participant_watching_set,
    unsubscribe,
    unsubscription_from_token,
    watch_frequencies_set,
    watch_start,
    watch_stop,
)

PER_PAGE = 50


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(notifications_for(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "community/notifications/list.html", {"page": page})


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    notifications_mark_all_read(user=request.user)
    return redirect("community:notifications")


def _watch_target(kind: str, pk: int) -> Community | Thread:
    if kind == "community":
        target = Community.objects.filter(pk=pk).first()
    elif kind == "thread":
        target = Thread.objects.select_related("community").filter(pk=pk).first()
    else:
        target = None
    if target is None:
        raise Http404("There is nothing here to watch.")
    return target


def _back(request: HttpRequest, target: Community | Thread) -> HttpResponse:
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(wanted)
    return redirect(content_url(target) or "community:notification_settings")


@login_required
@require_POST
def watch(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    target = _watch_target(kind, pk)
    community = target if isinstance(target, Community) else target.community
    if not can_read(request.user, community) or (
        isinstance(target, Thread) and target.status != ContentStatus.VISIBLE
    ):
        raise Http404("There is nothing here to watch.")
    if request.POST.get("action") == "unwatch":
        watch_stop(user=request.user, target=target)
    else:
        try:
            watch_start(user=request.user, target=target)
        except PermissionDenied as error:
            raise Http404("There is nothing here to watch.") from error
    return _back(request, target)


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request: HttpRequest) -> HttpResponse:
    watches = watches_of(request.user)
    data = request.POST if request.method == "POST" else None
    form = WatchSettingsForm(data, user=request.user, watches=watches)
    saved = False
    if form.is_bound and form.is_valid():
        participant_watching_set(
            user=request.user, watch_participated=form.cleaned_data["watch_participated"]
        )
        author_emails_set(
            user=request.user, email_about_own_posts=form.cleaned_data["email_about_own_posts"]
        )
        event_emails_set(user=request.user, emailed=form.cleaned_data["email_about_events"])
        watch_frequencies_set(user=request.user, frequencies=form.frequencies())
        contribution_emails_set(
            user=request.user, emailed=form.cleaned_data["contribution_decisions_emailed"]
        )
        saved = True
    return render(request, "community/notifications/settings.html", {"form": form, "saved": saved})


# Mail programs send the one-click POST (RFC 8058) without cookies or a CSRF token: the signed
# token in the address is what proves the request came from our email.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    unsubscription = unsubscription_from_token(token)
    if unsubscription is None:
        return render(request, "community/notifications/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        unsubscribe(unsubscription=unsubscription)
        return render(
            request,
            "community/notifications/unsubscribe_done.html",
            {"unsubscription": unsubscription},
        )
    return render(
        request,
        "community/notifications/unsubscribe_confirm.html",
        {"unsubscription": unsubscription, "token": token},
    )


urlpatterns: list[URLPattern] = [
    path("notifications/", notification_list, name="notifications"),
    path("notifications/read/", notifications_read_all, name="notifications_read_all"),
    path("notifications/settings/", notification_settings, name="notification_settings"),
    path("notifications/watch/<str:kind>/<int:pk>/", watch, name="watch"),
    path("notifications/unsubscribe/<str:token>/", unsubscribe_view, name="unsubscribe"),
]
