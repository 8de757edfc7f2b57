"""The knowledge base as one document in the import format (see docs/import-format.md).

The importer compares these same per-record forms to decide whether a record changed, so a
record's export is its canonical form: lists of slugs and tags sorted, money with its stored
decimal places, times in UTC.
"""

import base64
import datetime
from decimal import Decimal
from typing import Any

from django.db import models
from wagtail.documents.models import Document
from wagtail.models import Page

from knowledge.models import (
    CaseStudyPage,
    Organisation,
    ReadinessProfile,
    ResourcePage,
    ServiceArea,
    SharedService,
)

FORMAT = "commons-content"
VERSION = 1

CASE_STUDY_DECIMALS = (
    "investment_pounds",
    "annual_savings_pounds",
    "savings_percent",
    "staff_change_fte",
)
CASE_STUDY_RICH_TEXT = (
    "outcomes",
    "what_went_wrong",
    "lessons_learned",
    "target_operating_model",
    "culture_and_leadership",
)


class ExportError(Exception):
    """The knowledge base holds something the format cannot carry (a document's file is gone)."""


def export_content() -> dict[str, Any]:
    """Every organisation, service area, shared service, case study (live or draft) and
    resource, each list sorted by slug."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "service_areas": [
            export_service_area(area) for area in ServiceArea.objects.order_by("slug")
        ],
        "organisations": [
            export_organisation(organisation)
            for organisation in Organisation.objects.order_by("slug")
            .select_related("readiness_profile")
            .prefetch_related(
                "email_domains",
                "readiness_profile__systems__service_area",
                "readiness_profile__contracts__service_area",
                "readiness_profile__practices__service_area",
            )
        ],
        "shared_services": [
            export_shared_service(service)
            for service in SharedService.objects.order_by("slug").select_related(
                "lead_organisation", "service_area"
            )
        ],
        "case_studies": [
            export_case_study(current_content(page))
            for page in CaseStudyPage.objects.order_by("slug")
        ],
        "resources": [
            export_resource(current_content(page)) for page in ResourcePage.objects.order_by("slug")
        ],
    }


def current_content(page: Page) -> Page:
    """What a page says now: the live content of a published page, the latest draft of one that
    is not published. (A published page's unpublished edits stay out until they are published.)"""
    page = page.specific
    return page if page.live else page.get_latest_revision_as_object()


def export_service_area(area: ServiceArea) -> dict[str, Any]:
    return {"slug": area.slug, "name": area.name, "description": area.description}


def export_organisation(organisation: Organisation) -> dict[str, Any]:
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "kind": organisation.kind,
        "region": organisation.region,
        "website": organisation.website,
        "summary": organisation.summary,
        "email_domains": [each.domain for each in organisation.email_domains.all()],
        **_readiness_profile(organisation),
    }


def _readiness_profile(organisation: Organisation) -> dict[str, Any]:
    """The organisation's due-diligence profile, when it has one (an import that leaves the key
    out keeps the profile as it is, so an organisation without one has no key at all)."""
    try:
        profile = organisation.readiness_profile
    except ReadinessProfile.DoesNotExist:
        return {}
    return {"due_diligence_profile": export_readiness_profile(profile)}


def export_readiness_profile(profile: ReadinessProfile) -> dict[str, Any]:
    return {
        "systems": [
            {"service_area": row.service_area.slug, "system": row.system, "supplier": row.supplier}
            for row in profile.systems.all()
        ],
        "contracts": [
            {
                "service_area": row.service_area.slug,
                "description": row.description,
                "supplier": row.supplier,
                "ends_on": _date(row.ends_on),
                "notice_months": row.notice_months,
            }
            for row in profile.contracts.all()
        ],
        "capacity_notes": profile.capacity_notes,
        "competencies": profile.competencies,
        "practices": [
            {
                "service_area": row.service_area.slug if row.service_area_id else None,
                "topic": row.topic,
                "practice": row.practice,
            }
            for row in profile.practices.all()
        ],
        "members_only": profile.members_only_parts(),
    }


def export_shared_service(service: SharedService) -> dict[str, Any]:
    return {
        "slug": service.slug,
        "name": service.name,
        "lead_organisation": service.lead_organisation.slug,
        "partners": _slugs(service.partners.all()),
        "service_area": service.service_area.slug,
        "since": _date(service.since),
        "status": service.status,
        "description": service.description,
    }


def export_case_study(page: CaseStudyPage) -> dict[str, Any]:
    return {
        "slug": page.slug,
        "title": page.title,
        "summary": page.summary,
        "organisations": _slugs(page.organisations.all()),
        "service_areas": _slugs(page.service_areas.all()),
        "stage": page.stage,
        "started_on": _date(page.started_on),
        "ended_on": _date(page.ended_on),
        **{name: _decimal(page, name) for name in CASE_STUDY_DECIMALS},
        **{name: getattr(page, name) for name in CASE_STUDY_RICH_TEXT},
        "due_diligence": [
            {"area": item.area, "status": item.status, "notes": item.notes}
            for item in page.due_diligence.all()
        ],
        "contacts": [
            {
                "name": contact.name,
                "role": contact.role,
                "organisation": contact.organisation.slug if contact.organisation_id else None,
                "email": contact.email,
            }
            for contact in page.contacts.all()
        ],
        "revisits": [
            {
                "revisited_on": _date(revisit.revisited_on),
                "actual_annual_savings_pounds": _decimal(revisit, "actual_annual_savings_pounds"),
                "actual_costs_to_date_pounds": _decimal(revisit, "actual_costs_to_date_pounds"),
                "what_changed": revisit.what_changed,
                "what_went_wrong_since": revisit.what_went_wrong_since,
            }
            for revisit in page.revisits.all()
        ],
        "related": [link.related_page.slug for link in page.related_links.all()],
        "tags": _tags(page),
        "owner": _owner(page),
        "last_reviewed": _date(page.last_reviewed),
        "review_by": _date(page.review_by),
        **_publishing(page),
    }


def export_resource(page: ResourcePage) -> dict[str, Any]:
    return {
        "slug": page.slug,
        "title": page.title,
        "summary": page.summary,
        "kind": page.kind,
        "external_url": page.external_url,
        "document": export_document(page.document) if page.document_id else None,
        "organisation": page.organisation.slug if page.organisation_id else None,
        "service_areas": _slugs(page.service_areas.all()),
        "licence": page.licence,
        "tags": _tags(page),
        "owner": _owner(page),
        "last_reviewed": _date(page.last_reviewed),
        "review_by": _date(page.review_by),
        **_publishing(page),
    }


def export_document(document: Document) -> dict[str, str]:
    try:
        with document.open_file() as handle:
            content = handle.read()
    except FileNotFoundError as error:
        raise ExportError(
            f'The file of the document "{document.title}" ({document.file.name}) is missing.'
        ) from error
    return {
        "title": document.title,
        "file_name": document.file.name.rsplit("/", 1)[-1],
        "content_base64": base64.b64encode(content).decode("ascii"),
    }


def _publishing(page: Page) -> dict[str, Any]:
    published_at = page.first_published_at
    return {
        "published": page.live,
        "first_published_at": published_at.astimezone(datetime.UTC).isoformat()
        if published_at
        else None,
    }


def _slugs(objects) -> list[str]:
    return sorted(each.slug for each in objects)


def _tags(page: Page) -> list[str]:
    return sorted(tag.name for tag in page.tags.all())


def _owner(page: CaseStudyPage | ResourcePage) -> str | None:
    # An owner without an address cannot be named in the file, so the export leaves them out.
    email = page.content_owner.email if page.content_owner else ""
    return email.lower() or None


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _decimal(instance: models.Model, name: str) -> str | None:
    """Plain notation with the field's own decimal places, whether the value came from the
    database (Decimal("30.00")) or from an import not yet saved (Decimal("30"))."""
    value: Decimal | None = getattr(instance, name)
    if value is None:
        return None
    places = instance._meta.get_field(name).decimal_places
    return f"{value:.{places}f}"
