"""The account pages in a real browser: they look like the site and pass axe."""

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations


def test_the_sign_in_page_is_accessible(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/?next=/contribute/")

    expect(page).to_have_title("Sign in - Commons")
    expect(page.get_by_label("Email address")).to_have_attribute("autocomplete", "email")
    expect(page.get_by_label("Password", exact=True)).to_have_attribute(
        "autocomplete", "current-password"
    )
    assert axe_violations(page) == []


def test_sign_up_mistakes_are_summarised_accessibly_and_answers_kept(page, live_server):
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Email address").fill("rowan@example.org")
    page.get_by_label("Create a password").fill("a-longer-secret-9")
    page.get_by_label("Confirm your password").fill("not-the-same-9")
    page.get_by_role("button", name="Create account").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page).to_have_title("Error: Create an account - Commons")
    expect(page.get_by_label("Email address")).to_have_value("rowan@example.org")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Username")).to_be_focused()
    assert axe_violations(page) == []
