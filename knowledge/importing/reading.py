"""Readers that turn one JSON value of the import format into the Python value a model takes.

Each reader checks the value's type and notation (a date is `YYYY-MM-DD`, money is plain decimal
notation) and raises `Invalid` with a message for a person. Rules about the values themselves
(ranges, choices, lengths) are left to the models' own validators.
"""

import base64
import binascii
import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

import nh3
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from taggit.models import Tag

from commons.text import lines, one_line
from knowledge.tagging import tag_names_clean

# The rich text the case study editor itself allows (see RICH_TEXT_FEATURES): structure only.
RICH_TEXT_TAGS = {"p", "h2", "h3", "b", "i", "ol", "ul", "li", "a", "br"}
RICH_TEXT_ATTRIBUTES = {"a": {"href"}}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")


class Invalid(Exception):
    """A value the format does not allow. `details` name parts inside it: [(".area", message)]."""

    def __init__(self, message: str = "", *, details: list[tuple[str, str]] | None = None):
        self.details = details if details is not None else [("", message)]
        super().__init__(message or "; ".join(text for _part, text in self.details))


@dataclass(frozen=True)
class DocumentFile:
    """A resource's uploaded file, carried in the import file itself."""

    title: str
    file_name: str
    content: bytes

    def exported(self) -> dict[str, str]:
        return {
            "title": self.title,
            "file_name": self.file_name,
            "content_base64": base64.b64encode(self.content).decode("ascii"),
        }


def sanitise_rich_text(html: str) -> str:
    """Keep headings, emphasis, lists, links and line breaks; drop everything else, and scripts
    with their content. `link_rel=None` keeps links as the rich text editor writes them."""
    return nh3.clean(html, tags=RICH_TEXT_TAGS, attributes=RICH_TEXT_ATTRIBUTES, link_rel=None)


def read_text(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid("Expected text in double quotes.")
    # The database cannot store it, and nobody types it: a sign of a damaged file.
    if "\x00" in value:
        raise Invalid("Contains a NUL character (\\u0000), which cannot be stored. Remove it.")
    return value


def read_line(value: Any) -> str:
    """A title, name or code: one plain line, without control characters."""
    return one_line(read_text(value))


def read_lines(value: Any) -> str:
    """Plain text that keeps its line breaks and loses other control characters."""
    return lines(read_text(value))


def read_rich_text(value: Any) -> str:
    return sanitise_rich_text(read_lines(value))


def read_slug(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise Invalid("Expected the slug of a record, as text.")
    return value


def read_slugs(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(each, str) and each for each in value):
        raise Invalid('Expected a list of slugs, such as ["northshire", "southshire"].')
    return list(dict.fromkeys(value))


def read_tags(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(each, str) for each in value):
        raise Invalid('Expected a list of tag names, such as ["waste", "procurement"].')
    try:
        names = tag_names_clean(read_text(name) for name in value)
    except ValidationError as error:
        raise Invalid(error.messages[0]) from error
    longest = Tag._meta.get_field("name").max_length
    too_long = [name for name in names if len(name) > longest]
    if too_long:
        raise Invalid(f'A tag has at most {longest} characters: "{too_long[0][:40]}..." is longer.')
    return list(dict.fromkeys(names))


def read_email_domains(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(each, str) for each in value):
        raise Invalid('Expected a list of email domains, such as ["northshire.gov.uk"].')
    return list(dict.fromkeys(domain.strip().lower() for domain in value))


def read_email(value: Any) -> str:
    if not isinstance(value, str) or "@" not in value.strip():
        raise Invalid("Expected an email address, such as alex@northshire.gov.uk.")
    return value.strip().lower()


def read_date(value: Any) -> datetime.date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise Invalid("Expected a date as YYYY-MM-DD, such as 2021-04-01.")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise Invalid(f'"{value}" is not a real date.') from error


def read_decimal(value: Any) -> Decimal:
    # bool is an int in Python, but `true` is not a number a person meant.
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal | float):
        raise Invalid('Expected a number in plain decimal notation, such as "1250000.00" or 30.')
    text = str(value)
    if not _DECIMAL.match(text):
        raise Invalid(f'"{text}" is not a number in plain decimal notation, such as "1250000.00".')
    try:
        return Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the pattern already rules this out
        raise Invalid(f'"{text}" is not a number.') from error


def read_boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid("Expected true or false.")
    return value


def read_date_time(value: Any) -> datetime.datetime:
    """ISO 8601; a time without an offset is taken as UTC so the result never depends on where
    the import runs."""
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise Invalid("Expected an ISO 8601 date and time, such as 2023-05-01T09:30:00+00:00.")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.UTC)
    return parsed


def _read_object(
    value: Any, fields: dict[str, Any], required: set[str], where: str
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Read a small nested object: each field with its reader; problems named `where.field`."""
    if not isinstance(value, dict):
        return {}, [(where, "Expected an object in curly brackets.")]
    found, problems = {}, []
    for name in value.keys() - fields.keys():
        problems.append((f"{where}.{name}", "Unknown field."))
    for name, read in fields.items():
        raw = value.get(name)
        if raw is None:
            if name in required:
                problems.append((f"{where}.{name}", "This field is required."))
            continue
        try:
            found[name] = read(raw)
        except Invalid as error:
            problems.extend((f"{where}.{name}{part}", text) for part, text in error.details)
    return found, problems


def _read_list_of_objects(
    value: Any, fields: dict[str, Any], required: set[str], example: str
) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise Invalid(f"Expected a list of objects, such as [{example}].")
    items, problems = [], []
    for index, each in enumerate(value):
        found, found_problems = _read_object(each, fields, required, f"[{index}]")
        items.append(found)
        problems.extend(found_problems)
    if problems:
        raise Invalid(details=problems)
    return items


def read_due_diligence(value: Any) -> list[dict[str, Any]]:
    return _read_list_of_objects(
        value,
        {"area": read_line, "status": read_line, "notes": read_lines},
        {"area"},
        '{"area": "it-assets", "status": "done", "notes": "..."}',
    )


def read_revisits(value: Any) -> list[dict[str, Any]]:
    return _read_list_of_objects(
        value,
        {
            "revisited_on": read_date,
            "actual_annual_savings_pounds": read_decimal,
            "actual_costs_to_date_pounds": read_decimal,
            "what_changed": read_rich_text,
            "what_went_wrong_since": read_rich_text,
        },
        {"revisited_on"},
        '{"revisited_on": "2024-04-01", "actual_annual_savings_pounds": "640000.00", ...}',
    )


def read_whole_number(value: Any) -> int:
    # JSON true is an int to Python, but nobody means a notice period of "true".
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Invalid("Expected a whole number, such as 6.")
    return value


# The parts of a due-diligence profile, as `knowledge.models.ProfilePart` names them.
PROFILE_PARTS = ("systems", "contracts", "capacity", "competencies", "practices")


def read_profile_parts(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(each in PROFILE_PARTS for each in value):
        raise Invalid(
            "Expected a list of the parts shown to members only, chosen from "
            + ", ".join(f'"{part}"' for part in PROFILE_PARTS)
            + '; for example ["contracts"].'
        )
    return [part for part in PROFILE_PARTS if part in value]


def read_readiness_profile(value: Any) -> dict[str, Any]:
    """An organisation's due-diligence profile; lists of rows name service areas by slug."""
    systems = partial(
        _read_list_of_objects,
        fields={"service_area": read_slug, "system": read_line, "supplier": read_line},
        required={"service_area", "system"},
        example='{"service_area": "revenues-and-benefits", "system": "...", "supplier": "..."}',
    )
    contracts = partial(
        _read_list_of_objects,
        fields={
            "service_area": read_slug,
            "description": read_line,
            "supplier": read_line,
            "ends_on": read_date,
            "notice_months": read_whole_number,
        },
        required={"service_area", "description", "ends_on"},
        example='{"service_area": "...", "description": "...", "ends_on": "2028-03-31", ...}',
    )
    practices = partial(
        _read_list_of_objects,
        fields={"service_area": read_slug, "topic": read_line, "practice": read_lines},
        required={"topic", "practice"},
        example='{"topic": "Council tax reminders", "practice": "..."}',
    )
    found, problems = _read_object(
        value,
        {
            "systems": systems,
            "contracts": contracts,
            "capacity_notes": read_lines,
            "competencies": read_lines,
            "practices": practices,
            "members_only": read_profile_parts,
        },
        set(),
        "",
    )
    if problems:
        raise Invalid(details=problems)
    return {
        "systems": found.get("systems", []),
        "contracts": found.get("contracts", []),
        "capacity_notes": found.get("capacity_notes", ""),
        "competencies": found.get("competencies", ""),
        "practices": found.get("practices", []),
        "members_only": found.get("members_only", []),
    }


def read_contacts(value: Any) -> list[dict[str, Any]]:
    return _read_list_of_objects(
        value,
        {
            "name": read_line,
            "role": read_line,
            "organisation": read_slug,
            "email": read_line,
        },
        {"name"},
        '{"name": "...", "role": "...", "organisation": "northshire", "email": "..."}',
    )


def _read_base64(value: Any) -> bytes:
    text = "".join(read_text(value).split())
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise Invalid("Expected the file's content in base64.") from error


def read_document(value: Any) -> dict[str, Any]:
    """The file's name and bytes; the title defaults to the resource's (filled in by the schema)."""
    found, problems = _read_object(
        value,
        {"title": read_line, "file_name": read_line, "content_base64": _read_base64},
        {"file_name", "content_base64"},
        "",
    )
    name = found.get("file_name", "")
    if name and ("/" in name or "\\" in name or name.startswith(".")):
        problems.append((".file_name", "Give the file's name only, without a folder."))
    if problems:
        raise Invalid(details=problems)
    return found
