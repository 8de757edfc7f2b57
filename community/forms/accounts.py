"""Account forms: allauth's, with GOV.UK labels and hints, and the profile form."""

from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.functional import Promise
from taggit.utils import edit_string_for_tags, parse_tags

from commons.forms import PlainTextField
from community.models import User
from knowledge.models import Organisation
from knowledge.tagging import tag_names_clean

CHOOSING_ADVICE = (
    "Use at least 8 characters. Do not use a common password, only numbers, "
    "or something like your name or email address."
)
# allauth's inline sentences (compared untranslated: the site is in English only).
REWORDED = {
    "You must type the same password each time.": (
        "The passwords do not match. Type the same password in both boxes"
    ),
}
NEW_PASSWORD_MESSAGES = {
    "password1": {"required": "Create a new password"},
    "password2": {"required": "Type your new password again to confirm it"},
}
MAX_INTERESTS = 10
MAX_INTEREST_LENGTH = 50


class GovukFieldsMixin:
    """Plain labels and hints instead of allauth's placeholders and HTML help texts.

    GOV.UK forms never use placeholders (they vanish as you type and fail contrast checks), and
    our field templates print help text as text, so allauth's HTML links must not reach them.
    """

    labels: dict[str, str] = {}
    hints: dict[str, str] = {}
    # Per field, the message for each of Django's error codes ("required", "invalid").
    messages: dict[str, dict[str, str]] = {}

    def govuk_fields(self) -> None:
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            field.help_text = self.hints.get(name, "")
            field.error_messages.update(self.messages.get(name, {}))
            if name in self.labels:
                field.label = self.labels[name]
            if field.widget.attrs.get("autocomplete") == "email":
                field.widget.input_type = "email"
                field.widget.attrs["spellcheck"] = "false"

    def add_error(self, field, error) -> None:
        # allauth writes its "passwords differ" sentence in the form itself, not through the
        # adapter's messages, so it is reworded on its way in.
        if isinstance(error, str | Promise):  # allauth's are lazy translations
            error = REWORDED.get(str(error), error)
        super().add_error(field, error)


class SignInForm(GovukFieldsMixin, allauth_forms.LoginForm):
    labels = {"login": "Email address", "password": "Password", "remember": "Keep me signed in"}
    messages = {
        "login": {"required": "Enter your email address"},
        "password": {"required": "Enter your password"},
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.govuk_fields()


class SignUpForm(GovukFieldsMixin, allauth_forms.SignupForm):
    labels = {
        "email": "Email address",
        "username": "Username",
        "password1": "Create a password",
        "password2": "Confirm your password",
    }
    hints = {
        "email": "We will send you a link to confirm it. Officers: use your work address "
        "to be shown as a verified officer of your organisation.",
        "username": "Used in the address of your public profile. Letters, numbers and "
        "@ . + - _ only.",
        "password1": CHOOSING_ADVICE,
    }
    messages = {
        "email": {
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        "username": {"required": "Enter a username"},
        "password1": {"required": "Create a password"},
        "password2": {"required": "Type your password again to confirm it"},
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.govuk_fields()

    def try_save(self, request):
        if self.account_already_exists:
            # For an address that has an account allauth only sends an email, skipping the
            # password hashing that is most of a new account's time: the quicker answer would
            # tell anyone which addresses have accounts. Hash it anyway, and throw it away.
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class ResetPasswordForm(GovukFieldsMixin, allauth_forms.ResetPasswordForm):
    labels = {"email": "Email address"}
    messages = {
        "email": {
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        }
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.govuk_fields()


class ResetPasswordKeyForm(GovukFieldsMixin, allauth_forms.ResetPasswordKeyForm):
    labels = {"password1": "New password", "password2": "Confirm your new password"}
    hints = {"password1": CHOOSING_ADVICE}
    messages = NEW_PASSWORD_MESSAGES

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.govuk_fields()


class ChangePasswordForm(GovukFieldsMixin, allauth_forms.ChangePasswordForm):
    labels = {
        "oldpassword": "Current password",
        "password1": "New password",
        "password2": "Confirm your new password",
    }
    hints = {"password1": CHOOSING_ADVICE}
    messages = {"oldpassword": {"required": "Enter your current password"}, **NEW_PASSWORD_MESSAGES}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.govuk_fields()


class SetPasswordForm(GovukFieldsMixin, allauth_forms.SetPasswordForm):
    labels = {"password1": "Password", "password2": "Confirm your password"}
    hints = {"password1": CHOOSING_ADVICE}
    messages = {
        "password1": {"required": "Create a password"},
        "password2": {"required": "Type your password again to confirm it"},
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.govuk_fields()


class AddEmailForm(GovukFieldsMixin, allauth_forms.AddEmailForm):
    labels = {"email": "Email address to add"}
    hints = {"email": "We will send it a link to confirm it."}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.govuk_fields()


class ReauthenticateForm(GovukFieldsMixin, allauth_forms.ReauthenticateForm):
    labels = {"password": "Password"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.govuk_fields()


class ProfileForm(forms.Form):
    """What a person says about themselves. Interests are typed as comma-separated words."""

    display_name = PlainTextField(
        label="Display name",
        max_length=User._meta.get_field("display_name").max_length,
        required=False,
        help_text="Shown beside what you write. Leave it blank to show your username.",
        widget=forms.TextInput(attrs={"autocomplete": "nickname", "spellcheck": "false"}),
    )
    bio = PlainTextField(
        label="About you",
        max_length=User._meta.get_field("bio").max_length,
        required=False,
        help_text="A few words about what you do and what you know about. Everyone can see it.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    interests = PlainTextField(
        label="Interests",
        max_length=MAX_INTERESTS * (MAX_INTEREST_LENGTH + 2),
        required=False,
        help_text=f"Up to {MAX_INTERESTS} subjects, separated by commas. "
        "For example: revenues and benefits, waste, digital",
    )
    organisation = forms.ModelChoiceField(
        label="Organisation you work for",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="None, or not listed",
        help_text="Choosing one does not make you a verified officer: that comes from "
        "confirming an email address on the organisation's domain.",
        error_messages={"invalid_choice": "Choose an organisation from the list."},
    )

    @classmethod
    def for_user(cls, user: User, data=None) -> "ProfileForm":
        initial = {
            "display_name": user.display_name,
            "bio": user.bio,
            "interests": edit_string_for_tags(list(user.interests.all())),
            "organisation": user.organisation_id,
        }
        return cls(data=data, initial=initial)

    def clean_interests(self) -> list[str]:
        names = tag_names_clean(parse_tags(self.cleaned_data["interests"]), what="interest")
        if len(names) > MAX_INTERESTS:
            raise forms.ValidationError(f"Enter no more than {MAX_INTERESTS} interests.")
        for name in names:
            if len(name) > MAX_INTEREST_LENGTH:
                raise forms.ValidationError(
                    f"Each interest must be {MAX_INTEREST_LENGTH} characters or fewer."
                )
        return names
