"""The story form and the provider's answer, with messages written the GOV.UK way.

Ratings are radios from 1 to 5: a value outside them (a hand-made request) gets the same plain
message as a missing one, and every other answer is kept as typed.
"""

from django import forms

from commons.forms import text_field
from community.models import Story, StoryChange, StoryResponse
from knowledge.forms import DayMonthYearField

RATING_CHOICES = [
    (5, "5 (very good)"),
    (4, "4 (good)"),
    (3, "3 (neither good nor poor)"),
    (2, "2 (poor)"),
    (1, "1 (very poor)"),
]
TITLE_MAX_LENGTH = Story._meta.get_field("title").max_length
BODY_MAX_LENGTH = Story._meta.get_field("body_markdown").max_length
RESPONSE_MAX_LENGTH = StoryResponse._meta.get_field("body_markdown").max_length
CHANGE_MAX_LENGTH = StoryChange._meta.get_field("body_markdown").max_length


def _rating(label: str, *, required: bool) -> forms.TypedChoiceField:
    what = "an overall rating" if required else "a rating"
    return forms.TypedChoiceField(
        label=label if required else f"{label} (optional)",
        choices=RATING_CHOICES,
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
        error_messages={
            "required": f"Choose {what} from 1 to 5",
            "invalid_choice": f"Choose {what} from 1 to 5",
        },
    )


class StoryForm(forms.Form):
    overall = _rating("Overall, how good was the service?", required=True)
    ease = _rating("How easy was it to use?", required=False)
    speed = _rating("How quickly was it done?", required=False)
    communication = _rating("How well were you kept informed?", required=False)
    title = text_field(
        "Sum up your story in a few words",
        max_length=TITLE_MAX_LENGTH,
        required_message="Enter a title for your story",
        hint="For example, “Bins collected again within a day”",
    )
    body_markdown = text_field(
        "Your story",
        max_length=BODY_MAX_LENGTH,
        required_message="Tell us your story",
        hint="What happened, what went well and what could be better. "
        "Do not include personal details such as your address or account number.",
        rows=10,
    )
    show_name = forms.BooleanField(
        label="Show my name with my story",
        required=False,
        initial=True,
        help_text="Untick this and your story will say “Anonymous” instead of your name.",
    )


class StoryResponseForm(forms.Form):
    body = text_field(
        "Your answer",
        max_length=RESPONSE_MAX_LENGTH,
        required_message="Enter your answer",
        hint="It appears in public under the story, with your organisation's name.",
        rows=8,
    )


class StoryChangeForm(forms.Form):
    body = text_field(
        "What changed",
        max_length=CHANGE_MAX_LENGTH,
        required_message="Say what changed because of this story",
        hint="It appears in public under the story and on the list of changes made, "
        "with your organisation's name.",
        rows=6,
        strip=False,
    )
    changed_on = DayMonthYearField(
        what="Date of the change",
        label="When did it change?",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date of the change"},
    )


class StoryChangeRemoveForm(forms.Form):
    note = text_field(
        "Why are you removing it?",
        max_length=1_000,
        required_message="Enter why you are removing this change",
        hint="The moderation log keeps this with what the change said.",
        rows=3,
    )


class ServiceFinderForm(forms.Form):
    """The box on "Tell us about a service you use": part of a service's or a council's name."""

    q = text_field(
        "Search by service or council",
        max_length=100,
        hint="For example, bins, benefits or the name of your council",
    )
