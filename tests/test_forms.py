"""The site's form kit in commons/forms.py: the pieces every app's forms and views share."""

from django import forms
from django.core.exceptions import ValidationError

from commons.forms import PlainTextField, errors_add, form_error_list, text_field


class ListingLikeForm(forms.Form):
    title = text_field("Title", required_message="Enter a title", max_length=10)
    notes = text_field("Notes (optional)", max_length=5, rows=3, spellcheck="true")
    areas = forms.MultipleChoiceField(
        choices=[("waste", "Waste")], required=False, widget=forms.CheckboxSelectMultiple
    )


def test_a_rule_a_service_enforced_stands_beside_its_field_or_above_the_form():
    form = ListingLikeForm({"title": "Payroll"})
    assert form.is_valid()

    errors_add(
        form,
        ValidationError(
            {"title": "A listing with this title is open", "owner": "You cannot post for them"}
        ),
    )
    errors_add(form, ValidationError("Try again later"))

    assert form.errors["title"] == ["A listing with this title is open"]
    assert form.non_field_errors() == ["You cannot post for them", "Try again later"]


def test_a_text_field_says_what_is_wrong_in_plain_words():
    form = ListingLikeForm({"title": "", "notes": "far too long"})

    assert not form.is_valid()
    assert form.errors["title"] == ["Enter a title"]
    # "(optional)" is part of the label, not of the name of the thing that is too long.
    assert form.errors["notes"] == ["Notes must be 5 characters or fewer"]


def test_a_text_field_is_a_box_or_a_plain_text_area_of_the_rows_asked_for():
    title, notes = ListingLikeForm.base_fields["title"], ListingLikeForm.base_fields["notes"]

    assert isinstance(title, PlainTextField) and isinstance(notes, PlainTextField)
    assert isinstance(title.widget, forms.TextInput) and title.required
    assert isinstance(notes.widget, forms.Textarea) and not notes.required
    assert (notes.widget.attrs["rows"], notes.widget.attrs["spellcheck"]) == ("3", "true")


def test_thousands_in_a_limit_are_written_with_a_comma():
    field = text_field("Your story", required_message="Tell us your story", max_length=20_000)

    assert field.error_messages["max_length"] == "Your story must be 20,000 characters or fewer"


def test_the_error_summary_links_each_message_to_the_box_to_fix():
    form = ListingLikeForm({"title": "", "areas": ["nowhere"]})
    assert not form.is_valid()
    form.add_error(None, "These filters cannot be used together")

    assert form_error_list(form) == [
        {"href": "#id_title", "text": "Enter a title"},
        {"href": "#id_areas_0", "text": form.errors["areas"][0]},
        {"href": "#filters", "text": "These filters cannot be used together"},
    ]
