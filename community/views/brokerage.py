"""The brokerage pages: open offers and needs, posting and editing a listing, a listing's page
with its suggested matches, and expressing interest. Rules live in the services and selectors."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commons.forms import errors_add, form_error_list
from commons.pagination import paginate, pagination_links
from community.forms.brokerage import InterestForm, ListingFilterForm, ListingForm
from community.models import Listing
from community.permissions import can_express_interest, can_manage_listing, is_verified_officer
from community.selectors.brokerage import (
    interest_already_expressed,
    interests_visible_to,
    listing_for,
    listing_is_open,
    listing_state,
    listings_open_filtered,
    suggested_matches,
)
from community.services.brokerage import (
    interest_express,
    listing_close,
    listing_create,
    listing_edit,
)

HOME = {"text": "Home", "href": "/"}
BROKERAGE = {"text": "Brokerage", "href": "/brokerage/"}
OFFICERS_ONLY = (
    "Only verified officers can post listings and express interest. You become one by "
    "confirming an email address on your organisation's domain."
)


def _forbidden(request: HttpRequest, reason: str) -> HttpResponse:
    return render(
        request,
        "community/brokerage/forbidden.html",
        {"reason": reason, "breadcrumbs": [HOME, BROKERAGE]},
        status=403,
    )


def _listing_or_404(request: HttpRequest, pk: int) -> Listing:
    listing = listing_for(request.user, pk)
    if listing is None:
        raise Http404("No open listing has that number.")
    return listing


@require_GET
def listings(request: HttpRequest) -> HttpResponse:
    form = ListingFilterForm(request.GET)
    context: dict[str, Any] = {
        "form": form,
        "filters_applied": any(key != "page" for key in request.GET),
        "can_post": is_verified_officer(request.user),
        "breadcrumbs": [HOME],
        "results": None,
        "error_list": [],
    }
    if not form.is_valid():
        # Better no list than one that quietly ignores part of what was asked for.
        context["error_list"] = form_error_list(form)
        return render(request, "community/brokerage/list.html", context)
    results = paginate(request, listings_open_filtered(**form.cleaned_data))
    context.update(results=results, pagination=pagination_links(request, results))
    return render(request, "community/brokerage/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def listing_new(request: HttpRequest) -> HttpResponse:
    if not is_verified_officer(request.user):
        return _forbidden(request, OFFICERS_ONLY)
    if request.method == "POST":
        form = ListingForm(request.POST)
    else:
        form = ListingForm(initial=ListingForm.initial_for(request.user))
    if form.is_bound and form.is_valid():
        try:
            listing = listing_create(user=request.user, data=form.cleaned_data)
        except ValidationError as error:
            errors_add(form, error)
        else:
            return redirect(listing)
    return render(
        request,
        "community/brokerage/form.html",
        {
            "form": form,
            "listing": None,
            "organisation": request.user.verified_officer_of,
            "breadcrumbs": [HOME, BROKERAGE],
        },
    )


def _detail(
    request: HttpRequest, listing: Listing, interest_form: InterestForm | None = None
) -> HttpResponse:
    user = request.user
    is_open = listing_is_open(listing)
    context = {
        "listing": listing,
        "organisation": listing.organisation,
        "state": listing_state(listing),
        "is_open": is_open,
        "can_manage": can_manage_listing(user, listing),
        "is_closed": listing.status == Listing.Status.CLOSED,
        "matches": suggested_matches(listing) if is_open else [],
        "interests": interests_visible_to(user, listing),
        "can_express": is_open and can_express_interest(user, listing),
        "already_interested": interest_already_expressed(user, listing),
        "interest_form": interest_form or InterestForm(),
        "breadcrumbs": [HOME, BROKERAGE],
    }
    return render(request, "community/brokerage/detail.html", context)


@require_GET
def listing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _listing_or_404(request, pk))


@login_required
@require_POST
def listing_interest(request: HttpRequest, pk: int) -> HttpResponse:
    listing = _listing_or_404(request, pk)
    form = InterestForm(request.POST)
    if form.is_valid():
        try:
            interest_express(
                user=request.user, listing=listing, message=form.cleaned_data["message"]
            )
        except PermissionDenied as refusal:
            return _forbidden(request, str(refusal) or OFFICERS_ONLY)
        except ValidationError as error:
            errors_add(form, error)
        else:
            return redirect(reverse("community:listing", kwargs={"pk": listing.pk}) + "#interest")
    elif not can_express_interest(request.user, listing):
        return _forbidden(request, OFFICERS_ONLY)
    return _detail(request, listing, interest_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def listing_change(request: HttpRequest, pk: int) -> HttpResponse:
    listing = _listing_or_404(request, pk)
    if not can_manage_listing(request.user, listing):
        return _forbidden(request, "Only officers of the listing's organisation can change it.")
    if listing.status == Listing.Status.CLOSED:
        return _forbidden(request, "This listing is closed. Post a new one instead.")
    if request.method == "POST":
        form = ListingForm(request.POST)
    else:
        form = ListingForm(initial=ListingForm.initial_from(listing))
    if form.is_bound and form.is_valid():
        try:
            listing_edit(user=request.user, listing=listing, data=form.cleaned_data)
        except ValidationError as error:
            errors_add(form, error)
        else:
            return redirect(listing)
    return render(
        request,
        "community/brokerage/form.html",
        {
            "form": form,
            "listing": listing,
            "organisation": listing.organisation,
            "breadcrumbs": [HOME, BROKERAGE],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def listing_end(request: HttpRequest, pk: int) -> HttpResponse:
    listing = _listing_or_404(request, pk)
    if not can_manage_listing(request.user, listing):
        return _forbidden(request, "Only officers of the listing's organisation can close it.")
    if request.method == "POST":
        listing_close(user=request.user, listing=listing)
        return redirect(listing)
    return render(
        request,
        "community/brokerage/close.html",
        {"listing": listing, "breadcrumbs": [HOME, BROKERAGE]},
    )


urlpatterns: list[URLPattern] = [
    path("brokerage/", listings, name="listings"),
    path("brokerage/new/", listing_new, name="listing_new"),
    path("brokerage/<int:pk>/", listing_detail, name="listing"),
    path("brokerage/<int:pk>/interest/", listing_interest, name="listing_interest"),
    path("brokerage/<int:pk>/edit/", listing_change, name="listing_edit"),
    path("brokerage/<int:pk>/close/", listing_end, name="listing_close"),
]
