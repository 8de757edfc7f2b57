"""Community pages: the list, one community with its threads, its members, joining and leaving."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET, require_POST

from commons.pagination import paginate, pagination_links
from community.forms.invitations import InvitationForm
from community.markdown import render_markdown
from community.models import Community, Membership
from community.selectors.communities import (
    CommunityAccess,
    communities_listed_for,
    community_access,
    invitations_for,
    invitations_waiting,
    members_of,
    requests_to_join,
)
from community.selectors.discussions import SORT_ACTIVITY, SORTS, thread_list
from community.selectors.events import upcoming_events
from community.services.communities import (
    membership_approve,
    membership_decline,
    membership_join,
    membership_leave,
)

THREADS_PER_PAGE = 20
EVENTS_LISTED = 10


@require_GET
def communities(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "community/communities/list.html",
        {
            "communities": communities_listed_for(request.user),
            "invitations": invitations_for(request.user),
        },
    )


def _known_community_or_404(request: HttpRequest, slug: str) -> tuple[Community, CommunityAccess]:
    """The community, unless it is private and this person may not read it: then, as far as they
    can tell, there is no such community (404, never 403)."""
    place = get_object_or_404(Community, slug=slug)
    access = community_access(request.user, place)
    if not access.can_know_exists:
        raise Http404("No community found.")
    return place, access


@require_GET
def community(request: HttpRequest, slug: str) -> HttpResponse:
    place, access = _known_community_or_404(request, slug)
    context = {
        "community": place,
        "access": access,
    }
    if access.can_read:
        context["rules_html"] = render_markdown(place.rules)
        sort = request.GET.get("sort", SORT_ACTIVITY)
        if sort not in SORTS:
            sort = SORT_ACTIVITY
        threads = paginate(
            request, thread_list(request.user, place, sort), per_page=THREADS_PER_PAGE
        )
        context.update(
            events=list(upcoming_events(place)[:EVENTS_LISTED]),
            threads=threads,
            sort=sort,
            sorts=SORTS,
            pagination=pagination_links(request, threads),
        )
    return render(request, "community/communities/community.html", context)


def members_page(
    request: HttpRequest,
    place: Community,
    access: CommunityAccess,
    invitation_form: InvitationForm | None = None,
) -> HttpResponse:
    """The members, and for moderators the requests to join, the invitations waiting and the
    form to invite someone (shown again with its errors when an invitation was refused)."""
    context = {
        "community": place,
        "access": access,
        "members": members_of(place),
        "moderator_ids": set(place.moderators.values_list("pk", flat=True)),
        "requests": requests_to_join(place) if access.can_moderate else [],
    }
    if access.can_moderate:
        context.update(
            invitations=invitations_waiting(place),
            invitation_form=invitation_form or InvitationForm(),
        )
    failed = invitation_form is not None and invitation_form.errors
    return render(
        request, "community/communities/members.html", context, status=400 if failed else 200
    )


@require_GET
def community_members(request: HttpRequest, slug: str) -> HttpResponse:
    place = get_object_or_404(Community, slug=slug)
    access = community_access(request.user, place)
    if not access.can_read:
        raise Http404("No community found.")
    return members_page(request, place, access)


@login_required
@require_POST
def community_join(request: HttpRequest, slug: str) -> HttpResponse:
    place, _access = _known_community_or_404(request, slug)
    membership = membership_join(user=request.user, community=place)
    if membership.status == Membership.Status.PENDING:
        messages.success(request, "You have asked to join. A moderator will look at your request.")
    else:
        messages.success(request, f"You have joined {place.name}.")
    return redirect(place.get_absolute_url())


@login_required
@require_POST
def community_leave(request: HttpRequest, slug: str) -> HttpResponse:
    place, _access = _known_community_or_404(request, slug)
    membership_leave(user=request.user, community=place)
    messages.success(request, f"You are no longer a member of {place.name}.")
    return redirect(place.get_absolute_url())


def _request_answer(request: HttpRequest, slug: str, membership_id: int, answer) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.select_related("community", "user"),
        pk=membership_id,
        community__slug=slug,
    )
    try:
        answer(moderator=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        verb = "approved" if answer is membership_approve else "declined"
        messages.success(request, f"You {verb} {membership.user.public_name}'s request.")
    return redirect("community:community_members", slug=slug)


@login_required
@require_POST
def membership_approve_view(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    return _request_answer(request, slug, membership_id, membership_approve)


@login_required
@require_POST
def membership_decline_view(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    return _request_answer(request, slug, membership_id, membership_decline)


urlpatterns: list[URLPattern] = [
    path("communities/", communities, name="communities"),
    path("communities/<slug:slug>/", community, name="community"),
    path("communities/<slug:slug>/members/", community_members, name="community_members"),
    path("communities/<slug:slug>/join/", community_join, name="community_join"),
    path("communities/<slug:slug>/leave/", community_leave, name="community_leave"),
    path(
        "communities/<slug:slug>/members/<int:membership_id>/approve/",
        membership_approve_view,
        name="membership_approve",
    ),
    path(
        "communities/<slug:slug>/members/<int:membership_id>/decline/",
        membership_decline_view,
        name="membership_decline",
    ),
]
