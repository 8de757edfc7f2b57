"""Sign-up problems are told the GOV.UK way, like every other form's (issue #15, item 8): a
summary at the top linking to each field, the same words by the field, and what was typed kept.
Django's and allauth's stock sentences ("This field is required.") never reach the page."""

import pytest

from tests.factories import make_verified_user

SIGNUP_URL = "/accounts/signup/"
STOCK_WORDING = (
    "This field is required",
    "Enter a valid",
    "This password is",
    "The password is too similar",
    "You must type the same password",
    "A user with that username",
)


def sign_up(client, **answers):
    data = {
        "email": "rowan@example.org",
        "username": "rowan",
        "password1": "a-longer-secret-9",
        "password2": "a-longer-secret-9",
        **answers,
    }
    return client.post(SIGNUP_URL, data)


def assert_told(body: str, field: str, message: str) -> None:
    assert f'<li><a href="#id_{field}">{message}</a></li>' in body, message
    assert (
        f'<p id="id_{field}-error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {message}</p>'
    ) in body, message


def test_a_blank_sign_up_says_what_to_enter_in_each_box(client, db):
    response = sign_up(client, email="", username="", password1="", password2="")

    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Create an account" in body
    assert_told(body, "email", "Enter your email address")
    assert_told(body, "username", "Enter a username")
    assert_told(body, "password1", "Create a password")
    assert_told(body, "password2", "Type your password again to confirm it")
    assert not any(stock in body for stock in STOCK_WORDING)


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        (
            {"email": "rowan.example.org"},
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        (
            {"username": "rowan smith"},
            "username",
            "Your username can only have letters, numbers and @ . + - _ in it",
        ),
        (
            {"password1": "short-1", "password2": "short-1"},
            "password1",
            "Your password must be 8 characters or more",
        ),
        (
            {"password1": "password123", "password2": "password123"},
            "password1",
            "Your password is too easy to guess. Choose a less common one",
        ),
        (
            {"password1": "20948573619283", "password2": "20948573619283"},
            "password1",
            "Your password must not be only numbers",
        ),
        (
            {"username": "rowanberry", "password1": "rowanberry1", "password2": "rowanberry1"},
            "password1",
            "Your password is too like your username. Choose one that is harder to guess",
        ),
        (
            {"password2": "a-longer-secret-8"},
            "password2",
            "The passwords do not match. Type the same password in both boxes",
        ),
    ],
)
def test_each_sign_up_problem_is_told_in_plain_english_and_answers_are_kept(
    client, db, answers, field, message
):
    response = sign_up(client, **answers)

    body = response.content.decode()
    assert_told(body, field, message)
    assert not any(stock in body for stock in STOCK_WORDING)
    assert f'value="{answers.get("email", "rowan@example.org")}"' in body
    assert f'value="{answers.get("username", "rowan")}"' in body


def test_a_taken_username_says_to_choose_another(client, db):
    make_verified_user(username="ana", email="ana@example.org")

    body = sign_up(client, username="ana").content.decode()

    assert_told(body, "username", "That username is taken. Choose another")
    assert not any(stock in body for stock in STOCK_WORDING)
