"""Signing in to contribute, and resetting a forgotten password (allauth's views, our pages)."""

import re

import pytest
from allauth.account.models import EmailAddress

from tests.factories import UserFactory

LOGIN_URL = "/accounts/login/"
RESET_URL = "/accounts/password/reset/"


@pytest.fixture
def person(db):
    ana = UserFactory(username="ana", email="ana@example.org")
    EmailAddress.objects.create(user=ana, email=ana.email, verified=True, primary=True)
    return ana


def test_the_sign_in_page_labels_its_fields_and_lets_browsers_fill_them(client, home_page):
    body = client.get(f"{LOGIN_URL}?next=/contribute/").content.decode()

    assert '<label class="govuk-label" for="id_login">Email address</label>' in body
    assert '<label class="govuk-label" for="id_password">Password</label>' in body
    assert 'type="email"' in body
    assert 'autocomplete="email"' in body
    assert 'autocomplete="current-password"' in body
    assert "autofocus" not in body
    assert "placeholder" not in body
    assert '<input type="hidden" name="next" value="/contribute/">' in body
    assert f'href="{RESET_URL}"' in body


def test_contributing_sends_anonymous_people_to_sign_in_and_back(client, home_page):
    response = client.get("/contribute/case-study/")

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/contribute/case-study/"


def test_a_wrong_password_is_summarised_and_the_email_kept(client, person):
    response = client.post(LOGIN_URL, {"login": "ana@example.org", "password": "not-it"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Sign in" in body
    assert '<li><a href="#id_login">Enter the email address and password of your account.' in body
    assert 'value="ana@example.org"' in body
    assert "not-it" not in body


def test_empty_answers_are_marked_beside_each_field(client, person):
    body = client.post(LOGIN_URL, {"login": "", "password": ""}).content.decode()

    assert '<li><a href="#id_login">Enter your email address</a></li>' in body
    assert '<li><a href="#id_password">Enter your password</a></li>' in body
    assert 'aria-describedby="id_password-error"' in body


def test_signing_in_returns_the_person_to_the_contribution_form(client, person, home_page):
    response = client.post(
        LOGIN_URL,
        {"login": "ana@example.org", "password": "correct-horse-battery", "next": "/contribute/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/contribute/"
    assert client.get("/contribute/yours/").status_code == 200


def test_signing_in_ignores_a_next_address_on_another_site(client, person):
    response = client.post(
        LOGIN_URL,
        {
            "login": "ana@example.org",
            "password": "correct-horse-battery",
            "next": "https://evil.example/",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_signing_out_ends_the_session(client, person, home_page):
    client.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
    assert "Sign out" in client.get("/accounts/logout/").content.decode()

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/contribute/yours/")["Location"].startswith(LOGIN_URL)


def test_a_forgotten_password_can_be_reset_through_the_emailed_link(client, person, mailoutbox):
    form = client.get(RESET_URL).content.decode()
    assert 'autocomplete="email"' in form

    sent = client.post(RESET_URL, {"email": "ana@example.org"})

    assert sent["Location"] == "/accounts/password/reset/done/"
    assert "Check your email" in client.get(sent["Location"]).content.decode()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Commons: Reset your password"
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mailoutbox[0].body)
    choose = client.get(link.group(1), follow=True)
    assert "Choose a new password" in choose.content.decode()
    assert 'autocomplete="new-password"' in choose.content.decode()
    done = client.post(
        choose.redirect_chain[-1][0],
        {"password1": "a-longer-secret-9", "password2": "a-longer-secret-9"},
        follow=True,
    )
    assert "Your password has been changed" in done.content.decode()
    assert client.login(username="ana", password="a-longer-secret-9")


def test_a_used_reset_link_says_it_has_expired(client, person):
    body = client.get("/accounts/password/reset/key/1-not-a-token/").content.decode()

    assert "This link has expired" in body
    assert f'href="{RESET_URL}"' in body
