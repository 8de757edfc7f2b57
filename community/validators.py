"""Django's account validators, worded the GOV.UK way.

Subclasses rather than new rules: the checks stay Django's own, only the sentences change, so
every form that checks a password or username (sign-up, reset, change, the admin) says the same.
"""

from django.contrib.auth import password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.validators import MaxLengthValidator

USERNAME_MAX_LENGTH = 150  # the User model's


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return f"Your password must be {self.min_length} characters or more"


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        # Django fills in the attribute's verbose name ("username", "email address").
        return "Your password is too like your %(verbose_name)s. Choose one that is harder to guess"


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return "Your password is too easy to guess. Choose a less common one"


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return "Your password must not be only numbers"


class UsernameValidator(UnicodeUsernameValidator):
    message = "Your username can only have letters, numbers and @ . + - _ in it"


# What allauth checks a new username with (ACCOUNT_USERNAME_VALIDATORS): the model's own rules.
USERNAME_VALIDATORS = [
    UsernameValidator(),
    MaxLengthValidator(
        USERNAME_MAX_LENGTH,
        message=f"Your username must be {USERNAME_MAX_LENGTH} characters or fewer",
    ),
]
