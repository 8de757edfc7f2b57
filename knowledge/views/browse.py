"""Browsing the knowledge base: tags, organisations, service areas and shared services (the case
study and resource lists are their index pages: see knowledge.listings). Views only read the
request, call selectors and render."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from taggit.models import Tag

from commons.forms import form_error_list
from knowledge import charts, queries
from knowledge.extensions import shared_service_panels
from knowledge.filters import OrganisationFilter, SharedServiceFilter
from knowledge.listings import HOME
from knowledge.models import Organisation, ServiceArea, SharedService
from knowledge.readiness import can_change_profile

NEWEST_ON_DETAIL_PAGES = 10  # the rest are a link away, in the filtered list


def newest_few(name: str, pages) -> dict[str, Any]:
    """The first few of a newest-first list, and how many there are in all."""
    return {name: list(pages[:NEWEST_ON_DETAIL_PAGES]), f"{name}_count": pages.count()}


# Tags


def tags(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/browse/tags.html",
        {
            "tags": queries.tags_with_counts(),
            "meta_title": "Tags",
            "meta_description": "Every tag on the network's case studies and resources.",
            "breadcrumbs": [HOME],
        },
    )


def tag(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    # The newest few of each kind: a popular tag can carry thousands (see BENCHMARKS.md); the
    # rest are a link away in the paginated, filtered lists.
    tagged = {
        **newest_few("case_studies", queries.tagged_case_studies(tag)),
        **newest_few("resources", queries.tagged_resources(tag)),
    }
    if not tagged["case_studies_count"] and not tagged["resources_count"]:
        # A tag only drafts carry is nobody's business yet.
        raise Http404("No published page carries this tag.")
    return render(
        request,
        "knowledge/browse/tag.html",
        {
            "tag": tag,
            **tagged,
            "meta_title": f"Tagged “{tag.name}”",
            "meta_description": f"Case studies and resources tagged “{tag.name}”.",
            "breadcrumbs": [HOME, {"text": "Tags", "href": reverse("knowledge:tags")}],
        },
    )


# Organisations


KIND_HEADINGS = {
    Organisation.Kind.COUNCIL: "Councils",
    Organisation.Kind.PARTNERSHIP: "Partnerships of councils",
    Organisation.Kind.PARTNER: "Partner organisations",
    Organisation.Kind.VOLUNTARY: "Voluntary and community bodies",
}


def group_by_kind(organisations) -> list[tuple[str, list[Organisation]]]:
    """Consecutive organisations of one kind under one heading (they come sorted by kind)."""
    groups: list[tuple[str, list[Organisation]]] = []
    for organisation in organisations:
        heading = KIND_HEADINGS.get(organisation.kind, organisation.get_kind_display())
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append(organisation)
    return groups


def organisations(request: HttpRequest) -> HttpResponse:
    filterset = OrganisationFilter(request.GET, queryset=Organisation.objects.all())
    valid = filterset.is_valid()
    return render(
        request,
        "knowledge/browse/organisations.html",
        {
            "filter": filterset,
            "form": filterset.form,
            "error_list": [] if valid else form_error_list(filterset.form),
            "organisation_groups": (
                group_by_kind(queries.organisations_for_directory(organisations=filterset.qs))
                if valid
                else None
            ),
            "filters_applied": bool(request.GET),
            "meta_title": "Organisations",
            "meta_description": "Councils, partnerships and partners sharing what works.",
            "breadcrumbs": [HOME],
        },
    )


def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(
        request,
        "knowledge/browse/organisation.html",
        {
            "organisation": organisation,
            **newest_few("case_studies", queries.case_studies_by(organisation)),
            **newest_few("resources", queries.resources_from(organisation)),
            "shared_services": list(queries.shared_services_involving(organisation)),
            "can_change_profile": can_change_profile(request.user, organisation),
            "meta_title": organisation.name,
            "meta_description": organisation.summary
            or f"Case studies, resources and shared services of {organisation.name}.",
            "breadcrumbs": [
                HOME,
                {"text": "Organisations", "href": reverse("knowledge:organisations")},
            ],
        },
    )


# Service areas


def service_areas(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/browse/service_areas.html",
        {
            "service_areas": queries.service_areas_with_counts(),
            "meta_title": "Service areas",
            "meta_description": "The areas of council work the network's case studies cover.",
            "breadcrumbs": [HOME],
        },
    )


def service_area(request: HttpRequest, slug: str) -> HttpResponse:
    area = get_object_or_404(ServiceArea, slug=slug)
    reported = queries.reported_savings_in(area)
    chart = charts.horizontal_bar_chart(
        [(page.title, page.annual_savings_pounds) for page in reported]
    )
    return render(
        request,
        "knowledge/browse/service_area.html",
        {
            "area": area,
            **newest_few("case_studies", queries.case_studies_in(area)),
            **newest_few("resources", queries.resources_in(area)),
            "shared_services": list(queries.shared_services_in(area)),
            "savings_chart": chart if reported else None,
            "savings_chart_description": charts.case_study_savings_description(chart),
            "reported_savings": reported,
            "meta_title": area.name,
            "meta_description": area.description
            or f"Case studies, resources and shared services in {area.name}.",
            "breadcrumbs": [
                HOME,
                {"text": "Service areas", "href": reverse("knowledge:service_areas")},
            ],
        },
    )


# Shared services


def shared_services(request: HttpRequest) -> HttpResponse:
    filterset = SharedServiceFilter(request.GET, queryset=SharedService.objects.all())
    valid = filterset.is_valid()
    return render(
        request,
        "knowledge/browse/shared_services.html",
        {
            "filter": filterset,
            "form": filterset.form,
            "error_list": [] if valid else form_error_list(filterset.form),
            "shared_services": (
                queries.shared_services_for_directory(services=filterset.qs) if valid else None
            ),
            "filters_applied": bool(request.GET),
            "meta_title": "Shared services",
            "meta_description": "The services councils and their partners run together.",
            "breadcrumbs": [HOME],
        },
    )


def shared_service(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(
        SharedService.objects.select_related("lead_organisation", "service_area"), slug=slug
    )
    return render(
        request,
        "knowledge/browse/shared_service.html",
        {
            "service": service,
            "partners": queries.shared_service_partners(service),
            "case_studies": list(queries.case_studies_related_to(service)),
            "panels": shared_service_panels(request, service),
            "meta_title": service.name,
            "meta_description": service.description
            or f"A shared service led by {service.lead_organisation.name}.",
            "breadcrumbs": [
                HOME,
                {"text": "Shared services", "href": reverse("knowledge:shared_services")},
            ],
        },
    )


urlpatterns: list[URLPattern] = [
    path("tags/", tags, name="tags"),
    # Not the slug converter: taggit keeps non-ASCII letters in tag slugs.
    path("tags/<str:slug>/", tag, name="tag"),
    path("organisations/", organisations, name="organisations"),
    path("organisations/<slug:slug>/", organisation, name="organisation"),
    path("service-areas/", service_areas, name="service_areas"),
    path("service-areas/<slug:slug>/", service_area, name="service_area"),
    path("services/", shared_services, name="shared_services"),
    path("services/<slug:slug>/", shared_service, name="shared_service"),
]
