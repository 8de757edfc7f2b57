"""The demo's account with an unconfirmed address (issue #15, item 8). Commons lets nobody sign
in before confirming their address: signing up answers the same whether or not the address has
an account, which only holds if a new account is not signed in at once. So signing in as the
demo's unverified person shows what every newcomer sees: a fresh link to confirm, sent to the
terminal in the demo, which signs them in. The README says so, and this test holds it to that."""

import re
from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

from community.models import User
from community.permissions import has_verified_email

PASSWORD = "demo-pass-1234"
ADDRESS = "unverified@commons.localhost"
README = Path(__file__).resolve().parents[2] / "README.md"


def test_signing_in_as_the_demo_unverified_person_sends_a_link_that_confirms_and_signs_in(
    client, db, mailoutbox
):
    with override_settings(DEBUG=True):
        call_command("load_demo", verbosity=0, stdout=None)
        call_command("load_community_demo", password=PASSWORD, stdout=None)
    person = User.objects.get(email=ADDRESS)
    assert not has_verified_email(person)

    response = client.post("/accounts/login/", {"login": ADDRESS, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "Check your email" in client.get(response["Location"]).content.decode()
    assert [message.to for message in mailoutbox] == [[ADDRESS]]
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mailoutbox[0].body)
    assert link, mailoutbox[0].body
    confirmed = client.post(link.group(1))
    assert confirmed.status_code == 302
    assert has_verified_email(person)
    assert client.get("/profile/").status_code == 200


def test_the_readme_says_what_signing_in_as_the_unverified_person_does():
    row = next(line for line in README.read_text().splitlines() if ADDRESS in line)

    assert "signed in, email not verified" not in row
    assert "confirm" in row and "terminal" in row
