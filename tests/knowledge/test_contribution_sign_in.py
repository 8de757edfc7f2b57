"""Signing in to contribute, and resetting a forgotten password (Django's auth views, our pages)."""

import re

import pytest

from tests.factories import UserFactory

LOGIN_URL = "/accounts/login/"


@pytest.fixture
def person(db):
    return UserFactory(username="ana", email="ana@example.org")


def test_the_sign_in_page_labels_its_fields_and_lets_browsers_fill_them(client, home_page):
    body = client.get(f"{LOGIN_URL}?next=/contribute/").content.decode()

    assert '<label class="govuk-label" for="id_username">Username</label>' in body
    assert '<label class="govuk-label" for="id_password">Password</label>' in body
    assert 'autocomplete="username"' in body
    assert 'autocomplete="current-password"' in body
    assert "autofocus" not in body
    assert '<input type="hidden" name="next" value="/contribute/">' in body
    assert 'href="/accounts/password_reset/"' in body


def test_a_wrong_password_is_summarised_and_the_username_kept(client, person):
    response = client.post(LOGIN_URL, {"username": "ana", "password": "not-it"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Sign in" in body
    assert '<li><a href="#id_username">Please enter a correct username and password.' in body
    assert 'name="username" type="text" value="ana"' in body
    assert "not-it" not in body


def test_empty_answers_are_marked_beside_each_field(client, person):
    body = client.post(LOGIN_URL, {"username": "", "password": ""}).content.decode()

    assert '<li><a href="#id_username">This field is required.</a></li>' in body
    assert '<li><a href="#id_password">This field is required.</a></li>' in body
    assert 'aria-describedby="id_password-error"' in body


def test_signing_in_returns_the_person_to_where_they_were_going(client, person):
    response = client.post(
        LOGIN_URL,
        {"username": "ana", "password": "correct-horse-battery", "next": "/contribute/yours/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/contribute/yours/"


def test_a_forgotten_password_can_be_reset_through_the_emailed_link(client, person, mailoutbox):
    form = client.get("/accounts/password_reset/").content.decode()
    assert 'autocomplete="email"' in form

    sent = client.post("/accounts/password_reset/", {"email": "ana@example.org"})

    assert sent["Location"] == "/accounts/password_reset/done/"
    assert "Check your email" in client.get(sent["Location"]).content.decode()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Reset your testserver password"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mailoutbox[0].body).group(1)
    choose = client.get(link, follow=True)
    assert "Choose a new password" in choose.content.decode()
    assert 'autocomplete="new-password"' in choose.content.decode()
    done = client.post(
        choose.redirect_chain[-1][0],
        {"new_password1": "a-longer-secret-9", "new_password2": "a-longer-secret-9"},
        follow=True,
    )
    assert "Your password has been changed" in done.content.decode()
    assert client.login(username="ana", password="a-longer-secret-9")


def test_a_used_reset_link_says_it_has_expired(client, person):
    body = client.get("/accounts/reset/MQ/not-a-token/").content.decode()

    assert "This link has expired" in body
    assert 'href="/accounts/password_reset/"' in body
