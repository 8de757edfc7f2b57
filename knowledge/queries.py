"""Selectors: what the public may read from the knowledge base, and how lists of it are cut.

Every public list starts from `live_case_studies()` or `live_resources()`, so drafts and pages in
private sections never reach a listing, a tag page, a feed or a sitemap.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.db.models import Case, Count, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from taggit.models import Tag
from wagtail.query import PageQuerySet

from knowledge.models import (
    CaseStudyPage,
    LegalPage,
    Organisation,
    ResourcePage,
    ServiceArea,
    SharedService,
)

FEED_SIZE = 50


class CaseStudySort(models.TextChoices):
    NEWEST = "newest", "Newest first"
    TITLE = "title", "Title (A to Z)"
    SAVINGS = "savings", "Largest annual savings"


class ResourceSort(models.TextChoices):
    NEWEST = "newest", "Newest first"
    TITLE = "title", "Title (A to Z)"


@dataclass(frozen=True)
class CaseStudyCriteria:
    """What someone asked of the case study list. Empty means "any"; filters combine with AND,
    and several values of one filter (two service areas, say) combine with OR."""

    service_areas: Sequence[ServiceArea] = ()
    organisation: Organisation | None = None
    tag: Tag | None = None
    stages: Sequence[str] = ()
    savings_min: Decimal | None = None
    savings_max: Decimal | None = None
    percent_min: Decimal | None = None
    percent_max: Decimal | None = None
    sort: str = CaseStudySort.NEWEST


@dataclass(frozen=True)
class ResourceCriteria:
    kinds: Sequence[str] = ()
    service_areas: Sequence[ServiceArea] = ()
    organisation: Organisation | None = None
    tag: Tag | None = None
    licence: str = ""
    sort: str = ResourceSort.NEWEST


def live_case_studies() -> PageQuerySet:
    """Published case studies outside any private section: what anyone may read."""
    return CaseStudyPage.objects.live().public()


def live_resources() -> PageQuerySet:
    """Published resources outside any private section."""
    return ResourcePage.objects.live().public()


def _case_study_ids(**lookups) -> QuerySet:
    # A subquery of ids rather than a join, so a page matching two values is listed once
    # without DISTINCT (which fights with ordering by annotations).
    return CaseStudyPage.objects.filter(**lookups).values("pk")


def _resource_ids(**lookups) -> QuerySet:
    return ResourcePage.objects.filter(**lookups).values("pk")


def case_studies_for_listing(
    criteria: CaseStudyCriteria, *, pages: PageQuerySet | None = None
) -> PageQuerySet:
    """The live case studies matching `criteria`, sorted, with what a result line shows."""
    pages = live_case_studies() if pages is None else pages
    if criteria.service_areas:
        pages = pages.filter(pk__in=_case_study_ids(service_areas__in=criteria.service_areas))
    if criteria.organisation is not None:
        pages = pages.filter(pk__in=_case_study_ids(organisations=criteria.organisation))
    if criteria.tag is not None:
        pages = pages.filter(pk__in=_case_study_ids(tags=criteria.tag))
    if criteria.stages:
        pages = pages.filter(stage__in=criteria.stages)
    pages = _within_range(
        pages, "annual_savings_pounds", criteria.savings_min, criteria.savings_max
    )
    pages = _within_range(pages, "savings_percent", criteria.percent_min, criteria.percent_max)
    return sort_case_studies(pages, criteria.sort).prefetch_related("organisations")


def _within_range(
    pages: PageQuerySet, field: str, low: Decimal | None, high: Decimal | None
) -> PageQuerySet:
    # A case study that did not report the figure cannot be shown to meet a range on it.
    if low is not None:
        pages = pages.filter(**{f"{field}__gte": low})
    if high is not None:
        pages = pages.filter(**{f"{field}__lte": high})
    return pages


def sort_case_studies(pages: PageQuerySet, sort: str) -> PageQuerySet:
    if sort == CaseStudySort.TITLE:
        return pages.order_by("title", "pk")
    if sort == CaseStudySort.SAVINGS:
        # Case studies that reported no savings go last, not first (PostgreSQL puts NULL first
        # in a descending sort).
        return pages.order_by(
            F("annual_savings_pounds").desc(nulls_last=True), "-first_published_at", "pk"
        )
    return newest_first(pages)


def newest_first(pages: PageQuerySet) -> PageQuerySet:
    return pages.order_by(F("first_published_at").desc(nulls_last=True), "-pk")


def resources_for_listing(
    criteria: ResourceCriteria, *, pages: PageQuerySet | None = None
) -> PageQuerySet:
    """The live resources matching `criteria`, sorted, with what a result line shows."""
    pages = live_resources() if pages is None else pages
    if criteria.kinds:
        pages = pages.filter(kind__in=criteria.kinds)
    if criteria.service_areas:
        pages = pages.filter(pk__in=_resource_ids(service_areas__in=criteria.service_areas))
    if criteria.organisation is not None:
        pages = pages.filter(organisation=criteria.organisation)
    if criteria.tag is not None:
        pages = pages.filter(pk__in=_resource_ids(tags=criteria.tag))
    if criteria.licence:
        pages = pages.filter(licence=criteria.licence)
    if criteria.sort == ResourceSort.TITLE:
        pages = pages.order_by("title", "pk")
    else:
        pages = newest_first(pages)
    return with_resource_details(pages)


def with_resource_details(pages: PageQuerySet) -> PageQuerySet:
    return pages.select_related("organisation").prefetch_related("service_areas")


def with_case_study_details(pages: PageQuerySet) -> PageQuerySet:
    return pages.prefetch_related("organisations")


# Choices offered by the filter forms: only what would find something.


def tags_on_live_case_studies() -> QuerySet[Tag]:
    return Tag.objects.filter(
        pk__in=live_case_studies().exclude(tags=None).values("tags")
    ).order_by("name")


def tags_on_live_resources() -> QuerySet[Tag]:
    return Tag.objects.filter(pk__in=live_resources().exclude(tags=None).values("tags")).order_by(
        "name"
    )


def organisations_with_live_case_studies() -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        pk__in=live_case_studies().exclude(organisations=None).values("organisations")
    )


def organisations_with_live_resources() -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=live_resources().values("organisation"))


# Tags


def tags_with_counts() -> QuerySet[Tag]:
    """Tags carried by at least one live page, each with how many case studies and resources.

    A tag stored with an empty slug (from before tags were checked) has no address, so no page.
    """
    return (
        Tag.objects.exclude(slug="")
        .annotate(
            case_study_count=_count_subquery(live_case_studies(), "tags"),
            resource_count=_count_subquery(live_resources(), "tags"),
        )
        .annotate(item_count=F("case_study_count") + F("resource_count"))
        .filter(item_count__gt=0)
        .order_by("name")
    )


def _count_subquery(pages: QuerySet, relation: str) -> Coalesce:
    """How many of `pages` relate to the outer row through `relation`, as a subquery (so two
    counts on one row do not multiply each other the way two joins would)."""
    counted = (
        pages.filter(**{relation: OuterRef("pk")})
        .order_by()
        .values(relation)
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=models.IntegerField()), Value(0))


def tagged_case_studies(tag: Tag) -> PageQuerySet:
    return with_case_study_details(newest_first(live_case_studies().filter(tags=tag)))


def tagged_resources(tag: Tag) -> PageQuerySet:
    return with_resource_details(newest_first(live_resources().filter(tags=tag)))


# Organisations

ORGANISATION_KIND_ORDER = [
    Organisation.Kind.COUNCIL,
    Organisation.Kind.PARTNERSHIP,
    Organisation.Kind.PARTNER,
    Organisation.Kind.VOLUNTARY,
]


def organisations_for_directory(
    *, organisations: QuerySet[Organisation] | None = None
) -> QuerySet[Organisation]:
    """Organisations grouped by kind (councils first), then by name, with their live counts."""
    organisations = Organisation.objects.all() if organisations is None else organisations
    kind_order = Case(
        *(When(kind=kind, then=Value(n)) for n, kind in enumerate(ORGANISATION_KIND_ORDER)),
        default=Value(len(ORGANISATION_KIND_ORDER)),
    )
    return organisations.annotate(
        kind_order=kind_order,
        case_study_count=_count_subquery(live_case_studies(), "organisations"),
        resource_count=_count_subquery(live_resources(), "organisation"),
    ).order_by("kind_order", "name")


def case_studies_by(organisation: Organisation) -> PageQuerySet:
    return with_case_study_details(
        newest_first(live_case_studies().filter(pk__in=_case_study_ids(organisations=organisation)))
    )


def resources_from(organisation: Organisation) -> PageQuerySet:
    return with_resource_details(newest_first(live_resources().filter(organisation=organisation)))


def shared_services_involving(organisation: Organisation) -> QuerySet[SharedService]:
    """The shared services an organisation leads or is a partner in, leads first."""
    partnered = SharedService.objects.filter(partners=organisation).values("pk")
    return (
        SharedService.objects.filter(Q(lead_organisation=organisation) | Q(pk__in=partnered))
        .select_related("lead_organisation", "service_area")
        .annotate(
            leads=Case(
                When(lead_organisation=organisation, then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            )
        )
        .order_by("-leads", "name")
    )


# Service areas


def service_areas_with_counts() -> QuerySet[ServiceArea]:
    return ServiceArea.objects.annotate(
        case_study_count=_count_subquery(live_case_studies(), "service_areas"),
        resource_count=_count_subquery(live_resources(), "service_areas"),
        shared_service_count=_count_subquery(SharedService.objects.all(), "service_area"),
    ).order_by("name")


def case_studies_in(area: ServiceArea) -> PageQuerySet:
    return with_case_study_details(
        newest_first(live_case_studies().filter(pk__in=_case_study_ids(service_areas=area)))
    )


def resources_in(area: ServiceArea) -> PageQuerySet:
    return with_resource_details(
        newest_first(live_resources().filter(pk__in=_resource_ids(service_areas=area)))
    )


def shared_services_in(area: ServiceArea) -> QuerySet[SharedService]:
    return area.shared_services.select_related("lead_organisation").order_by("name")


def reported_savings_in(area: ServiceArea) -> list[CaseStudyPage]:
    """The area's live case studies that reported annual savings, largest first."""
    return list(
        live_case_studies()
        .filter(pk__in=_case_study_ids(service_areas=area), annual_savings_pounds__isnull=False)
        .order_by("-annual_savings_pounds", "title")
    )


# Shared services


def shared_services_for_directory(
    *, services: QuerySet[SharedService] | None = None
) -> QuerySet[SharedService]:
    services = SharedService.objects.all() if services is None else services
    return services.select_related("lead_organisation", "service_area").order_by(
        "service_area__name", "name"
    )


def shared_service_partners(service: SharedService) -> list[Organisation]:
    return list(service.partners.order_by("name"))


def case_studies_related_to(service: SharedService) -> PageQuerySet:
    """Live case studies in the service's area by its lead or any of its partners."""
    organisations = [service.lead_organisation_id, *service.partners.values_list("pk", flat=True)]
    return with_case_study_details(
        newest_first(
            live_case_studies()
            .filter(pk__in=_case_study_ids(service_areas=service.service_area_id))
            .filter(pk__in=_case_study_ids(organisations__in=organisations))
        )
    )


def shared_services_told_by(case_study: CaseStudyPage) -> list[SharedService]:
    """The shared services a case study tells of: in one of its service areas, led or joined by
    one of its organisations. The mirror of `case_studies_related_to`, so each links the other."""
    organisations = case_study.organisations.values("pk")
    return list(
        SharedService.objects.filter(service_area__in=case_study.service_areas.values("pk"))
        .filter(Q(lead_organisation__in=organisations) | Q(partners__in=organisations))
        .distinct()
        .order_by("name")
    )


# Feeds


def newest_case_studies(limit: int = FEED_SIZE) -> list[CaseStudyPage]:
    pages = with_case_study_details(newest_first(live_case_studies())).prefetch_related("tags")
    return list(pages[:limit])


def newest_resources(limit: int = FEED_SIZE) -> list[ResourcePage]:
    pages = with_resource_details(newest_first(live_resources())).prefetch_related("tags")
    return list(pages[:limit])


def published_legal_pages() -> list[LegalPage]:
    """The privacy notice, accessibility statement, cookies page and any others editors added, in
    the order editors put them in the page tree: the footer links every one."""
    return list(LegalPage.objects.live().order_by("path"))
