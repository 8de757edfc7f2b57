"""Selectors for keeping content fresh: which published case studies and resources need an
editor's attention, and why."""

import datetime

from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q, Value
from django.db.models.functions import Concat
from django.db.models.lookups import IEndsWith
from django.utils import timezone

from knowledge.models import CaseStudyPage, OrganisationEmailDomain, ResourcePage
from knowledge.models.freshness import ReviewedContent

PAST_DUE = "Past its review-by date"
OWNER_CLOSED = "Owner's account is closed"
NO_OWNER = "No owner"
OWNER_ELSEWHERE = "Owner is no longer at any of its organisations"

# How each kind names its organisations, seen from an organisation.
ORGANISATIONS_OF = {CaseStudyPage: "case_studies", ResourcePage: "resources"}

REVIEWED_MODELS: tuple[type[ReviewedContent], ...] = (CaseStudyPage, ResourcePage)


def a_year_before(day: datetime.date) -> datetime.date:
    """The earliest last check that is not yet a year old on `day`: the mirror of
    `a_year_after`, so the report and the page agree on leap days too."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return datetime.date(day.year - 1, 3, 1)


def overdue_for_review(today: datetime.date) -> Q:
    """The database form of `ReviewedContent.is_due_for_review`."""
    year_ago = a_year_before(today)
    checked_over_a_year_ago = Q(last_reviewed__lt=year_ago) | Q(
        last_reviewed__isnull=True, first_published_at__date__lt=year_ago
    )
    return Q(review_by__lt=today) | (Q(review_by__isnull=True) & checked_over_a_year_ago)


def owner_gone() -> Q:
    # A deleted owner leaves the field empty (SET_NULL), so "no owner" covers them too.
    return Q(content_owner__isnull=True) | Q(content_owner__is_active=False)


def owner_elsewhere(model: type[ReviewedContent]) -> Q:
    """The owner's account is open but its address is on none of the email domains of the
    page's organisations: the same rule that makes someone an organisation's verified officer,
    read from what knowledge holds. Pages whose organisations list no domains cannot tell, so
    they are left out rather than guessed at."""
    domains = OrganisationEmailDomain.objects.filter(
        **{f"organisation__{ORGANISATIONS_OF[model]}": OuterRef("pk")}
    )
    owners_domain = domains.filter(
        IEndsWith(OuterRef("content_owner__email"), Concat(Value("@"), F("domain")))
    )
    return Q(content_owner__is_active=True) & Exists(domains) & ~Exists(owners_domain)


def pages_needing_review(*, today: datetime.date | None = None) -> Q:
    """A filter on Wagtail's Page for live case studies and resources that are past due or
    whose owner has gone, as one query however many kinds there are."""
    today = today or timezone.localdate()
    needing = Q(pk__in=[])
    for model in REVIEWED_MODELS:
        attention = overdue_for_review(today) | owner_gone() | owner_elsewhere(model)
        ids = model.objects.live().filter(attention).values("pk")
        needing |= Q(pk__in=ids)
    return needing


def review_reasons(page: ReviewedContent, *, today: datetime.date | None = None) -> list[str]:
    """Why the page is on the report, in words an editor can act on."""
    reasons = []
    if page.is_due_for_review(today):
        reasons.append(PAST_DUE)
    if page.content_owner_id is None:
        reasons.append(NO_OWNER)
    elif not page.content_owner.is_active:
        reasons.append(OWNER_CLOSED)
    elif getattr(page, "owner_elsewhere", False):
        reasons.append(OWNER_ELSEWHERE)
    return reasons


def reviewed_pages_by_id(ids: list[int]) -> dict[int, ReviewedContent]:
    """The specific pages with their owners, one query per kind, for a page of the report;
    each knows whether its owner is elsewhere (`owner_elsewhere`) for `review_reasons`."""
    found: dict[int, ReviewedContent] = {}
    for model in REVIEWED_MODELS:
        elsewhere = ExpressionWrapper(owner_elsewhere(model), output_field=BooleanField())
        pages = (
            model.objects.filter(pk__in=ids)
            .select_related("content_owner")
            .annotate(owner_elsewhere=elsewhere)
        )
        for page in pages:
            found[page.pk] = page
    return found
