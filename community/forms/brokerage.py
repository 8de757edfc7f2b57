"""The brokerage's forms: a listing, an expression of interest, the list's filters and the
compatibility finder's questions.

Messages follow the GOV.UK pattern (say what is wrong and how to fix it); bound forms re-render
what was typed. The rules about capacity and closing dates are the services' (the form asks the
same questions first, so people see every problem at once).
"""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from commons.forms import text_field
from community.models import Interest, Listing
from community.partner_fit import WINDOW_MONTHS
from community.selectors.partners import organisations_with_profiles
from community.services.brokerage import CAPACITY_MAX, EXPIRY_MAX
from knowledge.forms import DayMonthYearField
from knowledge.models import Organisation, Region, ServiceArea

DEFAULT_OPEN_DAYS = 90
DEFAULT_WINDOW_MONTHS = 12


def _choice_messages(what: str) -> dict[str, str]:
    message = f"Choose {what} from the list"
    return {"invalid_choice": message, "invalid_pk_value": message}


class ListingForm(forms.Form):
    """An offer of a service or capacity, or a need for a partner."""

    kind = forms.ChoiceField(
        label="Are you offering something or looking for a partner?",
        choices=[
            (Listing.Kind.OFFER, "An offer: we run a service and have room for more organisations"),
            (Listing.Kind.NEED, "A need: we are looking for a partner"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether this is an offer or a need",
            **_choice_messages("an offer or a need"),
        },
    )
    title = text_field(
        "Title",
        required_message="Enter a title",
        max_length=Listing._meta.get_field("title").max_length,
        hint="For example: Payroll for schools, room for two more councils",
    )
    description = text_field(
        "Description",
        required_message="Enter a description",
        max_length=Listing._meta.get_field("description").max_length,
        hint="What you offer or need, how it works and what a partner would do. Plain text.",
        rows=8,
    )
    service_area = forms.ModelChoiceField(
        queryset=ServiceArea.objects.order_by("name"),
        label="Service area",
        empty_label="Choose a service area",
        error_messages={
            "required": "Choose a service area",
            **_choice_messages("a service area"),
        },
    )
    region = forms.ChoiceField(
        label="Region",
        help_text="Where partners would be. Choose UK-wide if it does not matter.",
        choices=[("", "Choose a region"), *Region.choices],
        error_messages={"required": "Choose a region", **_choice_messages("a region")},
    )
    capacity = forms.IntegerField(
        label="Number of partners",
        help_text="For an offer: how many more organisations you could take on. "
        "For a need: how many partners you are looking for.",
        min_value=1,
        max_value=CAPACITY_MAX,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "required": "Enter the number of partners",
            "invalid": "Number of partners must be a whole number, like 2",
            "min_value": "Number of partners must be 1 or more",
            "max_value": f"Number of partners must be {CAPACITY_MAX} or fewer",
        },
    )
    expires_on = DayMonthYearField(
        what="Closing date",
        label="Closing date",
        help_text="The listing leaves the brokerage after this day. It can be up to a year "
        "from today. For example, 27 3 2027",
    )

    def clean_expires_on(self) -> datetime.date:
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day < today:
            raise ValidationError("Closing date must be today or in the future")
        if day > today + EXPIRY_MAX:
            raise ValidationError("Closing date must be within a year from today")
        return day

    @classmethod
    def initial_for(cls, user: Any) -> dict[str, Any]:
        """A new listing starts in the poster's organisation's region, open for three months."""
        organisation = user.verified_officer_of
        return {
            "region": organisation.region if organisation else "",
            "expires_on": timezone.localdate() + datetime.timedelta(days=DEFAULT_OPEN_DAYS),
        }

    @classmethod
    def initial_from(cls, listing: Listing) -> dict[str, Any]:
        return {
            "kind": listing.kind,
            "title": listing.title,
            "description": listing.description,
            "service_area": listing.service_area_id,
            "region": listing.region,
            "capacity": listing.capacity,
            "expires_on": listing.expires_on,
        }


class InterestForm(forms.Form):
    message = text_field(
        "Your message",
        required_message="Enter a message to the organisation",
        max_length=Interest._meta.get_field("message").max_length,
        hint="Say what your organisation offers or needs, and when you could talk.",
        rows=5,
    )


class ListingFilterForm(forms.Form):
    """The list's filters, read from the query string."""

    kind = forms.ChoiceField(
        label="Offers or needs",
        required=False,
        choices=[("", "Offers and needs"), ("offer", "Offers"), ("need", "Needs")],
        error_messages=_choice_messages("offers or needs"),
    )
    service_area = forms.ModelChoiceField(
        queryset=ServiceArea.objects.order_by("name"),
        to_field_name="slug",
        label="Service area",
        required=False,
        empty_label="All service areas",
        error_messages=_choice_messages("a service area"),
    )
    region = forms.ChoiceField(
        label="Region",
        help_text="UK-wide listings show in every region.",
        required=False,
        choices=[("", "All regions"), *Region.choices],
        error_messages=_choice_messages("a region"),
    )


class PartnerFinderForm(forms.Form):
    """The compatibility finder's questions, read from the query string."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        label="Your organisation",
        help_text="Only organisations with a due-diligence profile are listed.",
        empty_label="Choose an organisation",
        error_messages={
            "required": "Choose an organisation",
            **_choice_messages("an organisation with a due-diligence profile"),
        },
    )
    service_area = forms.ModelChoiceField(
        queryset=ServiceArea.objects.order_by("name"),
        to_field_name="slug",
        label="Service area",
        empty_label="Choose a service area",
        error_messages={"required": "Choose a service area", **_choice_messages("a service area")},
    )
    window = forms.TypedChoiceField(
        label="Contracts ending within",
        help_text="Before or after your contracts in the service area end.",
        coerce=int,
        choices=[(months, f"{months} months") for months in WINDOW_MONTHS],
        initial=DEFAULT_WINDOW_MONTHS,
        error_messages={
            "required": "Choose how many months apart contracts may end",
            **_choice_messages("how many months apart contracts may end"),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Asked when the form is made, not when the module is imported.
        self.fields["organisation"].queryset = organisations_with_profiles()

    @classmethod
    def initial_for(cls, user: Any) -> dict[str, Any]:
        """An officer starts from their own organisation, if it keeps a profile."""
        home = getattr(user, "verified_officer_of", None)
        starts_here = home is not None and organisations_with_profiles().filter(pk=home.pk).exists()
        return {"organisation": home.slug if starts_here else None}
