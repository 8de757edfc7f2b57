"""The import format's record kinds and fields, in the order they are checked and written."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from wagtail.models import Page

from knowledge.importing import reading
from knowledge.models import CaseStudyPage, Organisation, ResourcePage, ServiceArea, SharedService


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record.

    `model_field`: the value is set straight on the model field of the same name, and a missing
    value takes that field's default. Otherwise `default` makes the missing value.
    `refers_to`: the key of the kind whose slugs the value names.
    """

    read: Callable[[Any], Any]
    required: bool = False
    model_field: bool = True
    default: Callable[[], Any] = lambda: None
    refers_to: str = ""


@dataclass(frozen=True)
class Kind:
    key: str
    noun: str
    model: type[models.Model]
    fields: dict[str, FieldSpec] = field(default_factory=dict)

    @property
    def is_page(self) -> bool:
        return issubclass(self.model, Page)

    def model_fields(self) -> list[str]:
        return [name for name, spec in self.fields.items() if spec.model_field]


def _text(required: bool = False) -> FieldSpec:
    return FieldSpec(reading.read_line, required=required)


def _lines(required: bool = False) -> FieldSpec:
    return FieldSpec(reading.read_lines, required=required)


def _rich_text() -> FieldSpec:
    return FieldSpec(reading.read_rich_text)


def _date() -> FieldSpec:
    return FieldSpec(reading.read_date)


def _decimal() -> FieldSpec:
    return FieldSpec(reading.read_decimal)


def _one(kind: str, required: bool = False) -> FieldSpec:
    return FieldSpec(reading.read_slug, required=required, model_field=False, refers_to=kind)


def _many(kind: str) -> FieldSpec:
    return FieldSpec(reading.read_slugs, model_field=False, default=list, refers_to=kind)


def _list(read: Callable[[Any], Any]) -> FieldSpec:
    return FieldSpec(read, model_field=False, default=list)


# The person who keeps the page up to date, named by the email address of their account.
_OWNER = FieldSpec(reading.read_email, model_field=False)

_PUBLISHING = {
    "published": FieldSpec(reading.read_boolean, model_field=False, default=lambda: True),
    "first_published_at": FieldSpec(reading.read_date_time, model_field=False),
}

SERVICE_AREAS = Kind(
    "service_areas",
    "service area",
    ServiceArea,
    {"slug": _text(True), "name": _text(True), "description": _lines()},
)

ORGANISATIONS = Kind(
    "organisations",
    "organisation",
    Organisation,
    {
        "slug": _text(True),
        "name": _text(True),
        "kind": _text(True),
        "region": _text(),
        "website": _text(),
        "summary": _lines(),
        "email_domains": _list(reading.read_email_domains),
        # Left out, the organisation's profile stays as it is (see docs/import-format.md).
        "due_diligence_profile": FieldSpec(reading.read_readiness_profile, model_field=False),
    },
)

SHARED_SERVICES = Kind(
    "shared_services",
    "shared service",
    SharedService,
    {
        "slug": _text(True),
        "name": _text(True),
        "lead_organisation": _one("organisations", required=True),
        "partners": _many("organisations"),
        "service_area": _one("service_areas", required=True),
        "since": _date(),
        "status": _text(),
        "description": _lines(),
    },
)

CASE_STUDIES = Kind(
    "case_studies",
    "case study",
    CaseStudyPage,
    {
        "slug": _text(True),
        "title": _text(True),
        "summary": _lines(True),
        "organisations": _many("organisations"),
        "service_areas": _many("service_areas"),
        "stage": _text(),
        "started_on": _date(),
        "ended_on": _date(),
        "investment_pounds": _decimal(),
        "annual_savings_pounds": _decimal(),
        "savings_percent": _decimal(),
        "staff_change_fte": _decimal(),
        "outcomes": _rich_text(),
        "what_went_wrong": _rich_text(),
        "lessons_learned": _rich_text(),
        "target_operating_model": _rich_text(),
        "culture_and_leadership": _rich_text(),
        "due_diligence": _list(reading.read_due_diligence),
        "contacts": _list(reading.read_contacts),
        "revisits": _list(reading.read_revisits),
        "related": _many("case_studies"),
        "tags": _list(reading.read_tags),
        "owner": _OWNER,
        "last_reviewed": _date(),
        "review_by": _date(),
        **_PUBLISHING,
    },
)

RESOURCES = Kind(
    "resources",
    "resource",
    ResourcePage,
    {
        "slug": _text(True),
        "title": _text(True),
        "summary": _lines(True),
        "kind": _text(True),
        "external_url": _text(),
        "document": FieldSpec(reading.read_document, model_field=False),
        "organisation": _one("organisations"),
        "service_areas": _many("service_areas"),
        "licence": _text(),
        "tags": _list(reading.read_tags),
        "owner": _OWNER,
        "last_reviewed": _date(),
        "review_by": _date(),
        **_PUBLISHING,
    },
)

# The kinds whose records may name an owner.
OWNED_KINDS = ("case_studies", "resources")

# Written in this order, so that every reference points at something already written.
KINDS = [SERVICE_AREAS, ORGANISATIONS, SHARED_SERVICES, CASE_STUDIES, RESOURCES]
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}
