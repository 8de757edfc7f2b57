"""Forms people fill in on the public site, with messages written the GOV.UK way.

The markup comes from `templates/includes/forms/`, which reads each field's widget type; these forms
only say what is asked and what counts as a good answer. Every field keeps what was typed when
another answer is wrong: bound values are re-rendered as sent, never reformatted.
"""

import datetime
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import DecimalValidator
from wagtail.documents.models import AbstractDocument

from commons.forms import PlainTextField, text_field
from knowledge.document_checks import CONTRIBUTED_DOCUMENT_EXTENSIONS, document_validate
from knowledge.due_diligence_form import DueDiligenceFieldsMixin, due_diligence_initial
from knowledge.models import (
    CaseStudyPage,
    Licence,
    Organisation,
    ProgrammeStage,
    ResourceKind,
    ResourcePage,
    ServiceArea,
)
from knowledge.stored_text import STORY_FIELDS, plain_from_rich_text
from knowledge.tagging import TAG_MAX_LENGTH, TAGS_MAX, tag_names_clean

TITLE_MAX_LENGTH = 200
SUMMARY_MAX_LENGTH = 600
STORY_MAX_LENGTH = 20_000


class DayMonthYearWidget(forms.MultiWidget):
    """A date as three boxes (day, month, year), the way GOV.UK asks for a date."""

    parts = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))
    use_fieldset = True

    def __init__(self, attrs: dict | None = None) -> None:
        boxes = {name: forms.TextInput(attrs={"inputmode": "numeric"}) for name, _, _ in self.parts}
        super().__init__(boxes, attrs)

    def decompress(self, value: Any) -> list[str | None]:
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        for box, (_, label, width) in zip(context["widget"]["subwidgets"], self.parts, strict=True):
            box["label"] = label
            box["width"] = width
        return context


class DayMonthYearField(forms.Field):
    """An optional or required date typed as day, month and year, with GOV.UK's messages."""

    widget = DayMonthYearWidget

    def __init__(self, *, what: str, **kwargs: Any) -> None:
        self.what = what
        kwargs.setdefault("error_messages", {"required": f"Enter {what.lower()}"})
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime.date | None:
        if isinstance(value, datetime.date):
            return value
        parts = [str(part or "").strip() for part in (value or [])]
        parts = [*parts, "", "", ""][:3]
        if not any(parts):
            return None
        missing = [
            name
            for (name, _, _), part in zip(DayMonthYearWidget.parts, parts, strict=True)
            if not part
        ]
        if missing:
            raise ValidationError(f"{self.what} must include a {' and a '.join(missing)}")
        if not all(part.isascii() and part.isdigit() for part in parts):
            raise ValidationError(f"{self.what} must be a real date, like 27 3 2021")
        day, month, year = (int(part) for part in parts)
        if len(parts[2]) != 4:
            raise ValidationError("Year must include 4 numbers")
        try:
            return datetime.date(year, month, day)
        except (ValueError, OverflowError):
            raise ValidationError(f"{self.what} must be a real date, like 27 3 2021") from None


class AmountField(forms.DecimalField):
    """A number as people write it: "£1,250,000", "30%" and " 12.5 " all count."""

    def __init__(self, *, name: str, label: str, what: str, example: str, **kwargs: Any) -> None:
        model_field = CaseStudyPage._meta.get_field(name)
        # The model's own rules (not negative, 0% to 100%) give the same message here as in the
        # admin and the import; the digit limits are the form field's, with plainer words.
        model_rules = [v for v in model_field.validators if not isinstance(v, DecimalValidator)]
        super().__init__(
            label=label,
            required=False,
            max_digits=model_field.max_digits,
            decimal_places=model_field.decimal_places,
            validators=model_rules,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
            error_messages={
                "invalid": f"{what} must be a number, like {example}",
                "max_digits": f"{what} is too large",
                "max_whole_digits": f"{what} is too large",
                "max_decimal_places": f"{what} can have at most {model_field.decimal_places} "
                f"{'digit' if model_field.decimal_places == 1 else 'digits'} after the "
                "decimal point",
            },
            **kwargs,
        )

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            value = re.sub(r"[£,%\s]", "", value)
        return super().to_python(value)


class TagsField(PlainTextField):
    """Tags typed as one line, separated by commas."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            label="Tags (optional)",
            help_text="Words people might search for, separated by commas. "
            "For example: revenues, benefits, shared management",
            required=False,
            max_length=2000,
            widget=forms.TextInput(attrs={"spellcheck": "true"}),
            error_messages={"max_length": "Tags must be 2,000 characters or fewer in all"},
            **kwargs,
        )

    def clean(self, value: Any) -> list[str]:
        text = super().clean(value)
        names: dict[str, str] = {}
        for name in tag_names_clean(text.split(",")):
            names.setdefault(name.lower(), name)
        if any(len(name) > TAG_MAX_LENGTH for name in names.values()):
            raise ValidationError(f"Each tag must be {TAG_MAX_LENGTH} characters or fewer")
        if len(names) > TAGS_MAX:
            raise ValidationError(f"Enter {TAGS_MAX} tags or fewer")
        return list(names.values())


def _checkboxes(queryset, *, label: str, hint: str = "") -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=queryset,
        label=label,
        help_text=hint,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Select only from the list",
            "invalid_pk_value": "Select only from the list",
        },
    )


class CaseStudyForm(DueDiligenceFieldsMixin, forms.Form):
    """A shared-service programme, told warts and all."""

    title = text_field(
        "Title",
        required_message="Enter a title for the case study",
        max_length=TITLE_MAX_LENGTH,
        hint="Say who shared what. For example: Three district councils share revenues and "
        "benefits",
        spellcheck="true",
    )
    summary = text_field(
        "Summary",
        required_message="Enter a summary of the case study",
        max_length=SUMMARY_MAX_LENGTH,
        hint="Two or three plain sentences: who did what, and how it went.",
        rows=4,
    )
    organisations = _checkboxes(
        Organisation.objects.all(),
        label="Organisations involved (optional)",
        hint="Select all that took part.",
    )
    service_areas = _checkboxes(
        ServiceArea.objects.all(),
        label="Service areas (optional)",
        hint="Select all that apply.",
    )
    stage = forms.ChoiceField(
        label="Stage the programme has reached",
        choices=ProgrammeStage.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the stage the programme has reached",
            "invalid_choice": "Select the stage the programme has reached",
        },
    )
    started_on = DayMonthYearField(
        what="The start date",
        label="When did the programme start? (optional)",
        help_text="For example, 1 4 2021",
        required=False,
    )
    ended_on = DayMonthYearField(
        what="The end date",
        label="When did it end? (optional)",
        help_text="Leave this empty if it is still running. For example, 31 3 2024",
        required=False,
    )
    investment_pounds = AmountField(
        name="investment_pounds",
        label="Investment in pounds (optional)",
        what="Investment",
        example="250000",
        help_text="One-off cost of setting up the shared service.",
    )
    annual_savings_pounds = AmountField(
        name="annual_savings_pounds",
        label="Annual savings in pounds (optional)",
        what="Annual savings",
        example="450000",
        help_text="Recurring savings a year.",
    )
    savings_percent = AmountField(
        name="savings_percent",
        label="Savings as a percentage of the previous cost (optional)",
        what="Savings",
        example="30",
        help_text="A number from 0 to 100.",
    )
    staff_change_fte = AmountField(
        name="staff_change_fte",
        label="Change in staff, full-time equivalent (optional)",
        what="Change in staff",
        example="-12.5",
        help_text="Negative for fewer posts, for example -12.5.",
    )
    outcomes = text_field(
        "Outcomes (optional)",
        hint="What changed for the councils and the people they serve.",
        max_length=STORY_MAX_LENGTH,
        rows=6,
    )
    what_went_wrong = text_field(
        "What went wrong",
        required_message="Enter what went wrong, or what was harder or slower than planned",
        hint="Every case study says what went wrong, was harder or took longer than planned: "
        "that is what the next council most needs to know.",
        max_length=STORY_MAX_LENGTH,
        rows=6,
    )
    lessons_learned = text_field(
        "Lessons learned (optional)",
        hint="What you would tell a council about to start the same thing.",
        max_length=STORY_MAX_LENGTH,
        rows=6,
    )
    target_operating_model = text_field(
        "Target operating model (optional)",
        hint="How the shared service is organised: who does what, where, and who it answers to.",
        max_length=STORY_MAX_LENGTH,
        rows=6,
    )
    culture_and_leadership = text_field(
        "Culture and leadership (optional)",
        hint="How the organisations' ways of working were brought together, and who led it.",
        max_length=STORY_MAX_LENGTH,
        rows=6,
    )
    tags = TagsField()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        started, ended = cleaned.get("started_on"), cleaned.get("ended_on")
        if started and ended and ended < started:
            self.add_error("ended_on", "The end date must be on or after the start date.")
        cleaned["due_diligence"] = self.due_diligence_clean(cleaned)
        return cleaned

    @classmethod
    def initial_from(cls, page: CaseStudyPage) -> dict[str, Any]:
        """What the form shows for a case study already sent: its latest revision's answers."""
        initial: dict[str, Any] = {
            name: getattr(page, name)
            for name in (
                "title",
                "summary",
                "stage",
                "started_on",
                "ended_on",
                "investment_pounds",
                "annual_savings_pounds",
                "savings_percent",
                "staff_change_fte",
            )
        }
        for name in STORY_FIELDS:
            initial[name] = plain_from_rich_text(getattr(page, name) or "")
        initial["organisations"] = [item.pk for item in page.organisations.all()]
        initial["service_areas"] = [item.pk for item in page.service_areas.all()]
        initial["tags"] = ", ".join(tag.name for tag in page.tags.all())
        initial.update(due_diligence_initial(page))
        return initial


class ResourceForm(forms.Form):
    """A guide, template, toolkit, dataset, report or link: a web address or an uploaded file."""

    title = text_field(
        "Title",
        required_message="Enter a title for the resource",
        max_length=TITLE_MAX_LENGTH,
        spellcheck="true",
    )
    summary = text_field(
        "Summary",
        required_message="Enter a summary of the resource",
        max_length=SUMMARY_MAX_LENGTH,
        hint="What it is and who it helps, in two or three plain sentences.",
        rows=4,
    )
    kind = forms.ChoiceField(
        label="What kind of resource is it?",
        choices=ResourceKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what kind of resource it is",
            "invalid_choice": "Select what kind of resource it is",
        },
    )
    external_url = forms.URLField(
        label="Web address (optional)",
        help_text="Give a web address or upload a document below, not both.",
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"spellcheck": "false", "autocomplete": "url"}),
        error_messages={
            "invalid": "Enter a web address in the correct format, like "
            "https://www.example.org/guide",
            "max_length": "The web address must be 200 characters or fewer",
        },
    )
    document = forms.FileField(
        label="Upload a document (optional)",
        help_text=f"{', '.join(ext.upper() for ext in CONTRIBUTED_DOCUMENT_EXTENSIONS)}.",
        required=False,
        widget=forms.FileInput(
            attrs={"accept": ",".join(f".{ext}" for ext in CONTRIBUTED_DOCUMENT_EXTENSIONS)}
        ),
        error_messages={
            "invalid": "The selected file could not be read: select it again",
            "empty": "The selected file is empty",
            "missing": "Select a file",
        },
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        label="Organisation that made it (optional)",
        required=False,
        empty_label="Not listed, or none",
        error_messages={"invalid_choice": "Select an organisation from the list"},
    )
    service_areas = _checkboxes(
        ServiceArea.objects.all(), label="Service areas (optional)", hint="Select all that apply."
    )
    licence = forms.ChoiceField(
        label="Licence",
        help_text="How others may reuse it.",
        choices=Licence.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the licence others may reuse it under",
            "invalid_choice": "Select the licence others may reuse it under",
        },
    )
    tags = TagsField()

    def __init__(self, *args: Any, sent_document: AbstractDocument | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # A resource sent again keeps the file sent before unless something takes its place:
        # browsers cannot show a file already uploaded in a file box.
        self.sent_document = sent_document
        if sent_document is not None:
            self.fields["document"].label = "Upload a new document (optional)"
            self.fields["document"].help_text = (
                f"You sent “{sent_document.title}”. Leave this empty to keep it, or choose a "
                "new file to replace it. A web address above replaces it too."
            )

    @classmethod
    def initial_from(cls, page: ResourcePage) -> dict[str, Any]:
        """What the form shows for a resource already sent: its latest revision's answers."""
        return {
            "title": page.title,
            "summary": page.summary,
            "kind": page.kind,
            "external_url": page.external_url,
            "organisation": page.organisation_id,
            "service_areas": [item.pk for item in page.service_areas.all()],
            "licence": page.licence,
            "tags": ", ".join(tag.name for tag in page.tags.all()),
        }

    def clean_document(self) -> Any:
        document = self.cleaned_data.get("document")
        if document:
            document_validate(document)
        return document

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        has_document = (
            bool(cleaned.get("document"))
            or "document" in self.errors
            or self.sent_document is not None
        )
        has_url = bool(cleaned.get("external_url")) or "external_url" in self.errors
        if not has_document and not has_url:
            self.add_error(
                "external_url", "Upload a document or give the web address of the resource."
            )
        elif cleaned.get("document") and cleaned.get("external_url"):
            self.add_error("external_url", "Give either a document or a web address, not both.")
        return cleaned

    @property
    def document_needs_choosing_again(self) -> bool:
        """Browsers never send a chosen file twice: after another error, it must be chosen again."""
        return (
            self.is_bound
            and bool(self.errors)
            and "document" in self.files
            and "document" not in self.errors
        )
