"""The officers' form for a due-diligence profile: the profile's own fields and one formset per
kind of row (systems, contracts, practices), each row with GOV.UK messages.

A blank row left blank is ignored (Django's formsets skip unchanged extra forms), so the page can
always offer one empty row to fill in.
"""

from typing import Any

from django import forms
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils.functional import cached_property

from commons.forms import text_field
from knowledge.forms import DayMonthYearField
from knowledge.models import ServiceArea
from knowledge.models.readiness import (
    ProfileContract,
    ProfilePart,
    ProfilePractice,
    ProfileSystem,
    ReadinessProfile,
)

ROWS_MAX = 50
NOTICE_MONTHS_MAX = 120
MEMBERS_ONLY_HINT = "Only verified officers of councils in the network and editors will see it."


def _service_area(*, required: bool) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=ServiceArea.objects.all(),
        label="Service area" if required else "Service area (optional)",
        required=required,
        empty_label="Choose a service area" if required else "The whole organisation",
        error_messages={
            "required": "Select the service area",
            "invalid_choice": "Select a service area from the list",
        },
    )


def _members_only(part: ProfilePart) -> forms.BooleanField:
    return forms.BooleanField(
        label=f"Show {part.label.lower()} to members only",
        required=False,
        help_text=MEMBERS_ONLY_HINT,
    )


class ProfileForm(forms.ModelForm):
    capacity_notes = text_field(
        "Capacity (optional)",
        max_length=4000,
        rows=5,
        hint="Who could work on a shared service, and when: teams, vacancies, busy times.",
    )
    competencies = text_field(
        "Competencies (optional)",
        max_length=4000,
        rows=5,
        hint="What your people are good at that a partner could use, or would need.",
    )
    systems_members_only = _members_only(ProfilePart.SYSTEMS)
    contracts_members_only = _members_only(ProfilePart.CONTRACTS)
    capacity_members_only = _members_only(ProfilePart.CAPACITY)
    competencies_members_only = _members_only(ProfilePart.COMPETENCIES)
    practices_members_only = _members_only(ProfilePart.PRACTICES)

    class Meta:
        model = ReadinessProfile
        fields = [
            "capacity_notes",
            "competencies",
            *(f"{part.value}_members_only" for part in ProfilePart),
        ]


class SystemForm(forms.ModelForm):
    service_area = _service_area(required=True)
    system = text_field(
        "System",
        required_message="Enter the name of the system",
        max_length=120,
        hint="The product, for example OpenRevenues.",
    )
    supplier = text_field("Supplier (optional)", max_length=120)

    class Meta:
        model = ProfileSystem
        fields = ["service_area", "system", "supplier"]


class ContractForm(forms.ModelForm):
    service_area = _service_area(required=True)
    description = text_field(
        "What the contract covers",
        required_message="Enter what the contract covers",
        max_length=200,
        hint="For example, Revenues and benefits software.",
    )
    supplier = text_field("Supplier (optional)", max_length=120)
    ends_on = DayMonthYearField(
        what="The date the contract ends",
        label="Date the contract ends",
        help_text="For example, 31 3 2028",
    )
    notice_months = forms.IntegerField(
        label="Notice period in months",
        help_text="How many months before the end notice must be given. Enter 0 if none.",
        min_value=0,
        max_value=NOTICE_MONTHS_MAX,
        initial=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "required": "Enter the notice period in months, or 0 if there is none",
            "invalid": "Notice period must be a whole number of months, like 12",
            "min_value": "Notice period must be 0 months or more",
            "max_value": f"Notice period must be {NOTICE_MONTHS_MAX} months or fewer",
        },
    )

    class Meta:
        model = ProfileContract
        fields = ["service_area", "description", "supplier", "ends_on", "notice_months"]


class PracticeForm(forms.ModelForm):
    service_area = _service_area(required=False)
    topic = text_field(
        "Topic",
        required_message="Enter the topic of the practice",
        max_length=120,
        hint="For example, Council tax reminders.",
    )
    practice = text_field(
        "How you do it",
        required_message="Enter how you do it",
        max_length=2000,
        rows=3,
        hint="In a sentence or two.",
    )

    class Meta:
        model = ProfilePractice
        fields = ["service_area", "topic", "practice"]


class RowFormSet(BaseInlineFormSet):
    """Rows of one kind, with a plain "Remove" box on the rows already saved."""

    noun = "row"
    default_error_messages = {
        "too_many_forms": f"You can list up to {ROWS_MAX} of these",
        # Only a form changed outside the page (or a very old copy of it) gets this.
        "missing_management_form": "The form was not complete: open it again and re-enter "
        "your changes",
    }

    @cached_property
    def _service_area_choices(self) -> list:
        return list(self.form.base_fields["service_area"].choices)

    def _construct_form(self, i: int, **kwargs: Any) -> forms.Form:
        form = super()._construct_form(i, **kwargs)
        # One list of service areas for every row, not one query per row's drop-down.
        form.fields["service_area"].choices = self._service_area_choices
        return form

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = f"Remove this {self.noun}"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Given here rather than by overriding get_queryset, whose result Django caches only
        # when it is its own: the formset asks for it once per row.
        kwargs.setdefault("queryset", self.model._default_manager.select_related("service_area"))
        super().__init__(*args, **kwargs)


def _rows(model, form, noun: str) -> type[BaseInlineFormSet]:
    return inlineformset_factory(
        ReadinessProfile,
        model,
        form=form,
        formset=type(f"{model.__name__}FormSet", (RowFormSet,), {"noun": noun}),
        extra=1,
        can_delete=True,
        max_num=ROWS_MAX,
        absolute_max=ROWS_MAX,
        validate_max=True,
    )


ROW_FORMSETS = {
    "systems": _rows(ProfileSystem, SystemForm, "system"),
    "contracts": _rows(ProfileContract, ContractForm, "contract"),
    "practices": _rows(ProfilePractice, PracticeForm, "practice"),
}


def profile_forms(
    profile: ReadinessProfile, data: Any = None
) -> tuple[ProfileForm, dict[str, BaseInlineFormSet]]:
    """The profile's form and its row formsets, bound to `data` when there is some."""
    return ProfileForm(data, instance=profile), {
        name: formset(data, instance=profile, prefix=name) for name, formset in ROW_FORMSETS.items()
    }


def with_one_more_row(data: Any, name: str) -> Any:
    """The posted answers with one more blank row of `name`: "Add another" works without
    JavaScript by showing the form again, everything typed kept."""
    data = data.copy()
    key = f"{name}-TOTAL_FORMS"
    try:
        total = int(data.get(key, 0))
    except ValueError:
        total = 0
    data[key] = str(min(total + 1, ROWS_MAX))
    return data


def _anchor(bound: forms.BoundField) -> str:
    return f"#{bound.auto_id}_0" if bound.widget_type == "daymonthyear" else f"#{bound.auto_id}"


def profile_error_list(
    form: ProfileForm, row_formsets: dict[str, BaseInlineFormSet]
) -> list[dict[str, str]]:
    """The error summary: each problem linked to its box, a row's problems named by the row
    ("Contract 2: Enter the date the contract ends")."""
    summary = [
        {"href": _anchor(form[name]), "text": message}
        for name, messages in form.errors.items()
        if name in form.fields
        for message in messages
    ]
    for name, formset in row_formsets.items():
        summary.extend(
            {"href": f"#{name}", "text": message} for message in formset.non_form_errors()
        )
        for number, row in enumerate(formset.forms, start=1):
            summary.extend(
                {
                    "href": _anchor(row[field]) if field in row.fields else f"#{name}",
                    "text": f"{formset.noun.capitalize()} {number}: {message}",
                }
                for field, messages in row.errors.items()
                for message in messages
            )
    return summary
