"""The knowledge endpoints: thin read-only viewsets over the public selectors."""

from django.db.models import Prefetch, QuerySet
from rest_framework import viewsets
from wagtail.query import PageQuerySet

from knowledge import queries
from knowledge.api import filters, serializers
from knowledge.models import CaseStudyPage, Organisation, ResourcePage, SharedService


class CaseStudyViewSet(viewsets.ReadOnlyModelViewSet):
    """Published case studies outside any private section, newest first."""

    serializer_class = serializers.CaseStudySerializer
    filterset_class = filters.CaseStudyFilterSet

    def get_queryset(self) -> PageQuerySet:
        if getattr(self, "swagger_fake_view", False):
            # Describing the schema: `public()` would read the database to build this.
            return CaseStudyPage.objects.none()
        return (
            queries.live_case_studies()
            .prefetch_related("organisations", "service_areas", "tags")
            .order_by("-first_published_at", "pk")
        )


class ResourceViewSet(viewsets.ReadOnlyModelViewSet):
    """Published resources outside any private section, newest first."""

    serializer_class = serializers.ResourceSerializer
    filterset_class = filters.ResourceFilterSet

    def get_queryset(self) -> PageQuerySet:
        if getattr(self, "swagger_fake_view", False):
            return ResourcePage.objects.none()
        return (
            queries.live_resources()
            .select_related("organisation", "document")
            .prefetch_related("service_areas", "tags")
            .order_by("-first_published_at", "pk")
        )


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """Every organisation in the network, by name."""

    serializer_class = serializers.OrganisationSerializer
    filterset_class = filters.OrganisationFilterSet
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Organisation]:
        return Organisation.objects.order_by("name")


class SharedServiceViewSet(viewsets.ReadOnlyModelViewSet):
    """The catalogue of shared services, by name."""

    serializer_class = serializers.SharedServiceSerializer
    filterset_class = filters.SharedServiceFilterSet
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[SharedService]:
        return (
            SharedService.objects.select_related("lead_organisation", "service_area")
            .prefetch_related(Prefetch("partners", queryset=Organisation.objects.order_by("name")))
            .order_by("name", "pk")
        )
