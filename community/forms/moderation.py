"""Forms for reporting content and for moderators' actions."""

from django import forms

from commons.forms import PlainTextField
from community.models import Flag, TrustLevel
from community.services.moderation import ACTIONS


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why are you reporting this?",
        choices=Flag.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why you are reporting this"},
    )
    details = PlainTextField(
        label="Tell the moderators more (optional)",
        help_text="For example, which part breaks the rules. Do not include personal details.",
        required=False,
        max_length=1_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Details must be 1,000 characters or fewer"},
    )


class ModerationActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(name, label) for name, (_, _, label) in ACTIONS.items()])
    note = PlainTextField(required=False, max_length=1_000)


class TrustLevelForm(forms.Form):
    level = forms.TypedChoiceField(
        label="Trust level",
        choices=TrustLevel.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a trust level"},
    )
    reason = PlainTextField(
        label="Why are you setting it?",
        help_text="This goes in the moderation record. The rules will not change the level again "
        "until someone sets it by hand.",
        max_length=180,
        error_messages={
            "required": "Enter why you are setting the trust level",
            "max_length": "The reason must be 180 characters or fewer",
        },
    )
