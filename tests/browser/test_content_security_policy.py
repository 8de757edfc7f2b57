"""The main pages run under the Content-Security-Policy in real Chromium: the browser reports no
violation, and the scripts they need (GOV.UK Frontend, the search suggestions) still work."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from search.indexes import ensure_index
from tests.browser.conftest import sign_in
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    make_case_study,
    make_member,
    make_post,
    make_thread,
    make_verified_user,
)
from tests.search.conftest import IndexHelper

# Runs in every page before its own scripts: a blocked script, style or image is recorded where
# the test can read it, whether or not Chromium also logs it to the console.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}` +
    ` in ${event.sourceFile || document.location.pathname}:${event.lineNumber}`
  );
}, true);
"""


class ViolationWatch:
    """Collects what Chromium reports about the policy, from the page and from its console."""

    def __init__(self, page: Page):
        self.page = page
        self.console: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._read_console)

    def _read_console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.console.append(message.text)

    def violations(self) -> list[str]:
        return self.page.evaluate("window.cspViolations") + self.console

    def visit_cleanly(self, url: str) -> None:
        """Opens the page, lets it settle, and fails on any violation it reported."""
        self.console.clear()
        response = self.page.goto(url)
        assert response is not None, url
        assert response.ok, f"{url} answered {response.status}"
        assert "content-security-policy" in response.all_headers(), url
        self.page.wait_for_load_state("networkidle")
        violations = self.violations()
        assert violations == [], f"{url}:\n" + "\n".join(violations)


@pytest.fixture
def watch(page) -> ViolationWatch:
    return ViolationWatch(page)


@pytest.fixture
def network(library, es):
    """A case study and a resource in the real index, a public community with a thread, a
    listing, and a verified editor; all made before the browser starts."""
    ensure_index(es)
    northshire = OrganisationFactory(name="Northshire County Council", slug="northshire")
    case_study = make_case_study(
        library.case_studies,
        title="Northshire shares revenues and benefits",
        organisations=[northshire],
    )
    IndexHelper(es).add(case_study)
    community = CommunityFactory(name="Revenues and benefits officers")
    member = make_member(community, make_verified_user(username="member", trusted_poster=True))
    thread = make_thread(community, author=member, title="How did you handle TUPE?")
    make_post(thread, author=member, body_markdown="Start consultation early.")
    listing = ListingFactory(title="Payroll capacity for two more councils")
    editor = make_verified_user(username="editor", email="editor@example.org")
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    return {
        "case_study": case_study.url,
        "case_study_id": case_study.pk,
        "community": community.get_absolute_url(),
        "thread": thread.get_absolute_url(),
        "listing": listing.get_absolute_url(),
    }


def assert_gov_uk_frontend_ran(page: Page, path: str) -> None:
    """Both nonced inline scripts ran: the one that marks the page as having JavaScript, and
    the module that starts GOV.UK Frontend's components."""
    body_classes = page.evaluate("document.body.className")
    assert "js-enabled" in body_classes, path
    assert "govuk-frontend-supported" in body_classes, path
    expect(page.locator("[data-govuk-button-init]").first).to_be_attached()


def test_the_public_pages_run_under_the_policy_with_no_violation(network, watch, live_server):
    paths = [
        "/",
        "/search/?q=revenues",
        network["case_study"],
        "/communities/",
        network["community"],
        network["thread"],
        "/brokerage/",
        network["listing"],
        "/accounts/login/",
    ]
    for path in paths:
        watch.visit_cleanly(live_server.url + path)
        assert_gov_uk_frontend_ran(watch.page, path)

    sign_in(watch.page, live_server, "member@example.org", "/contribute/case-study/")
    for path in ["/contribute/", "/contribute/case-study/", "/accounts/email/"]:
        watch.visit_cleanly(live_server.url + path)
        assert_gov_uk_frontend_ran(watch.page, path)


def test_search_suggestions_still_work_under_the_policy(network, watch, live_server):
    watch.visit_cleanly(live_server.url + "/search/")

    box = watch.page.get_by_role("combobox", name="Search Commons")
    box.press_sequentially("northsh", delay=30)

    suggestion = watch.page.get_by_role("option", name="Northshire shares revenues and benefits")
    expect(suggestion).to_be_visible()
    assert watch.violations() == []


def test_the_admin_dashboard_and_case_study_editor_work_under_the_admin_policy(
    network, watch, live_server
):
    sign_in(watch.page, live_server, "editor@example.org", "/admin/")

    watch.visit_cleanly(live_server.url + "/admin/")
    expect(watch.page.get_by_role("heading", level=1)).to_be_visible()

    editor_url = f"{live_server.url}/admin/pages/{network['case_study_id']}/edit/"
    watch.visit_cleanly(editor_url)
    # The editor's scripts ran: Draftail, the rich text editor, exists only once they have.
    expect(watch.page.locator(".Draftail-Editor").first).to_be_visible()
