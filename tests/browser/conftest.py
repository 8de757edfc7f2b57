import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import Page, sync_playwright

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
# Playwright's own default size, named for the tests that check both.
DESKTOP = {"viewport": {"width": 1280, "height": 720}}


def pytest_collection_modifyitems(items):
    # The live server sees only committed data, so browser tests commit; the serialized rollback
    # then restores what migrations made (locale, root page, groups) for the next test.
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


def open_page(**context_options) -> Iterator[Page]:
    """Real headless Chromium, started after the test's data exists and stopped before the
    database is reset: Playwright's event loop hides Django's database connection from this
    thread while it runs, so database work must happen outside it."""
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    assert Path(executable).exists(), f"Chromium not found at {executable}: run `make test`"
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        context = browser.new_context(**context_options)
        yield context.new_page()
        context.close()
        browser.close()
        # Database work in the test body ran in Playwright's context, on a connection of its
        # own that nothing else would close: left open, it stops the test database from being
        # dropped at the end of the run ("being accessed by other users").
        connections.close_all()


@pytest.fixture
def site_home(db):
    from knowledge.services import home_page_ensure

    return home_page_ensure(title="Commons")


@pytest.fixture
def page(live_server, site_home) -> Iterator[Page]:
    yield from open_page()


@pytest.fixture
def phone_page(live_server, site_home) -> Iterator[Page]:
    yield from open_page(**PHONE)


def sign_in(page: Page, live_server, email: str, next_url: str) -> None:
    """Signs in through the form as people do (every test person's password is the factories'),
    starting from no session, and waits for the page the person was going to."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/?next={next_url}")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{next_url}")


def axe_violations(page: Page, impacts=("serious", "critical")) -> list[dict]:
    """Runs axe-core in the page; returns the violations at the given impact levels."""
    assert AXE_SCRIPT.exists(), "axe-core is missing: run `make test` (it installs npm packages)"
    # Added as the page's own inline scripts are, with their nonce: the Content-Security-Policy
    # would refuse Playwright's add_script_tag, and the page is tested under its real policy.
    page.evaluate(
        """(source) => {
            const script = document.createElement("script");
            script.nonce = document.querySelector("script[nonce]")?.nonce || "";
            script.textContent = source;
            document.head.append(script);
        }""",
        AXE_SCRIPT.read_text(),
    )
    results = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_RULE_TAGS,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in results["violations"]
        if v["impact"] in impacts
    ]
