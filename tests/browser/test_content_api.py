"""The content API's main journey (docs/api.md): a partner developer reads the docs page on a
phone; an editor issues a key in the admin; the partner's own page, on another origin, reads
case studies with that key through a real browser's CORS checks (the Authorization header makes
the browser ask first); once revoked, the key gets a 401 the page can still read."""

import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect
from wagtail.models import PageViewRestriction

from tests.browser.conftest import axe_violations
from tests.factories import make_case_study, make_verified_user

# "no-store": the answers are public and cacheable for minutes, so the browser would otherwise
# answer the second read from its own cache without asking Commons about the revoked key.
READ_WITH_KEY = """async ([url, key]) => {
    const headers = {Authorization: "Api-Key " + key};
    const answer = await fetch(url, {headers, cache: "no-store"});
    return {status: answer.status, etag: answer.headers.get("ETag"), body: await answer.json()};
}"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def partner_origin(tmp_path) -> Iterator[str]:
    """A partner's own website: a plain page served from another origin (another port)."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Lowdale open data</title></head><body><h1>Lowdale open data</h1></body></html>"
    )
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_a_developer_reads_the_api_docs_on_a_phone(phone_page: Page, live_server):
    phone_page.goto(f"{live_server.url}/api/v1/docs/")

    expect(phone_page.get_by_role("heading", name="Content API", level=1)).to_be_visible()
    endpoint = phone_page.get_by_role("heading", name="GET /api/v1/case-studies/", exact=True)
    expect(endpoint).to_be_visible()
    expect(phone_page.get_by_text("Authorization: Api-Key <your key>")).to_be_visible()
    phone_page.get_by_role("link", name="/api/v1/schema/?format=json").click()
    assert '"openapi"' in phone_page.content()
    phone_page.go_back()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone_page) == []


def issue_key_in_the_admin(page: Page, live_server, name: str) -> str:
    page.goto(f"{live_server.url}/accounts/login/?next=/admin/snippets/commons/partnerapikey/add/")
    page.get_by_label("Email address").fill("editor@example.org")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("textbox", name="Name").fill(name)
    page.get_by_role("spinbutton", name="Requests per minute").fill("600")
    page.get_by_role("button", name="Save").click()
    message = page.locator(".messages")
    expect(message).to_contain_text("it will not be shown again")
    [key] = re.findall(r"\b([A-Za-z0-9]{8}\.[A-Za-z0-9]{32})\b", message.inner_text())
    return key


def test_an_editor_issues_a_key_and_a_partner_page_on_another_origin_reads_with_it(
    library, page: Page, live_server, partner_origin
):
    make_case_study(library.case_studies, title="Three councils share revenues")
    make_case_study(library.case_studies, title="Draft benefits merger", live=False)
    restricted = make_case_study(library.case_studies, title="Councillors-only review")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    editor = make_verified_user(username="editor", email="editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    key = issue_key_in_the_admin(page, live_server, "Lowdale open data")

    page.goto(partner_origin)
    answer = page.evaluate(READ_WITH_KEY, [f"{live_server.url}/api/v1/case-studies/", key])

    # Had the preflight refused the Authorization header, fetch would have thrown instead.
    assert answer["status"] == 200
    assert [study["title"] for study in answer["body"]["results"]] == [
        "Three councils share revenues"
    ]
    # ETag is exposed to the partner's script, so it can ask again with If-None-Match.
    assert answer["etag"]

    page.goto(f"{live_server.url}/admin/snippets/commons/partnerapikey/")
    page.get_by_role("link", name="Lowdale open data").click()
    page.get_by_role("checkbox", name="Revoked").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("updated")

    page.goto(partner_origin)
    refused = page.evaluate(READ_WITH_KEY, [f"{live_server.url}/api/v1/case-studies/", key])

    assert refused["status"] == 401
    assert "revoked" in refused["body"]["detail"]
