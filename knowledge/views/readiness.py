"""An organisation's due-diligence profile: the page everyone reads (each reader sees the parts
they may) and the form its officers change it with."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_GET, require_http_methods

from knowledge.listings import HOME
from knowledge.models import Organisation
from knowledge.models.readiness import ReadinessProfile
from knowledge.readiness import (
    can_change_profile,
    members_only_notice,
    profile_of,
    profile_seen_by,
)
from knowledge.readiness_forms import profile_error_list, profile_forms, with_one_more_row
from knowledge.services.readiness import profile_save


def _breadcrumbs(organisation: Organisation) -> list[dict[str, str]]:
    return [
        HOME,
        {"text": "Organisations", "href": reverse("knowledge:organisations")},
        {"text": organisation.name, "href": organisation.get_absolute_url()},
    ]


@require_GET
def profile(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    found = profile_of(organisation)
    seen = profile_seen_by(found, request.user) if found else None
    return render(
        request,
        "knowledge/readiness/profile.html",
        {
            "organisation": organisation,
            "seen": seen,
            "members_only_notice": members_only_notice(seen.hidden_parts) if seen else "",
            "can_change": can_change_profile(request.user, organisation),
            "meta_title": f"Due-diligence profile: {organisation.name}",
            "meta_description": f"What a partner would need to know about {organisation.name} "
            "first: systems, contracts, capacity, competencies and practices.",
            "breadcrumbs": _breadcrumbs(organisation),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not can_change_profile(request.user, organisation):
        raise PermissionDenied(
            f"Only verified officers of {organisation.name} and editors can change its "
            "due-diligence profile."
        )
    profile = profile_of(organisation) or ReadinessProfile(organisation=organisation)
    add_row = request.POST.get("add_row") if request.method == "POST" else None
    data = None
    if request.method == "POST":
        data = with_one_more_row(request.POST, add_row) if add_row else request.POST
    form, row_formsets = profile_forms(profile, data)
    saving = request.method == "POST" and not add_row
    if saving and form.is_valid() and all(rows.is_valid() for rows in row_formsets.values()):
        profile_save(user=request.user, form=form, row_formsets=row_formsets)
        messages.success(request, "Your due-diligence profile has been saved.")
        return redirect("knowledge:readiness_profile", slug=organisation.slug)
    return render(
        request,
        "knowledge/readiness/edit.html",
        {
            "organisation": organisation,
            "form": form,
            "row_formsets": row_formsets,
            # Adding a row checks the rows typed so far too: what it finds is summarised.
            "error_list": profile_error_list(form, row_formsets) if data is not None else [],
            "breadcrumbs": [
                *_breadcrumbs(organisation),
                {"text": "Due-diligence profile", "href": _profile_url(organisation)},
            ],
        },
    )


def _profile_url(organisation: Organisation) -> str:
    return reverse("knowledge:readiness_profile", kwargs={"slug": organisation.slug})


urlpatterns: list[URLPattern] = [
    path("organisations/<slug:slug>/due-diligence/", profile, name="readiness_profile"),
    path(
        "organisations/<slug:slug>/due-diligence/edit/",
        profile_edit,
        name="readiness_profile_edit",
    ),
]
