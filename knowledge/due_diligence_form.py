"""The admin's due-diligence checklist as plain form fields for the public contribution form.

In the admin it is an inline of `DueDiligenceItem` rows, at most one per area. Here every area
gets a fixed pair of fields (how far the check got, and notes), so a contributor sees all five
areas without adding rows, and each answered area becomes one row.
"""

from typing import Any

from django import forms

from commons.forms import text_field
from knowledge.models import CaseStudyPage, DueDiligenceItem

NOTES_MAX_LENGTH = 2_000


def due_diligence_name(area: str, part: str) -> str:
    """The form field for one part ("status" or "notes") of one checklist area."""
    return f"due_diligence_{area.replace('-', '_')}_{part}"


def _the_check(label: str) -> str:
    # "IT assets" keeps its capitals; "Capacity" reads "the capacity check" mid-sentence.
    return f"the {label if label[:2].isupper() else label.lower()} check"


def due_diligence_initial(page: CaseStudyPage) -> dict[str, str]:
    """The fields' values for a case study's existing checklist rows."""
    initial = {}
    for item in page.due_diligence.all():
        initial[due_diligence_name(item.area, "status")] = item.status
        initial[due_diligence_name(item.area, "notes")] = item.notes
    return initial


class DueDiligenceFieldsMixin:
    """Adds the checklist's fields to a form; its `clean()` calls `due_diligence_clean`."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for area, label in DueDiligenceItem.Area.choices:
            self.fields[due_diligence_name(area, "status")] = forms.ChoiceField(
                label=f"How far did {_the_check(label)} get? (optional)",
                choices=[("", "Not answered"), *DueDiligenceItem.Status.choices],
                required=False,
                error_messages={"invalid_choice": f"Select how far {_the_check(label)} got"},
            )
            self.fields[due_diligence_name(area, "notes")] = text_field(
                f"Notes on {_the_check(label)} (optional)", max_length=NOTES_MAX_LENGTH, rows=3
            )

    @property
    def due_diligence_areas(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        """Each area's label with its two fields, in the admin's order, for the template."""
        return [
            (
                label,
                self[due_diligence_name(area, "status")],
                self[due_diligence_name(area, "notes")],
            )
            for area, label in DueDiligenceItem.Area.choices
        ]

    def due_diligence_clean(self, cleaned: dict[str, Any]) -> list[tuple[str, str, str]]:
        """(area, status, notes) for each area answered; notes alone do not say how far it got."""
        lines = []
        for area, label in DueDiligenceItem.Area.choices:
            status_name = due_diligence_name(area, "status")
            status = cleaned.get(status_name, "")
            notes = cleaned.get(due_diligence_name(area, "notes"), "")
            if status:
                lines.append((area, status, notes))
            elif notes and status_name not in self.errors:
                self.add_error(status_name, f"Select how far {_the_check(label)} got")
        return lines
