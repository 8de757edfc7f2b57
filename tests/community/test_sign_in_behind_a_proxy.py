"""Behind the TLS proxy every request comes from the proxy's address: the visitor's own is the
last entry of X-Forwarded-For, which allauth reads when it trusts the proxy
(ALLAUTH_TRUSTED_PROXY_COUNT, from TRUSTED_PROXY_COUNT; 1 in production)."""

import pytest
from django.test import override_settings

from tests.factories import make_verified_user

LOGIN_URL = "/accounts/login/"
PASSWORD = "correct-horse-battery"
TOO_MANY = "You have tried to sign in too many times"
NOT_RIGHT = "One or both are not right"
# The proxy's address is the test client's REMOTE_ADDR, 127.0.0.1, for every visitor.
ATTACKER = "203.0.113.5"
NEIGHBOUR = "198.51.100.7"


@pytest.fixture
def ana(db):
    return make_verified_user(username="ana", email="ana@example.org")


def sign_in(client, *, forwarded_for: str, login: str, password: str) -> str:
    response = client.post(
        LOGIN_URL,
        {"login": login, "password": password},
        headers={"x-forwarded-for": forwarded_for},
    )
    if response.status_code == 302:
        return "signed in"
    body = response.content.decode()
    return "refused" if TOO_MANY in body else "wrong" if NOT_RIGHT in body else body


def five_bad_sign_ins(client, *, forwarded_for: str) -> list[str]:
    """Five different addresses, so only the per-visitor limit (not the per-account one) counts."""
    return [
        sign_in(client, forwarded_for=forwarded_for, login=f"guess{n}@example.org", password="x")
        for n in range(5)
    ]


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_one_visitors_failed_sign_ins_do_not_lock_out_another(client, ana):
    assert five_bad_sign_ins(client, forwarded_for=ATTACKER) == ["wrong"] * 5
    assert sign_in(client, forwarded_for=ATTACKER, login="guess6@example.org", password="x") == (
        "refused"
    )

    assert sign_in(client, forwarded_for=NEIGHBOUR, login="ana@example.org", password=PASSWORD) == (
        "signed in"
    )


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=0)
def test_without_trusting_the_proxy_everyone_behind_it_shares_one_limit(client, ana):
    """What production did before it trusted its proxy: the neighbour is locked out too."""
    five_bad_sign_ins(client, forwarded_for=ATTACKER)

    assert sign_in(client, forwarded_for=NEIGHBOUR, login="ana@example.org", password=PASSWORD) == (
        "refused"
    )


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_addresses_a_visitor_writes_before_the_proxys_own_do_not_escape_the_limit(client, ana):
    """The proxy appends the address it saw; whatever the visitor sent stands before it."""
    forged = [f"10.0.0.{n}, {ATTACKER}" for n in range(7)]
    results = [
        sign_in(client, forwarded_for=header, login=f"guess{n}@example.org", password="x")
        for n, header in enumerate(forged)
    ]

    assert results == ["wrong"] * 5 + ["refused"] * 2
