"""Forms for reporting content and for moderators' actions."""

from django import forms

from commons.forms import PlainTextField
from community.models import Flag
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
