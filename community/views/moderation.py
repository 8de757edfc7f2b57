"""Reporting content, and the moderation queue where moderators and editors act on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from community.forms.moderation import FlagForm, ModerationActionForm
from community.permissions import can_flag, can_set_trust_level
from community.selectors.moderation import (
    KIND_LABELS,
    QUEUE_PER_PAGE,
    can_use_queue,
    content_find,
    content_title,
    content_url,
    content_visible_to,
    flag_by,
    moderation_queue_for,
)
from community.services.moderation import (
    CANNOT_REPORT_OWN,
    action_done_message,
    actions_for,
    flag_create,
    moderation_act,
)


def _visible_content_or_404(request: HttpRequest, kind: str, pk: int):
    content = content_find(kind, pk)
    # Something you cannot see is not there, as far as you can tell.
    if content is None or not content_visible_to(request.user, content):
        raise Http404("There is nothing here to report.")
    return content


@login_required
@require_http_methods(["GET", "POST"])
def flag(request: HttpRequest, content_type: str, pk: int) -> HttpResponse:
    content = _visible_content_or_404(request, content_type, pk)
    if not can_flag(request.user, content):
        raise PermissionDenied(CANNOT_REPORT_OWN)
    context = {
        "content": content,
        "kind": content_type,
        "kind_label": KIND_LABELS[content_type].lower(),
        "title": content_title(content),
        "url": content_url(content),
    }
    if flag_by(request.user, content) is not None:
        return render(request, "community/moderation/flag_already.html", context)
    form = FlagForm(request.POST) if request.method == "POST" else FlagForm()
    if form.is_bound and form.is_valid():
        try:
            flag_create(
                reporter=request.user,
                content=content,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except ValidationError:
            return render(request, "community/moderation/flag_already.html", context)
        return render(request, "community/moderation/flag_sent.html", context)
    return render(request, "community/moderation/flag_form.html", {**context, "form": form})


@login_required
@require_GET
def moderation_queue(request: HttpRequest) -> HttpResponse:
    if not can_use_queue(request.user):
        raise PermissionDenied("Only moderators and editors can see the moderation queue.")
    queue = moderation_queue_for(request.user)
    page = Paginator([*queue.flagged, *queue.pending], QUEUE_PER_PAGE).get_page(
        request.GET.get("page")
    )
    for item in page:
        item.actions = actions_for(item.content)
    return render(
        request,
        "community/moderation/queue.html",
        {
            "queue": queue,
            "page": page,
            "flagged": [item for item in page if item.flags],
            "pending": [item for item in page if not item.flags],
            "may_set_trust": can_set_trust_level(request.user),
        },
    )


@login_required
@require_POST
def moderation_act_view(request: HttpRequest, content_type: str, pk: int) -> HttpResponse:
    content = content_find(content_type, pk)
    if content is None:
        raise Http404("There is nothing here to moderate.")
    form = ModerationActionForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "community/moderation/action_problem.html",
            {"problem": "Choose one of the actions on the moderation queue."},
            status=400,
        )
    try:
        moderation_act(
            moderator=request.user,
            content=content,
            action=form.cleaned_data["action"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        return render(
            request,
            "community/moderation/action_problem.html",
            {"problem": " ".join(error.messages)},
            status=400,
        )
    messages.success(request, action_done_message(content, form.cleaned_data["action"]))
    return redirect("community:moderation_queue")


urlpatterns: list[URLPattern] = [
    path("flag/<str:content_type>/<int:pk>/", flag, name="flag"),
    path("moderation/", moderation_queue, name="moderation_queue"),
    path(
        "moderation/<str:content_type>/<int:pk>/",
        moderation_act_view,
        name="moderation_act",
    ),
]
