"""The form a moderator invites someone with. The service checks the address's form, so the
message is the same wherever an invitation is made."""

from django import forms

from commons.forms import text_field


class InvitationForm(forms.Form):
    email = text_field(
        "Email address",
        max_length=254,
        required_message="Enter the email address of the person to invite",
        hint="We will email them a link. It works for 14 days, and only for someone who has "
        "confirmed this address on their Commons account.",
        type="email",
        autocomplete="off",
        spellcheck="false",
    )
