"""The API's filters: everything is named by slug, and a slug nobody uses is a 400 naming the
parameter and the slug, never an empty list that looks like "no results"."""

import django_filters
from django.db.models import QuerySet
from taggit.models import Tag

from knowledge.models import Organisation, Region, ServiceArea, SharedService

DATE_MESSAGE = "Enter the date as YYYY-MM-DD, for example 2025-04-01"


def _by_slug(queryset: QuerySet, what: str, **kwargs) -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        queryset=queryset,
        to_field_name="slug",
        error_messages={"invalid_choice": f"No {what} has the slug “%(value)s”"},
        **kwargs,
    )


def service_area_filter(**kwargs) -> django_filters.ModelChoiceFilter:
    return _by_slug(ServiceArea.objects.all(), "service area", **kwargs)


def organisation_filter(**kwargs) -> django_filters.ModelChoiceFilter:
    return _by_slug(Organisation.objects.all(), "organisation", **kwargs)


def tag_filter(**kwargs) -> django_filters.ModelChoiceFilter:
    return _by_slug(Tag.objects.all(), "tag", **kwargs)


def shared_service_filter(**kwargs) -> django_filters.ModelChoiceFilter:
    return _by_slug(SharedService.objects.all(), "shared service", **kwargs)


def region_filter(**kwargs) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        choices=Region.choices,
        error_messages={"invalid_choice": "No region has the slug “%(value)s”"},
        **kwargs,
    )


def updated_since_filter(field_name: str) -> django_filters.DateFilter:
    return django_filters.DateFilter(
        field_name=field_name,
        lookup_expr="date__gte",
        error_messages={"invalid": DATE_MESSAGE},
        help_text="Only what was published or changed on or after this date (YYYY-MM-DD).",
    )


class _PageFilterSet(django_filters.FilterSet):
    service_area = service_area_filter(field_name="service_areas")
    tag = tag_filter(field_name="tags")
    region = region_filter(method="in_region")
    updated_since = updated_since_filter("last_published_at")

    region_path = ""

    def in_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # A subquery of ids: two organisations of one region must not list the page twice.
        ids = queryset.model.objects.filter(**{self.region_path: value}).values("pk")
        return queryset.filter(pk__in=ids)


class CaseStudyFilterSet(_PageFilterSet):
    organisation = organisation_filter(field_name="organisations")
    region_path = "organisations__region"


class ResourceFilterSet(_PageFilterSet):
    organisation = organisation_filter(field_name="organisation")
    region_path = "organisation__region"


class OrganisationFilterSet(django_filters.FilterSet):
    region = region_filter(field_name="region")
    kind = django_filters.ChoiceFilter(
        choices=Organisation.Kind.choices,
        error_messages={"invalid_choice": "No kind of organisation is called “%(value)s”"},
    )


class SharedServiceFilterSet(django_filters.FilterSet):
    service_area = service_area_filter(field_name="service_area")
    organisation = organisation_filter(
        method="with_organisation", help_text="Led by this organisation or a partner in it."
    )
    region = region_filter(field_name="lead_organisation__region")
    status = django_filters.ChoiceFilter(
        choices=SharedService.Status.choices,
        error_messages={"invalid_choice": "No status is called “%(value)s”"},
    )

    def with_organisation(self, queryset: QuerySet, name: str, value: Organisation) -> QuerySet:
        ids = SharedService.objects.filter(partners=value).values("pk")
        return queryset.filter(lead_organisation=value) | queryset.filter(pk__in=ids)
