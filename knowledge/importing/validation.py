"""Check a whole import file before anything is written, and collect every problem in it.

Rules about one value (choices, ranges, lengths, URLs, the end date not before the start) come
from the models' own `full_clean()`; this module adds what only the file as a whole can tell:
shape, notation, duplicate slugs, references between records, and which organisation owns an
email domain.
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from knowledge.exporting import FORMAT, VERSION
from knowledge.importing import documents
from knowledge.importing.problems import (
    ImportValidationError,
    Problem,
    problems_from_validation_error,
    record_label,
)
from knowledge.importing.reading import DocumentFile, Invalid
from knowledge.importing.schema import KINDS, KINDS_BY_KEY, OWNED_KINDS, Kind
from knowledge.models import (
    CaseStudyContact,
    CaseStudyPage,
    CaseStudyRevisit,
    DueDiligenceItem,
    OrganisationEmailDomain,
    ProfileContract,
    ProfilePractice,
    ProfileSystem,
    ReadinessProfile,
)
from knowledge.models.revisits import revisit_date_problem

# ResourcePage.clean() asks whether a document is attached by its id; before the document exists
# this stands in for it, so the model's own "one of document or web address" rule still applies.
_DOCUMENT_TO_COME = -1


@dataclass
class Record:
    """One record of the file, as read: `values` holds every field that could be read (missing
    optional fields take their defaults); the others have a problem instead."""

    kind: Kind
    index: int
    where: str
    values: dict[str, Any] = field(default_factory=dict)
    readable: bool = True
    problems: list[Problem] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.values.get("slug", "")

    def problem(self, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.where, field_name, message))


@dataclass
class ContentPlan:
    """The file, read and checked: records by kind key, in file order."""

    records: dict[str, list[Record]]

    def of(self, key: str) -> list[Record]:
        return [record for record in self.records[key] if record.readable]


def validate_content(data: Any) -> ContentPlan:
    """Read and check the whole file. Raises ImportValidationError listing every problem."""
    envelope = _envelope_problems(data)
    if envelope:
        raise ImportValidationError(envelope)
    plan = ContentPlan(
        {
            kind.key: [
                _read_record(kind, index, raw) for index, raw in enumerate(data.get(kind.key) or [])
            ]
            for kind in KINDS
        }
    )
    existing = _existing_slugs(plan)
    for kind in KINDS:
        _check_duplicates(plan, kind)
    _check_references(plan, existing)
    _check_email_domains(plan)
    _check_owners(plan)
    for record in (record for kind in KINDS for record in plan.of(kind.key)):
        _check_with_models(record, existing)
    problems = [
        problem
        for kind in KINDS
        for record in plan.records[kind.key]
        for problem in record.problems
    ]
    if problems:
        raise ImportValidationError(problems)
    return plan


def _envelope_problems(data: Any) -> list[Problem]:
    if not isinstance(data, dict):
        return [
            Problem("", "", f'The file must hold one JSON object: {{"format": "{FORMAT}", ...}}.')
        ]
    problems = []
    if data.get("format") != FORMAT:
        problems.append(
            Problem("", "format", f'Expected "{FORMAT}"; the file says {_said(data, "format")}.')
        )
    # `true == 1` in Python, so the type is checked too.
    if type(data.get("version")) is not int or data["version"] != VERSION:
        problems.append(
            Problem("", "version", f"Expected {VERSION}; the file says {_said(data, 'version')}.")
        )
    sections = ", ".join(KINDS_BY_KEY)
    for key in sorted(data.keys() - {"format", "version", *KINDS_BY_KEY}):
        problems.append(Problem("", str(key), f"Unknown section. The sections are: {sections}."))
    for key in KINDS_BY_KEY:
        if data.get(key) is not None and not isinstance(data[key], list):
            problems.append(Problem("", key, "Expected a list of records in square brackets."))
    return problems


def _said(data: dict, key: str) -> str:
    return json.dumps(data[key], default=str)[:60] if key in data else "nothing"


def _read_record(kind: Kind, index: int, raw: Any) -> Record:
    slug = raw.get("slug") if isinstance(raw, dict) else None
    record = Record(kind, index, record_label(kind.key, index, slug))
    if not isinstance(raw, dict):
        record.readable = False
        record.problem("", f"Expected a {kind.noun}: an object in curly brackets.")
        return record
    for name in sorted(raw.keys() - kind.fields.keys()):
        record.problem(name, "Unknown field.")
    for name, spec in kind.fields.items():
        value = raw.get(name)
        if value is None:
            if spec.required:
                record.problem(name, "This field is required.")
            elif spec.model_field:
                record.values[name] = kind.model._meta.get_field(name).get_default()
            else:
                record.values[name] = spec.default()
            continue
        try:
            record.values[name] = spec.read(value)
        except Invalid as error:
            for part, message in error.details:
                record.problem(f"{name}{part}", message)
    return record


def _check_duplicates(plan: ContentPlan, kind: Kind) -> None:
    """Slugs, and names the database keeps unique, appear once per kind."""
    unique = ["slug"] + [
        f.name
        for f in kind.model._meta.fields
        if f.unique and not f.primary_key and f.name != "slug" and f.name in kind.fields
    ]
    for name in unique:
        first_seen: dict[Any, Record] = {}
        for record in plan.of(kind.key):
            value = record.values.get(name)
            if not value:
                continue
            if value in first_seen:
                earlier = first_seen[value]
                record.problem(
                    name,
                    f'{kind.key}[{earlier.index}] already has the {name} "{value}"; '
                    f"each {kind.noun} needs its own.",
                )
            else:
                first_seen[value] = record


def _existing_slugs(plan: ContentPlan) -> dict[str, dict[str, int]]:
    """For each kind, the slugs in the file or referred to that the database already has: pk."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for kind in KINDS:
        for record in plan.of(kind.key):
            wanted[kind.key].add(record.slug)
            for target, slug in _references(record):
                wanted[target].add(slug)
    return {
        kind.key: dict(
            kind.model.objects.filter(slug__in=wanted[kind.key]).values_list("slug", "pk")
        )
        for kind in KINDS
    }


def _references(record: Record) -> list[tuple[str, str]]:
    """(kind key, slug) for every slug the record names, including its contacts' organisations."""
    found = []
    for name, spec in record.kind.fields.items():
        value = record.values.get(name)
        if spec.refers_to and value:
            found.extend(
                (spec.refers_to, slug) for slug in ([value] if isinstance(value, str) else value)
            )
    found.extend((target, slug) for _where, target, slug in _nested_references(record))
    return found


def _nested_references(record: Record) -> list[tuple[str, str, str]]:
    """(where, kind key, slug) for slugs named inside nested objects: contacts' organisations
    and the service areas of a due-diligence profile's rows."""
    found = [
        (f"contacts[{index}].organisation", "organisations", contact["organisation"])
        for index, contact in enumerate(record.values.get("contacts") or [])
        if contact.get("organisation")
    ]
    profile = record.values.get("due_diligence_profile") or {}
    for rows in ("systems", "contracts", "practices"):
        found.extend(
            (f"due_diligence_profile.{rows}[{index}].service_area", "service_areas", slug)
            for index, row in enumerate(profile.get(rows, []))
            if (slug := row.get("service_area"))
        )
    return found


def _check_references(plan: ContentPlan, existing: dict[str, dict[str, int]]) -> None:
    in_file = {kind.key: {record.slug for record in plan.of(kind.key)} for kind in KINDS}

    def check(record: Record, field_name: str, target: str, slug: str) -> None:
        if slug not in in_file[target] and slug not in existing[target]:
            noun = KINDS_BY_KEY[target].noun
            record.problem(
                field_name,
                f'There is no {noun} with the slug "{slug}" in this file or in the database.',
            )

    for kind in KINDS:
        for record in plan.of(kind.key):
            for name, spec in kind.fields.items():
                value = record.values.get(name)
                if spec.refers_to and value:
                    for slug in [value] if isinstance(value, str) else value:
                        check(record, name, spec.refers_to, slug)
            for where, target, slug in _nested_references(record):
                check(record, where, target, slug)
            if record.slug and record.slug in (record.values.get("related") or []):
                record.problem("related", "A case study cannot be related to itself.")


def _check_email_domains(plan: ContentPlan) -> None:
    """Each email domain belongs to one organisation: in the file, and in the database unless
    the file moves it from an organisation the file also describes."""
    records = plan.of("organisations")
    in_file = {record.slug for record in records}
    every_domain = {
        domain for record in records for domain in record.values.get("email_domains", [])
    }
    owners = dict(
        OrganisationEmailDomain.objects.filter(domain__in=every_domain).values_list(
            "domain", "organisation__slug"
        )
    )
    first_seen: dict[str, Record] = {}
    for record in records:
        for index, domain in enumerate(record.values.get("email_domains", [])):
            where = f"email_domains[{index}]"
            owner = owners.get(domain)
            if domain in first_seen:
                record.problem(
                    where,
                    f'"{domain}" is also given to organisations[{first_seen[domain].index}]; '
                    "each email domain belongs to one organisation.",
                )
            elif owner and owner != record.slug and owner not in in_file:
                record.problem(
                    where,
                    f'"{domain}" already belongs to the organisation "{owner}", which this file '
                    "does not describe; each email domain belongs to one organisation.",
                )
            first_seen.setdefault(domain, record)


def accounts_by_email(emails: set[str]) -> dict[str, AbstractBaseUser]:
    """Accounts by lower-case email address; where two share one, the older account."""
    found: dict[str, AbstractBaseUser] = {}
    if not emails:
        return found
    matching = models.Q()
    for email in emails:
        matching |= models.Q(email__iexact=email)
    for user in get_user_model().objects.filter(matching).order_by("-pk"):
        found[user.email.lower()] = user
    return found


def _check_owners(plan: ContentPlan) -> None:
    """An owner is an account that exists: the import names people, it does not make them."""
    records = [record for key in OWNED_KINDS for record in plan.of(key)]
    accounts = accounts_by_email({record.values.get("owner") for record in records} - {None})
    for record in records:
        owner = record.values.get("owner")
        if owner and owner not in accounts:
            record.problem("owner", f'No account has the email address "{owner}".')


def _check_with_models(record: Record, existing: dict[str, dict[str, int]]) -> None:
    """Build the model instance the record describes, unsaved, and let the model judge it."""
    kind, values = record.kind, record.values
    given = [name for name in kind.model_fields() if name in values]
    instance = kind.model(**{name: values[name] for name in given})
    exclude = {f.name for f in kind.model._meta.fields} - set(given)
    pk = existing[kind.key].get(record.slug)
    if kind.is_page:
        _prepare_page(record, instance, exclude)
    elif pk is not None:
        # The record updates this row: the model's uniqueness checks must not count it twice.
        instance.pk, instance._state.adding = pk, False
    try:
        instance.full_clean(exclude=sorted(exclude), validate_unique=not kind.is_page)
    except ValidationError as error:
        record.problems.extend(
            problems_from_validation_error(error, where=record.where, model=kind.model)
        )
    _check_text_lengths(record, instance, given)
    _check_children(record)


def _prepare_page(record: Record, instance: models.Model, exclude: set[str]) -> None:
    values = record.values
    if isinstance(instance, CaseStudyPage) and not instance.can_publish():
        exclude.add("what_went_wrong")
        if values.get("published", True):
            record.problem(
                "what_went_wrong",
                "A published case study must say what went wrong. Add it, or import the case "
                'study as a draft with "published": false.',
            )
    if values.get("document"):
        instance.document_id = _DOCUMENT_TO_COME


def _check_text_lengths(record: Record, instance: models.Model, given: list[str]) -> None:
    """Django does not enforce a TextField's max_length; the model means it, so the import does."""
    already = {problem.field for problem in record.problems}
    for name in given:
        model_field = instance._meta.get_field(name)
        if (
            isinstance(model_field, models.TextField)
            and model_field.max_length
            and name not in already
        ):
            try:
                MaxLengthValidator(model_field.max_length)(getattr(instance, name))
            except ValidationError as error:
                record.problems.extend(
                    Problem(record.where, name, message) for message in error.messages
                )


def _check_children(record: Record) -> None:
    """Due-diligence lines, contacts, email domains and the document, each by its own model."""
    values = record.values
    first_of_area: dict[str, int] = {}
    for index, item in enumerate(values.get("due_diligence") or []):
        _nested(record, f"due_diligence[{index}]", DueDiligenceItem(**item), ["page", "sort_order"])
        area = item.get("area")
        if area in first_of_area:
            record.problem(
                f"due_diligence[{index}].area",
                f'"{area}" is already listed in due_diligence[{first_of_area[area]}]; '
                "list each area once.",
            )
        first_of_area.setdefault(area, index)
    for index, revisit in enumerate(values.get("revisits") or []):
        where = f"revisits[{index}]"
        _nested(record, where, CaseStudyRevisit(**revisit), ["page", "sort_order"])
        # The model checks the date against its page, which the file has not made yet.
        problem = revisit_date_problem(revisit.get("revisited_on"), values.get("started_on"))
        if problem:
            record.problem(f"{where}.revisited_on", problem)
    for index, contact in enumerate(values.get("contacts") or []):
        fields = {key: value for key, value in contact.items() if key != "organisation"}
        instance = CaseStudyContact(**fields)
        _nested(record, f"contacts[{index}]", instance, ["page", "organisation", "sort_order"])
    for index, domain in enumerate(values.get("email_domains") or []):
        instance = OrganisationEmailDomain(domain=domain)
        exclude = ["organisation", "sort_order"]
        # Uniqueness is _check_email_domains' job: it knows which organisation is which.
        _nested(record, f"email_domains[{index}]", instance, exclude, unique=False)
    if values.get("due_diligence_profile"):
        _check_readiness_profile(record, values["due_diligence_profile"])
    if values.get("document"):
        _check_document(record)


def _check_readiness_profile(record: Record, profile: dict[str, Any]) -> None:
    where = "due_diligence_profile"
    texts = {name: profile[name] for name in ("capacity_notes", "competencies")}
    _nested(record, where, ReadinessProfile(**texts), ["organisation", "updated_by"])
    rows = (
        ("systems", ProfileSystem),
        ("contracts", ProfileContract),
        ("practices", ProfilePractice),
    )
    for name, model in rows:
        for index, row in enumerate(profile[name]):
            fields = {key: value for key, value in row.items() if key != "service_area"}
            exclude = ["profile", "service_area", "sort_order"]
            _nested(record, f"{where}.{name}[{index}]", model(**fields), exclude)


def _nested(
    record: Record, path: str, instance: models.Model, exclude: list[str], unique: bool = True
) -> None:
    try:
        instance.full_clean(exclude=exclude, validate_unique=unique)
    except ValidationError as error:
        for problem in problems_from_validation_error(
            error, where=record.where, model=type(instance)
        ):
            # The domain's own field is the list entry itself.
            name = path if problem.field in {"", "domain"} else f"{path}.{problem.field}"
            record.problem(name, problem.message)


def _check_document(record: Record) -> None:
    given = record.values["document"]
    document = documents.normalised(
        DocumentFile(
            title=given.get("title") or record.values.get("title", ""),
            file_name=given["file_name"],
            content=given["content_base64"],
        )
    )
    record.values["document"] = document
    for name, message in documents.document_problems(document):
        record.problem(f"document.{name}", message)
