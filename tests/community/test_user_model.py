from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from community.models import User
from community.services.accounts import demo_editor_ensure


def test_commons_has_its_own_user_model():
    assert get_user_model() is User


def test_public_name_prefers_display_name_then_full_name_then_username(db):
    person = User(username="pat", first_name="Pat", last_name="Jones")
    assert person.public_name == "Pat Jones"
    person.display_name = "Pat from Northshire"
    assert person.public_name == "Pat from Northshire"
    assert User(username="anon42").public_name == "anon42"


def test_demo_editor_is_made_once_and_keeps_its_password(db):
    editor, created = demo_editor_ensure(username="editor", email="e@x.test", password="first-pw")
    again, created_again = demo_editor_ensure(
        username="editor", email="e@x.test", password="second-pw"
    )

    assert (created, created_again) == (True, False)
    assert again.pk == editor.pk
    again.refresh_from_db()
    assert again.check_password("first-pw")
    assert set(again.groups.values_list("name", flat=True)) == {"Editors", "Moderators"}
    assert again.has_perm("wagtailadmin.access_admin")


@override_settings(DEBUG=True, DEMO_EDITOR_PASSWORD="demo-pass-123")
def test_ensure_demo_editor_prints_how_to_sign_in(db, capsys):
    call_command("ensure_demo_editor")

    out = capsys.readouterr().out
    assert "'editor'" in out
    assert "'demo-pass-123'" in out
    assert "/admin/" in out
