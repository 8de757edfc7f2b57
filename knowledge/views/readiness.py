"""An organisation's due-diligence profile: the page everyone reads (each reader sees the parts
they may) and the form its officers change it with."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_GET

from knowledge.listings import HOME
from knowledge.models import Organisation
from knowledge.readiness import (
    members_only_notice,
    profile_of,
    profile_seen_by,
)


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
            "meta_title": f"Due-diligence profile: {organisation.name}",
            "meta_description": f"What a partner would need to know about {organisation.name} "
            "first: systems, contracts, capacity, competencies and practices.",
            "breadcrumbs": _breadcrumbs(organisation),
        },
    )


urlpatterns: list[URLPattern] = [
    path("organisations/<slug:slug>/due-diligence/", profile, name="readiness_profile"),
]
