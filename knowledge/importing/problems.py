"""What is wrong with an import file, said so that a person can find and fix it."""

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file: where it is (record and field) and what is wrong."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [part for part in (self.where, self.field) if part]
        return ": ".join([*parts, self.message])


class ImportValidationError(Exception):
    """The file was refused; nothing was imported. `problems` lists everything found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def record_label(key: str, index: int, slug: object) -> str:
    """`case_studies[3] (slug "tri-council-revs-and-bens")`; without the slug when it has none."""
    if isinstance(slug, str) and slug:
        return f'{key}[{index}] (slug "{slug}")'
    return f"{key}[{index}]"


def problems_from_validation_error(
    error: ValidationError,
    *,
    where: str,
    model: type[models.Model],
    field_names: dict[str, str] | None = None,
) -> list[Problem]:
    """Turn a model's own `full_clean()` verdict into problems named the way the file names them.

    `field_names` maps a model field to the file's name for it when they differ (a document's
    `file` is the file's `document.file_name`).
    """
    field_names = field_names or {}
    if not hasattr(error, "error_dict"):
        return [Problem(where, "", message) for message in error.messages]
    problems = []
    for field, errors in error.error_dict.items():
        name = "" if field == NON_FIELD_ERRORS else field_names.get(field, field)
        for each in errors:
            for message in each.messages:
                problems.append(Problem(where, name, _with_choices(message, each, model, field)))
    return problems


def _with_choices(
    message: str, error: ValidationError, model: type[models.Model], field: str
) -> str:
    """Django says a choice is invalid; say which choices are valid too."""
    if error.code != "invalid_choice" or field == NON_FIELD_ERRORS:
        return message
    try:
        choices = model._meta.get_field(field).choices or []
    except FieldDoesNotExist:
        return message
    return f"{message} Choose one of: {', '.join(str(value) for value, _label in choices)}."
