"""Signing up with an address that already has an account must not answer faster than with a new
one, or the speed of the answer says which addresses have accounts (issue #13, item 6: 126 ms
against 461 ms). Measured here as the work that costs the time, not as a time: how often the
password is hashed and how many emails go, which must match on both paths."""

from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import override_settings

from community.models import User
from tests.factories import make_verified_user


class CountingHasher(MD5PasswordHasher):
    """Django's test hasher, counting how often a password is hashed."""

    algorithm = "counting_md5"
    hashed = 0

    def encode(self, password: str, salt: str) -> str:
        type(self).hashed += 1
        return super().encode(password, salt)


def sign_up_work(client, mailoutbox, *, email: str, username: str) -> tuple[int, int, str]:
    """What one sign-up cost: (passwords hashed, emails sent, where the answer sends you)."""
    CountingHasher.hashed = 0
    sent_before = len(mailoutbox)
    with override_settings(PASSWORD_HASHERS=[f"{__name__}.CountingHasher"]):
        response = client.post(
            "/accounts/signup/",
            {
                "email": email,
                "username": username,
                "password1": "a-longer-secret-9",
                "password2": "a-longer-secret-9",
            },
        )
    return CountingHasher.hashed, len(mailoutbox) - sent_before, response["Location"]


def test_a_taken_address_costs_the_same_password_hashing_and_email_as_a_new_one(
    client, db, mailoutbox
):
    make_verified_user(username="ana", email="ana@example.org")

    new = sign_up_work(client, mailoutbox, email="rowan@example.org", username="rowan")
    client.logout()
    taken = sign_up_work(client, mailoutbox, email="ana@example.org", username="ana2")

    assert User.objects.filter(username="rowan").exists()
    assert not User.objects.filter(username="ana2").exists()
    assert new == (1, 1, "/accounts/confirm-email/")
    assert taken == new
