"""The filter forms of the public lists: what can be asked, and the messages for bad answers.

A FilterSet here only reads and checks the query string; the querying itself is done by the
selectors in `knowledge.queries`, which tests and other pages use directly.
"""

from decimal import Decimal

import django_filters
from django import forms
from taggit.models import Tag
from wagtail.query import PageQuerySet

from knowledge import queries
from knowledge.models import (
    Licence,
    Organisation,
    ProgrammeStage,
    Region,
    ResourceKind,
    ServiceArea,
    SharedService,
)


class FriendlyDecimalField(forms.DecimalField):
    """A number as people type it: "£50,000" and "30%" mean 50000 and 30."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").replace("£", "").replace("%", "").strip()
        return super().to_python(value)


class FriendlyNumberFilter(django_filters.NumberFilter):
    field_class = FriendlyDecimalField


def _choice_messages(what: str) -> dict[str, str]:
    message = f"Choose {what} from the list"
    return {"invalid_choice": message, "invalid_pk_value": message, "invalid_list": message}


def _amount(
    label: str, *, what: str, example: str, max_value: Decimal | None = None
) -> FriendlyNumberFilter:
    return FriendlyNumberFilter(
        label=label,
        min_value=Decimal(0),
        max_value=max_value,
        max_digits=14,
        decimal_places=2,
        # A text box, not type="number": browsers refuse "£1,250" in a number box before the
        # server can accept it, and spin buttons are no use for money.
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "spellcheck": "false", "class": "govuk-input--width-10"}
        ),
        error_messages={
            "invalid": f"Enter the {what} as a number, like {example}",
            "min_value": f"The {what} cannot be negative",
            # Django fills in this message with %-formatting, hence the doubled %.
            "max_value": f"The {what} must be {max_value}%% or less",
            "max_digits": f"The {what} is too large",
            "max_decimal_places": f"Enter the {what} with no more than 2 decimal places",
            "max_whole_digits": f"The {what} is too large",
        },
    )


def _percent(label: str, *, what: str) -> FriendlyNumberFilter:
    return _amount(label, what=what, example="25", max_value=Decimal(100))


class RangeCheckingForm(forms.Form):
    """Refuses a range whose minimum is above its maximum, naming the field to fix."""

    ranges: tuple[tuple[str, str, str], ...] = ()

    def clean(self):
        cleaned = super().clean()
        for low_name, high_name, what in self.ranges:
            low, high = cleaned.get(low_name), cleaned.get(high_name)
            if low is not None and high is not None and low > high:
                self.add_error(
                    high_name, f"The maximum {what} must be the same as or more than the minimum"
                )
        return cleaned


class CaseStudyFilterForm(RangeCheckingForm):
    ranges = (
        ("savings_min", "savings_max", "annual savings"),
        ("percent_min", "percent_max", "savings percentage"),
    )


class KnowledgeFilter(django_filters.FilterSet):
    """The filters case studies and resources share: service area, organisation and tag."""

    service_area = django_filters.ModelMultipleChoiceFilter(
        label="Service area",
        queryset=ServiceArea.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_messages("service areas"),
    )
    organisation = django_filters.ModelChoiceFilter(
        label="Organisation",
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        empty_label="Any organisation",
        error_messages=_choice_messages("an organisation"),
    )
    tag = django_filters.ModelChoiceFilter(
        label="Tag",
        queryset=Tag.objects.none(),
        to_field_name="slug",
        empty_label="Any tag",
        error_messages=_choice_messages("a tag"),
    )


class CaseStudyFilter(KnowledgeFilter):
    """?service_area=waste&stage=live&savings_min=100000&sort=savings, and so on."""

    stage = django_filters.MultipleChoiceFilter(
        label="Stage",
        choices=ProgrammeStage.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_messages("stages"),
    )
    savings_min = _amount(
        "Minimum annual savings (£)", what="minimum annual savings", example="50000"
    )
    savings_max = _amount(
        "Maximum annual savings (£)", what="maximum annual savings", example="500000"
    )
    percent_min = _percent("Minimum savings (%)", what="minimum savings percentage")
    percent_max = _percent("Maximum savings (%)", what="maximum savings percentage")
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=queries.CaseStudySort.choices,
        empty_label=None,
        error_messages=_choice_messages("how to sort"),
    )

    class Meta:
        form = CaseStudyFilterForm
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, queryset=queries.live_case_studies(), **kwargs)
        # Offer only choices that find something; built per request, as they change with content.
        self.filters["organisation"].queryset = queries.organisations_with_live_case_studies()
        self.filters["tag"].queryset = queries.tags_on_live_case_studies()

    def filter_queryset(self, queryset: PageQuerySet) -> PageQuerySet:
        data = self.form.cleaned_data
        criteria = queries.CaseStudyCriteria(
            service_areas=list(data.get("service_area") or ()),
            organisation=data.get("organisation"),
            tag=data.get("tag"),
            stages=data.get("stage") or (),
            savings_min=data.get("savings_min"),
            savings_max=data.get("savings_max"),
            percent_min=data.get("percent_min"),
            percent_max=data.get("percent_max"),
            sort=data.get("sort") or queries.CaseStudySort.NEWEST,
        )
        return queries.case_studies_for_listing(criteria, pages=queryset)


class ResourceFilter(KnowledgeFilter):
    """?kind=template&service_area=waste&licence=ogl-3.0&sort=title, and so on."""

    kind = django_filters.MultipleChoiceFilter(
        label="Kind of resource",
        choices=ResourceKind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_messages("kinds of resource"),
    )
    licence = django_filters.ChoiceFilter(
        label="Licence",
        choices=Licence.choices,
        empty_label="Any licence",
        error_messages=_choice_messages("a licence"),
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=queries.ResourceSort.choices,
        empty_label=None,
        error_messages=_choice_messages("how to sort"),
    )

    class Meta:
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, queryset=queries.live_resources(), **kwargs)
        self.filters["organisation"].queryset = queries.organisations_with_live_resources()
        self.filters["tag"].queryset = queries.tags_on_live_resources()

    def filter_queryset(self, queryset: PageQuerySet) -> PageQuerySet:
        data = self.form.cleaned_data
        criteria = queries.ResourceCriteria(
            kinds=data.get("kind") or (),
            service_areas=list(data.get("service_area") or ()),
            organisation=data.get("organisation"),
            tag=data.get("tag"),
            licence=data.get("licence") or "",
            sort=data.get("sort") or queries.ResourceSort.NEWEST,
        )
        return queries.resources_for_listing(criteria, pages=queryset)


class OrganisationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label="Kind",
        choices=Organisation.Kind.choices,
        empty_label="Any kind",
        error_messages=_choice_messages("a kind of organisation"),
    )
    region = django_filters.ChoiceFilter(
        label="Region",
        choices=Region.choices,
        empty_label="Any region",
        error_messages=_choice_messages("a region"),
    )

    class Meta:
        model = Organisation
        fields: list[str] = []


class SharedServiceFilter(django_filters.FilterSet):
    service_area = django_filters.ModelChoiceFilter(
        label="Service area",
        queryset=ServiceArea.objects.all(),
        to_field_name="slug",
        empty_label="Any service area",
        error_messages=_choice_messages("a service area"),
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=SharedService.Status.choices,
        empty_label="Any status",
        error_messages=_choice_messages("a status"),
    )

    class Meta:
        model = SharedService
        fields: list[str] = []
