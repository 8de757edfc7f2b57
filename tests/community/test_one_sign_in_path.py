"""Issue #13, item 1: everyone signs in through allauth's form, which checks the email address
is verified and limits failed attempts. Wagtail's own sign-in forms (the admin's and the one for
private pages) took any account's password with no limit and gave unverified accounts a
session."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
WAGTAIL_SIGN_IN_FORMS = ("/admin/login/", "/_util/login/")


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("path", WAGTAIL_SIGN_IN_FORMS)
def test_wagtails_sign_in_forms_sign_no_one_in(client, path):
    editor = UserFactory(is_staff=True, is_superuser=True)  # no verified address

    for _ in range(3):
        client.post(path, {"username": editor.email, "password": "wrong"})
    response = client.post(path, {"username": editor.email, "password": PASSWORD})

    assert not signed_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("path", WAGTAIL_SIGN_IN_FORMS)
def test_wagtails_sign_in_forms_send_people_to_allauth_keeping_where_they_were_going(
    client, path
):
    response = client.get(path, {"next": "/admin/pages/"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


def test_the_admin_asks_people_signed_out_to_sign_in_through_allauth(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/")
