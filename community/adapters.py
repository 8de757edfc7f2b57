"""allauth's account adapter, with the site's plain-English error messages."""

from allauth.account.adapter import DefaultAccountAdapter

SIGN_IN_RATE_WINDOW = "5 minutes"  # keep in step with ACCOUNT_RATE_LIMITS["login_failed"]


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": "Enter the email address and password of your account. "
        "One or both are not right.",
        "email_taken": "An account already uses this email address. Sign in instead.",
        "enter_current_password": "Enter your current password.",
        "incorrect_password": "The password is not right. Enter your current password.",
        "invalid_password_reset": "The link to reset your password has expired.",
        "too_many_login_attempts": "You have tried to sign in too many times. "
        f"Wait {SIGN_IN_RATE_WINDOW} and try again, or reset your password.",
        "unknown_email": "There is no account with this email address.",
        "account_inactive": "This account has been closed.",
        "duplicate_email": "This email address is already on your account.",
        "username_taken": "That username is taken. Choose another",
        "username_blacklisted": "That username cannot be used. Choose another",
    }

    # Signing in or out shows its result at once (the header changes), so a banner saying so on
    # the next page would only be noise.
    quiet_messages = frozenset(
        {"account/messages/logged_in.txt", "account/messages/logged_out.txt"}
    )

    def add_message(self, request, level, message_template=None, *args, **kwargs) -> None:
        if message_template in self.quiet_messages:
            return
        super().add_message(request, level, message_template, *args, **kwargs)
