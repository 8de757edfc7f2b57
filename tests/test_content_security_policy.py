"""Every response carries a Content-Security-Policy: the public site allows only its own scripts
and styles plus the inline ones it marks with a fresh nonce; the Wagtail admin has its own,
looser policy because Wagtail writes inline scripts we cannot mark."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory, make_case_study

REPO = Path(__file__).resolve().parent.parent
NONCE = re.compile(r"'nonce-([A-Za-z0-9+/=]+)'")


def directives(response) -> dict[str, list[str]]:
    assert "Content-Security-Policy" in response, f"no policy on {response.request['PATH_INFO']}"
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


def nonce_of(response) -> str:
    found = set(NONCE.findall(response["Content-Security-Policy"]))
    assert len(found) == 1, response["Content-Security-Policy"]
    return found.pop()


@pytest.fixture
def client_without_raising(client):
    client.raise_request_exception = False
    return client


@pytest.fixture
def editor(db):
    user = UserFactory(username="editor")
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    return user


def test_a_public_page_allows_only_its_own_scripts_styles_and_nonced_inline_ones(client, library):
    policy = directives(client.get("/"))

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert policy["style-src"][0] == "'self'"
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]


def test_every_inline_script_and_style_carries_the_nonce_of_its_own_response(client, library):
    response = client.get("/")
    html = response.content.decode()
    nonce = nonce_of(response)

    inline = re.findall(r"<(script|style)(?![^>]*\bsrc=)([^>]*)>", html)
    assert len(inline) >= 3, "the js-enabled switch, the GOV.UK Frontend start and the branding"
    for tag, attributes in inline:
        assert f'nonce="{nonce}"' in attributes, f"<{tag}{attributes}> has no nonce"


def test_each_request_gets_a_fresh_nonce(client, library):
    nonces = {nonce_of(client.get("/")) for _ in range(3)}

    assert len(nonces) == 3


def test_a_case_study_page_carries_the_policy(client, library):
    case_study = make_case_study(library.case_studies, title="Shared legal services")

    response = client.get(case_study.url)

    assert response.status_code == 200
    assert nonce_of(response) in response.content.decode()


def test_a_not_found_page_carries_the_policy_with_its_nonce(client, library):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert f'nonce="{nonce_of(response)}"' in response.content.decode()


def test_the_page_for_a_bug_carries_the_policy(client_without_raising, db, settings):
    settings.ROOT_URLCONF = "tests.urls_that_fail"

    response = client_without_raising.get("/fails/")

    assert response.status_code == 500
    assert directives(response)["default-src"] == ["'self'"]


def test_the_json_api_carries_the_policy(client, library, es):
    response = client.get("/api/search/", {"q": "waste"})

    assert response.status_code == 200
    assert directives(response)["object-src"] == ["'none'"]


def test_the_admin_allows_wagtails_inline_scripts_but_nothing_from_elsewhere(client, editor):
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    # A nonce would make browsers ignore 'unsafe-inline', which Wagtail's own templates need.
    assert "'unsafe-inline'" in policy["script-src"]
    assert not NONCE.search(response["Content-Security-Policy"])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_admins_preview_may_be_framed_by_the_admin_only(client, editor, library):
    case_study = make_case_study(library.case_studies, title="Shared legal services")
    client.force_login(editor)

    response = client.get(f"/admin/pages/{case_study.pk}/edit/preview/")

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_violations_are_reported_to_the_address_in_the_environment():
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment["CSP_REPORT_URI"] = "https://reports.example.org/csp"
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "--settings=commons.settings.test",
            "-c",
            "from django.conf import settings as s; "
            "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['report-uri'], "
            "s.ADMIN_CONTENT_SECURITY_POLICY['DIRECTIVES']['report-uri'])",
        ],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://reports.example.org/csp"] * 2
