"""Invitations into private communities: moderators invite and cancel; the invited person follows
the emailed link and accepts. A link that cannot be used gets a plain page saying why."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_http_methods, require_POST

from commons.forms import errors_add
from community.forms.invitations import InvitationForm
from community.models import Community, Invitation
from community.selectors.communities import community_access
from community.services.invitations import (
    invitation_accept,
    invitation_cancel,
    invitation_problem,
    invitation_send,
)
from community.views.communities import members_page

# How each problem reads, and its status: a used or expired link is gone for good (410); a link
# meant for another address is refused (403). None of them names the community: the person
# holding the link may not be the one it was for.
PROBLEM_STATUS = {"used": 410, "expired": 410, "wrong_person": 403, "unconfirmed": 403}


def _moderated_community_or_404(request: HttpRequest, slug: str):
    place = get_object_or_404(Community, slug=slug)
    access = community_access(request.user, place)
    if not access.can_read:
        raise Http404("No community found.")
    if not access.can_moderate:
        raise PermissionDenied("Only this community's moderators invite people.")
    return place, access


@login_required
@require_POST
def invitation_new(request: HttpRequest, slug: str) -> HttpResponse:
    place, access = _moderated_community_or_404(request, slug)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = invitation_send(
                moderator=request.user, community=place, email=form.cleaned_data["email"]
            )
        except ValidationError as error:
            errors_add(form, error)
        else:
            messages.success(request, f"We have emailed an invitation to {invitation.email}.")
            return redirect("community:community_members", slug=slug)
    return members_page(request, place, access, invitation_form=form)


@login_required
@require_POST
def invitation_cancel_view(request: HttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    place, _access = _moderated_community_or_404(request, slug)
    invitation = get_object_or_404(Invitation, pk=invitation_id, community=place)
    try:
        invitation_cancel(moderator=request.user, invitation=invitation)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"You cancelled the invitation for {invitation.email}.")
    return redirect("community:community_members", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what the invitation is for; POST accepts it (a link scanner's GET must not)."""
    found = Invitation.objects.select_related("community", "invited_by").filter(token=token)
    invite = found.first()
    if invite is None:
        return _problem(request, "missing", status=404)
    problem = invitation_problem(user=request.user, invitation=invite)
    if problem:
        return _problem(request, problem, status=PROBLEM_STATUS[problem])
    if request.method == "POST":
        try:
            invitation_accept(user=request.user, invitation=invite)
        except ValidationError as error:  # used or cancelled since the page was shown
            return _problem(request, error.code, status=PROBLEM_STATUS.get(error.code, 410))
        messages.success(request, f"You are now a member of {invite.community.name}.")
        return redirect(invite.community.get_absolute_url())
    return render(request, "community/invitations/accept.html", {"invitation": invite})


def _problem(request: HttpRequest, problem: str, *, status: int) -> HttpResponse:
    return render(
        request, "community/invitations/problem.html", {"problem": problem}, status=status
    )


urlpatterns: list[URLPattern] = [
    path("communities/<slug:slug>/invitations/", invitation_new, name="invitation_new"),
    path(
        "communities/<slug:slug>/invitations/<int:invitation_id>/cancel/",
        invitation_cancel_view,
        name="invitation_cancel",
    ),
    path("invitations/<str:token>/", invitation, name="invitation"),
]
