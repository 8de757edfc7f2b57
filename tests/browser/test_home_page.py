from tests.browser.conftest import axe_violations


def test_home_page_has_no_serious_accessibility_violations(page, live_server):
    page.goto(live_server.url + "/")

    assert page.title() == "Commons - Commons"
    assert page.locator("h1").inner_text() == "Find and share what works in public services"
    assert axe_violations(page) == []


def test_skip_link_is_the_first_stop_and_moves_to_the_main_content(page, live_server):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_home_page_fits_a_phone_screen_without_sideways_scrolling(phone_page, live_server):
    phone_page.goto(live_server.url + "/")

    page_width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360
    assert phone_page.locator("h1").is_visible()
    assert axe_violations(phone_page) == []


def test_the_accessibility_check_does_catch_violations(page, live_server):
    # Guards the guard: a harness that silently found nothing would pass every page.
    page.set_content('<html lang="en"><body><main><img src="chart.png"></main></body></html>')

    assert "image-alt" in [violation["id"] for violation in axe_violations(page)]
