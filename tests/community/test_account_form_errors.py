"""Every account form says what to enter in plain words, as sign-up does (issue #15, item 8):
a blank box never gets Django's stock "This field is required."."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str

from tests.community.test_sign_up_errors import assert_told
from tests.factories import make_verified_user

STOCK = "This field is required"


def test_a_blank_sign_in_says_what_to_enter(client, db):
    body = client.post("/accounts/login/", {"login": "", "password": ""}).content.decode()

    assert_told(body, "login", "Enter your email address")
    assert_told(body, "password", "Enter your password")
    assert STOCK not in body


def test_a_blank_password_reset_asks_for_the_email_address(client, db):
    body = client.post("/accounts/password/reset/", {"email": ""}).content.decode()

    assert_told(body, "email", "Enter your email address")
    assert STOCK not in body


def test_a_blank_password_change_says_what_each_box_needs(client, db):
    client.force_login(make_verified_user(password="an-old-secret-7"))

    body = client.post(
        "/accounts/password/change/", {"oldpassword": "", "password1": "", "password2": ""}
    ).content.decode()

    assert_told(body, "oldpassword", "Enter your current password")
    assert_told(body, "password1", "Create a new password")
    assert_told(body, "password2", "Type your new password again to confirm it")
    assert STOCK not in body


def test_a_blank_new_password_from_a_reset_link_says_what_each_box_needs(client, db):
    person = make_verified_user()
    key = f"{user_pk_to_url_str(person)}-{default_token_generator.make_token(person)}"
    # allauth swaps the key in the address for one kept in the session, then shows the form.
    form_url = client.get(f"/accounts/password/reset/key/{key}/", follow=True).redirect_chain[-1][0]

    body = client.post(form_url, {"password1": "", "password2": ""}).content.decode()

    assert_told(body, "password1", "Create a new password")
    assert_told(body, "password2", "Type your new password again to confirm it")
    assert STOCK not in body
