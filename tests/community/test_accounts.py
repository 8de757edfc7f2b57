"""Creating an account, confirming its email address, resetting a password, and abuse limits."""

import re

import pytest
from allauth.account.models import EmailAddress

from community.models import User
from community.permissions import has_verified_email
from tests.factories import UserFactory, make_verified_user

SIGNUP_URL = "/accounts/signup/"
LOGIN_URL = "/accounts/login/"
RESET_URL = "/accounts/password/reset/"
PASSWORD = "correct-horse-battery"


@pytest.fixture
def ana(db):
    return make_verified_user(username="ana", email="ana@example.org")


def sign_up(client, **answers):
    data = {
        "email": "rowan@example.org",
        "username": "rowan",
        "password1": "a-longer-secret-9",
        "password2": "a-longer-secret-9",
        **answers,
    }
    return client.post(SIGNUP_URL, data)


def emailed_link(message, path_start: str) -> str:
    match = re.search(rf"http://testserver({re.escape(path_start)}\S+/)", message.body)
    assert match, f"no {path_start} link in: {message.body}"
    return match.group(1)


def test_signing_up_sends_a_link_that_confirms_the_address_and_signs_in(
    client, db, mailoutbox, home_page
):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "Check your email" in client.get(response["Location"]).content.decode()
    rowan = User.objects.get(username="rowan")
    assert not has_verified_email(rowan)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["rowan@example.org"]
    assert mailoutbox[0].subject == "Commons: Confirm your email address"

    link = emailed_link(mailoutbox[0], "/accounts/confirm-email/")
    page = client.get(link).content.decode()
    assert "Confirm that <strong>rowan@example.org</strong> is your email address" in page
    confirmed = client.post(link)

    assert confirmed.status_code == 302
    assert has_verified_email(rowan)
    assert client.get("/profile/").status_code == 200


def test_an_unconfirmed_person_cannot_sign_in_until_they_confirm(client, db, mailoutbox):
    sign_up(client)
    client.logout()
    mailoutbox.clear()

    response = client.post(
        LOGIN_URL, {"login": "rowan@example.org", "password": "a-longer-secret-9"}
    )

    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    # The link sent at sign-up is still fresh: allauth resends at most one every 3 minutes.
    assert not mailoutbox


def test_sign_up_problems_are_summarised_and_answers_kept(client, db, mailoutbox):
    response = sign_up(client, password2="something-else-7", username="")

    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Create an account" in body
    assert '<li><a href="#id_username">Enter a username</a></li>' in body
    assert '<a href="#id_password2">' in body
    assert 'value="rowan@example.org"' in body
    assert "a-longer-secret-9" not in body
    assert 'autocomplete="new-password"' in body
    assert 'autocomplete="email"' in body
    assert not mailoutbox


def test_signing_up_with_a_taken_address_looks_the_same_and_tells_the_owner(
    client, ana, mailoutbox
):
    response = sign_up(client, email="ANA@example.org")

    assert response["Location"] == "/accounts/confirm-email/"
    assert not User.objects.filter(username="rowan").exists()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ana@example.org"]
    assert "There is already an account with this address" in mailoutbox[0].body
    assert RESET_URL in mailoutbox[0].body


def test_a_password_is_reset_through_the_emailed_link(client, ana, mailoutbox):
    sent = client.post(RESET_URL, {"email": "ana@example.org"})

    assert sent["Location"] == "/accounts/password/reset/done/"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Commons: Reset your password"
    link = emailed_link(mailoutbox[0], "/accounts/password/reset/key/")
    form = client.get(link, follow=True)
    weak = client.post(form.redirect_chain[-1][0], {"password1": "12345", "password2": "12345"})
    assert "<title>Error: Choose a new password" in weak.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"password1": "a-brand-new-secret-4", "password2": "a-brand-new-secret-4"},
    )

    assert done["Location"] == "/accounts/password/reset/key/done/"
    ana.refresh_from_db()
    assert ana.check_password("a-brand-new-secret-4")
    assert not ana.check_password(PASSWORD)
    again = client.get(link, follow=True).content.decode()
    assert "This link has expired" in again


def test_the_reset_form_answers_the_same_whether_or_not_the_address_has_an_account(
    client, ana, mailoutbox
):
    known = client.post(RESET_URL, {"email": "ana@example.org"})
    unknown = client.post(RESET_URL, {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/accounts/password/reset/done/"
    assert [message.to for message in mailoutbox] == [["ana@example.org"], ["nobody@example.org"]]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body
    assert "There is no Commons account with this address" in mailoutbox[1].body
    assert "/accounts/password/reset/key/" not in mailoutbox[1].body
    assert mailoutbox[1].subject == "Commons: There is no account with this email address"


def test_the_reset_form_keeps_a_mistyped_address_and_says_what_is_wrong(client, db):
    body = client.post(RESET_URL, {"email": "not an address"}).content.decode()

    assert "<title>Error: Reset your password" in body
    assert '<li><a href="#id_email">' in body
    assert 'value="not an address"' in body


def test_failed_sign_ins_are_limited_even_when_the_right_password_follows(client, ana):
    for _ in range(5):
        failed = client.post(LOGIN_URL, {"login": "ana@example.org", "password": "wrong"})
        assert "One or both are not right" in failed.content.decode()

    refused = client.post(LOGIN_URL, {"login": "ana@example.org", "password": PASSWORD})

    body = refused.content.decode()
    assert refused.status_code == 200
    assert "You have tried to sign in too many times. Wait 5 minutes" in body
    assert "_auth_user_id" not in client.session


def test_the_right_password_signs_in_before_the_limit_is_reached(client, ana):
    for _ in range(4):
        client.post(LOGIN_URL, {"login": "ana@example.org", "password": "wrong"})

    response = client.post(LOGIN_URL, {"login": "ana@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(ana.pk)


def test_has_verified_email_follows_the_confirmation_of_an_address(db):
    person = UserFactory(email="pat@example.org")
    address = EmailAddress.objects.create(user=person, email=person.email, primary=True)
    assert not has_verified_email(person)

    address.verified = True
    address.save()

    assert has_verified_email(person)


def test_allauth_pages_use_the_site_layout(client, ana, home_page):
    client.force_login(ana, backend="django.contrib.auth.backends.ModelBackend")

    for url in ("/accounts/email/", "/accounts/password/change/", "/accounts/inactive/"):
        body = client.get(url).content.decode()
        assert 'class="govuk-template__body"' in body, url
        assert 'class="govuk-heading-xl"' in body, url
        assert "placeholder" not in body, url
    email_page = client.get("/accounts/email/").content.decode()
    assert "ana@example.org" in email_page
    assert "Confirmed" in email_page


def test_the_main_address_cannot_be_removed_and_the_page_says_why(client, ana, home_page):
    client.force_login(ana, backend="django.contrib.auth.backends.ModelBackend")

    response = client.post(
        "/accounts/email/", {"email": "ana@example.org", "action_remove": ""}, follow=True
    )

    body = response.content.decode()
    assert "You cannot remove ana@example.org: it is your main address." in body
    assert 'class="govuk-notification-banner' in body
    assert EmailAddress.objects.filter(user=ana, email="ana@example.org").exists()
