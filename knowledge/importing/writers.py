"""Write a checked import file: create or update each record by slug, and leave alone any
record whose exported form would not change (so importing a file twice writes nothing)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models
from wagtail.models import Page

from knowledge.exporting import (
    current_content,
    export_case_study,
    export_organisation,
    export_readiness_profile,
    export_resource,
    export_service_area,
    export_shared_service,
)
from knowledge.importing import documents
from knowledge.importing.problems import (
    ImportValidationError,
    Problem,
    problems_from_validation_error,
)
from knowledge.importing.reading import PROFILE_PARTS
from knowledge.importing.schema import KINDS, Kind
from knowledge.importing.validation import ContentPlan, Record, accounts_by_email
from knowledge.models import (
    CaseStudyContact,
    CaseStudyPage,
    CaseStudyRevisit,
    DueDiligenceItem,
    Organisation,
    OrganisationEmailDomain,
    ProfileContract,
    ProfilePractice,
    ProfileSystem,
    ReadinessProfile,
    RelatedCaseStudy,
    ResourcePage,
    ServiceArea,
    SharedService,
)
from knowledge.services import library_ensure


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    """How many records of each kind (by the file's section names) were created, updated or
    left unchanged."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k.key: Tally() for k in KINDS})

    def count(self, kind: Kind, outcome: str) -> None:
        tally = self.tallies[kind.key]
        setattr(tally, outcome, getattr(tally, outcome) + 1)

    def summary(self) -> str:
        """One line: `service areas: 2 created, 0 updated, 1 unchanged; organisations: ...`."""
        return "; ".join(
            f"{key.replace('_', ' ')}: {tally.created} created, "
            f"{tally.updated} updated, {tally.unchanged} unchanged"
            for key, tally in self.tallies.items()
        )


def write_content(plan: ContentPlan, *, stored_files: list[str]) -> ImportReport:
    """Write every record, in an order where references point at records already written.
    Call inside a transaction: a failure raises ImportValidationError part way through."""
    report = ImportReport()
    _write_service_areas(plan, report)
    _write_organisations(plan, report)
    _write_shared_services(plan, report)
    if plan.of("case_studies") or plan.of("resources"):
        library = library_ensure()
        _write_case_studies(plan, report, parent=library.case_studies)
        _write_resources(plan, report, parent=library.resources, stored_files=stored_files)
    return report


@contextmanager
def _writing(record: Record) -> Iterator[None]:
    """Report a failure while writing the way validation reports a problem with the file."""
    try:
        yield
    except ValidationError as error:
        raise ImportValidationError(
            problems_from_validation_error(error, where=record.where, model=record.kind.model)
        ) from error
    except DatabaseError as error:
        message = f"Could not be saved: {str(error).strip()}"
        raise ImportValidationError([Problem(record.where, "", message)]) from error


def _by_slug(model: type[models.Model], slugs: set[str]) -> dict[str, Any]:
    return {each.slug: each for each in model.objects.filter(slug__in=slugs)}


def _owners(records: list[Record]) -> dict[str, Any]:
    return accounts_by_email({record.values["owner"] for record in records} - {None})


def _set_model_fields(instance: models.Model, record: Record) -> None:
    for name in record.kind.model_fields():
        setattr(instance, name, record.values[name])


def _write_plain(
    record: Record,
    instance: models.Model | None,
    *,
    before: dict[str, Any] | None,
    export: Callable[[Any], dict[str, Any]],
    apply: Callable[[Any, Record], None],
    report: ImportReport,
) -> models.Model:
    """Create or update a snippet-like model; skip it when its exported form is unchanged."""
    instance = instance if instance is not None else record.kind.model()
    with _writing(record):
        apply(instance, record)
        if before is not None and export(instance) == before:
            report.count(record.kind, "unchanged")
            return instance
        instance.full_clean()
        instance.save()
    report.count(record.kind, "created" if before is None else "updated")
    return instance


def _write_service_areas(plan: ContentPlan, report: ImportReport) -> None:
    records = plan.of("service_areas")
    existing = _by_slug(ServiceArea, {record.slug for record in records})
    for record in records:
        area = existing.get(record.slug)
        _write_plain(
            record,
            area,
            before=export_service_area(area) if area else None,
            export=export_service_area,
            apply=_set_model_fields,
            report=report,
        )


def _write_organisations(plan: ContentPlan, report: ImportReport) -> None:
    records = plan.of("organisations")
    existing = _by_slug(Organisation, {record.slug for record in records})
    profiles = [r.values["due_diligence_profile"] for r in records]
    areas = _by_slug(
        ServiceArea,
        {
            row["service_area"]
            for profile in profiles
            if profile
            for rows in ("systems", "contracts", "practices")
            for row in profile[rows]
            if row.get("service_area")
        },
    )
    before = {slug: export_organisation(organisation) for slug, organisation in existing.items()}
    # Let go of domains first, so that a domain the file moves from one organisation to another
    # is never held by both when the second is saved.
    for record in records:
        if record.slug in existing:
            OrganisationEmailDomain.objects.filter(organisation=existing[record.slug]).exclude(
                domain__in=record.values["email_domains"]
            ).delete()

    def apply(organisation: Organisation, record: Record) -> None:
        _set_model_fields(organisation, record)
        kept = {each.domain: each for each in organisation.email_domains.all()}
        domains = []
        for order, domain in enumerate(record.values["email_domains"]):
            each = kept.get(domain) or OrganisationEmailDomain(domain=domain)
            each.sort_order = order
            domains.append(each)
        organisation.email_domains = domains
        if record.values["due_diligence_profile"] is not None:
            organisation.readiness_profile = _readiness_profile_in_memory(
                organisation, record.values["due_diligence_profile"], areas
            )

    for record in records:
        organisation = _write_plain(
            record,
            existing.get(record.slug),
            before=before.get(record.slug),
            export=export_organisation,
            apply=apply,
            report=report,
        )
        if record.values["due_diligence_profile"] is not None:
            profile = organisation.readiness_profile
            if profile.pk is None or _profile_changed(profile, before.get(record.slug)):
                with _writing(record):
                    # Set again: the organisation had no primary key when it was assigned.
                    profile.organisation = organisation
                    profile.save()


def _profile_changed(profile: ReadinessProfile, before: dict[str, Any] | None) -> bool:
    return (before or {}).get("due_diligence_profile") != export_readiness_profile(profile)


def _readiness_profile_in_memory(
    organisation: Organisation, values: dict[str, Any], areas: dict[str, ServiceArea]
) -> ReadinessProfile:
    """The profile the file describes, its rows held in memory (modelcluster) until it is saved,
    so the organisation's export can be compared before anything is written."""
    try:
        profile = organisation.readiness_profile
    except ReadinessProfile.DoesNotExist:
        profile = ReadinessProfile()
    profile.capacity_notes = values["capacity_notes"]
    profile.competencies = values["competencies"]
    for part in PROFILE_PARTS:
        setattr(profile, f"{part}_members_only", part in values["members_only"])

    def rows(model: type[models.Model], name: str) -> list[models.Model]:
        return [
            model(
                sort_order=order,
                **{key: value for key, value in row.items() if key != "service_area"},
                service_area=areas.get(row.get("service_area") or ""),
            )
            for order, row in enumerate(values[name])
        ]

    profile.systems = rows(ProfileSystem, "systems")
    profile.contracts = rows(ProfileContract, "contracts")
    profile.practices = rows(ProfilePractice, "practices")
    return profile


def _write_shared_services(plan: ContentPlan, report: ImportReport) -> None:
    records = plan.of("shared_services")
    existing = _by_slug(SharedService, {record.slug for record in records})
    organisations = _by_slug(
        Organisation,
        {r.values["lead_organisation"] for r in records}
        | {slug for r in records for slug in r.values["partners"]},
    )
    areas = _by_slug(ServiceArea, {record.values["service_area"] for record in records})

    def apply(service: SharedService, record: Record) -> None:
        _set_model_fields(service, record)
        service.lead_organisation = organisations[record.values["lead_organisation"]]
        service.service_area = areas[record.values["service_area"]]
        service.partners.set([organisations[slug] for slug in record.values["partners"]])

    for record in records:
        service = existing.get(record.slug)
        _write_plain(
            record,
            service,
            before=export_shared_service(service) if service else None,
            export=export_shared_service,
            apply=apply,
            report=report,
        )


def _write_case_studies(plan: ContentPlan, report: ImportReport, *, parent: Page) -> None:
    records = plan.of("case_studies")
    pages = _by_slug(CaseStudyPage, {record.slug for record in records})
    created = _add_new_pages(records, pages, parent)
    # Every case study in the file now has a row, so related links may point forward.
    pages |= _by_slug(
        CaseStudyPage, {slug for r in records for slug in r.values["related"]} - pages.keys()
    )
    contacts = [contact for r in records for contact in r.values["contacts"]]
    organisations = _by_slug(
        Organisation,
        {slug for r in records for slug in r.values["organisations"]}
        | {contact["organisation"] for contact in contacts if contact.get("organisation")},
    )
    areas = _by_slug(ServiceArea, {slug for r in records for slug in r.values["service_areas"]})
    owners = _owners(records)

    def apply(page: CaseStudyPage, record: Record) -> None:
        values = record.values
        _set_model_fields(page, record)
        page.content_owner = owners.get(values["owner"])
        page.organisations.set([organisations[slug] for slug in values["organisations"]])
        page.service_areas.set([areas[slug] for slug in values["service_areas"]])
        page.tags.set(values["tags"])
        page.due_diligence = [
            DueDiligenceItem(sort_order=order, **item)
            for order, item in enumerate(values["due_diligence"])
        ]
        page.contacts = [
            CaseStudyContact(
                sort_order=order,
                name=contact["name"],
                role=contact.get("role", ""),
                organisation=organisations.get(contact.get("organisation") or ""),
                email=contact.get("email", ""),
            )
            for order, contact in enumerate(values["contacts"])
        ]
        page.revisits = [
            CaseStudyRevisit(sort_order=order, **revisit)
            for order, revisit in enumerate(values["revisits"])
        ]
        page.related_links = [
            RelatedCaseStudy(sort_order=order, related_page=pages[slug])
            for order, slug in enumerate(values["related"])
        ]

    for record in records:
        _write_page(
            record,
            pages[record.slug],
            created=record.slug in created,
            apply=apply,
            export=export_case_study,
            report=report,
        )


def _write_resources(
    plan: ContentPlan, report: ImportReport, *, parent: Page, stored_files: list[str]
) -> None:
    records = plan.of("resources")
    pages = _by_slug(ResourcePage, {record.slug for record in records})
    created = _add_new_pages(records, pages, parent)
    organisations = _by_slug(Organisation, {r.values["organisation"] for r in records} - {None})
    areas = _by_slug(ServiceArea, {slug for r in records for slug in r.values["service_areas"]})
    owners = _owners(records)

    def apply(page: ResourcePage, record: Record) -> None:
        values = record.values
        _set_model_fields(page, record)
        page.content_owner = owners.get(values["owner"])
        page.organisation = organisations.get(values["organisation"] or "")
        page.service_areas.set([areas[slug] for slug in values["service_areas"]])
        page.tags.set(values["tags"])

    for record in records:
        wanted = record.values["document"]
        _write_page(
            record,
            pages[record.slug],
            created=record.slug in created,
            apply=apply,
            export=export_resource,
            report=report,
            expected={"document": wanted.exported() if wanted else None},
            attach=partial(_attach_document, record=record, stored_files=stored_files),
        )


def _attach_document(
    page: ResourcePage, before: dict | None, *, record: Record, stored_files: list[str]
) -> None:
    """Give the page the record's document, storing it only if it is not the one it has."""
    wanted = record.values["document"]
    if wanted is None:
        page.document = None
    elif before is None or before["document"] != wanted.exported():
        page.document = documents.document_ensure(record.slug, wanted, stored_files=stored_files)


def _add_new_pages(records: list[Record], pages: dict[str, Page], parent: Page) -> set[str]:
    """Give each new record a draft row under its list page, holding only its title and slug;
    `_write_page` fills it in. Returns the slugs created."""
    created = set()
    for record in records:
        if record.slug in pages:
            continue
        with _writing(record):
            page = record.kind.model(title=record.values["title"], slug=record.slug, live=False)
            parent.add_child(instance=page)
        pages[record.slug] = page
        created.add(record.slug)
    return created


def _write_page(
    record: Record,
    page: Page,
    *,
    created: bool,
    apply: Callable[[Any, Record], None],
    export: Callable[[Any], dict[str, Any]],
    report: ImportReport,
    expected: dict[str, Any] | None = None,
    attach: Callable[[Any, dict | None], None] | None = None,
) -> None:
    """Bring a page to what the record says, through a revision, unless nothing would change.

    `expected` overrides parts of the new exported form that are not on the page yet (the
    document a resource will have); `attach` then puts them on the page before it is saved.
    """
    published = record.values["published"]
    content = current_content(page)
    with _writing(record):
        before = None if created else export(content)
        apply(content, record)
        if record.values["first_published_at"] is not None:
            content.first_published_at = record.values["first_published_at"]
        after = {**export(content), **(expected or {}), "published": published}
        if after == before:
            report.count(record.kind, "unchanged")
            return
        if attach is not None:
            attach(content, before)
        _save_page(content, published=published)
    report.count(record.kind, "created" if created else "updated")


def _save_page(page: Page, *, published: bool) -> None:
    if published:
        page.full_clean()
        revision = page.save_revision(clean=False)
        # Keep a given first publication date: publishing fills it in only when it is empty.
        type(page).objects.filter(pk=page.pk).update(first_published_at=page.first_published_at)
        revision.publish()
        return
    # A draft need not say what went wrong yet; every other rule applies.
    page.full_clean(exclude=["what_went_wrong"] if isinstance(page, CaseStudyPage) else [])
    if page.live:
        page.unpublish()
    page.save()
    page.save_revision(clean=False)
