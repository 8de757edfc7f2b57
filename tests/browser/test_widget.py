"""The case-study widget's main journey (docs/widget.md): an officer makes a snippet on the
embed builder, and a council's own page on another origin shows the case studies with it,
sending and setting no cookie, and never showing a draft or a restricted page."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect
from wagtail.models import PageViewRestriction

from knowledge.embed import WIDGET_SOURCE
from tests.browser.conftest import PHONE, axe_violations, open_page
from tests.factories import OrganisationFactory, ServiceAreaFactory, make_case_study


class CouncilSite:
    """A council's own website: a plain page on another origin that we fill in per test. It also
    serves the widget's script as if it were a Commons whose API is down."""

    def __init__(self) -> None:
        self.html = ""
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.startswith("/api/"):
                    # A Commons that is down: the connection closes with no answer at all.
                    self.close_connection = True
                    return
                if self.path.endswith(".js"):
                    body, kind = WIDGET_SOURCE.read_bytes(), "text/javascript"
                else:
                    body, kind = site.html.encode(), "text/html; charset=utf-8"
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # Another origin (port) on the same site as the live server: a browser would send
        # Commons' ordinary (SameSite=Lax) cookies with the widget's requests unless it refuses.
        self.url = f"http://localhost:{self.server.server_port}/"

    def page_with(self, snippet: str) -> None:
        self.html = (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>Northshire County Council: benefits</title></head>"
            '<body style="font-family: Georgia, serif; color: #333">'
            f"<main><h1>Benefits</h1>{snippet}</main></body></html>"
        )


@pytest.fixture
def council_site() -> Iterator[CouncilSite]:
    site = CouncilSite()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.server.shutdown()
    site.server.server_close()


def test_an_officer_makes_a_snippet_on_a_phone_and_sees_its_preview(
    library, phone_page, live_server
):
    area = ServiceAreaFactory(name="Revenues and benefits", slug="revenues-and-benefits")
    make_case_study(
        library.case_studies, title="Three councils share revenues", service_areas=[area]
    )

    phone_page.goto(f"{live_server.url}/embed/")
    phone_page.get_by_label("Service area").select_option(label="Revenues and benefits")
    phone_page.get_by_label("Number of case studies").fill("3")
    phone_page.get_by_role("button", name="Make the snippet").click()

    snippet = phone_page.get_by_label("Copy this into your website's HTML").input_value()
    assert 'data-service-area="revenues-and-benefits" data-limit="3"' in snippet
    # The preview is the widget itself, running under the site's own Content-Security-Policy.
    preview = phone_page.locator("[data-commons-widget]")
    expect(preview).to_have_attribute("data-commons-widget-state", "shown")
    expect(preview.get_by_role("link", name="Three councils share revenues")).to_be_visible()
    expect(phone_page.get_by_role("button", name="Copy the snippet")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(phone_page) == []


def test_a_council_page_on_another_origin_shows_only_public_case_studies_with_no_cookies(
    library, live_server, site_home, council_site
):
    area = ServiceAreaFactory(name="Revenues and benefits", slug="revenues-and-benefits")
    other = ServiceAreaFactory(name="Waste", slug="waste")
    northshire = OrganisationFactory(name="Northshire County Council")
    make_case_study(
        library.case_studies,
        title="Three councils share revenues",
        summary="One team, three councils, a third less cost.",
        service_areas=[area],
        organisations=[northshire],
    )
    make_case_study(
        library.case_studies, title="Draft benefits merger", service_areas=[area], live=False
    )
    restricted = make_case_study(
        library.case_studies, title="Councillors-only benefits review", service_areas=[area]
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    make_case_study(library.case_studies, title="Shared bin collections", service_areas=[other])
    snippet = (
        '<div data-commons-widget data-service-area="revenues-and-benefits" data-limit="5"'
        ' data-accent="#d4351c">'
        f'<a href="{live_server.url}/service-areas/revenues-and-benefits/">'
        "See case studies on Commons</a></div>"
        '<div id="unknown" data-commons-widget data-service-area="no-such-area">'
        f'<a href="{live_server.url}/">See case studies on Commons</a></div>'
        f'<script src="{live_server.url}/embed/widget-v1.js" crossorigin="anonymous"'
        ' referrerpolicy="no-referrer" async>'
        "</script>"
    )
    council_site.page_with(snippet)
    to_commons = []

    def keep_if_to_commons(request) -> None:
        if request.url.startswith(live_server.url):
            to_commons.append(request)

    for page in open_page(**PHONE):
        # A visitor who is signed in to Commons: the widget must not send that cookie.
        page.context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": "signed-in",
                    "url": live_server.url,
                    "sameSite": "Lax",
                }
            ]
        )
        assert [c["name"] for c in page.context.cookies(live_server.url)] == ["sessionid"]
        page.on("request", keep_if_to_commons)

        page.goto(council_site.url)

        widget = page.locator("[data-commons-widget]").first
        expect(widget).to_have_attribute("data-commons-widget-state", "shown")
        expect(widget.get_by_role("link", name="Three councils share revenues")).to_be_visible()
        expect(widget).to_contain_text("Northshire County Council")
        expect(widget).to_contain_text("One team, three councils, a third less cost.")
        for hidden in ["Draft benefits merger", "Councillors-only", "Shared bin collections"]:
            expect(widget).not_to_contain_text(hidden)
        # It takes the council's font and colours, not Commons' own, and the chosen link colour.
        assert "Georgia" in widget.evaluate("box => getComputedStyle(box).fontFamily")
        organisations = widget.get_by_text("Northshire County Council")
        assert organisations.evaluate("p => getComputedStyle(p).color") == "rgb(51, 51, 51)"
        link = widget.get_by_role("link", name="Three councils share revenues")
        assert link.evaluate("a => getComputedStyle(a).color") == "rgb(212, 53, 28)"
        # A slug nobody uses leaves the plain link, not a broken box.
        unknown = page.locator("#unknown")
        expect(unknown).to_have_attribute("data-commons-widget-state", "fallback")
        expect(unknown.get_by_role("link", name="See case studies on Commons")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360

        assert {r.url.split("?")[0].removeprefix(live_server.url) for r in to_commons} == {
            "/embed/widget-v1.js",
            "/api/v1/case-studies/",
        }
        for request in to_commons:
            headers = request.all_headers()
            assert "cookie" not in headers, request.url
            assert "referer" not in headers, request.url
            assert "set-cookie" not in request.response().all_headers(), request.url
        assert [c["name"] for c in page.context.cookies()] == ["sessionid"]


def test_when_commons_cannot_be_reached_the_council_page_keeps_the_plain_link(
    live_server, site_home, council_site
):
    council_site.page_with(
        '<div data-commons-widget data-service-area="revenues-and-benefits">'
        f'<a href="{live_server.url}/">See case studies on Commons</a></div>'
        f'<script src="{council_site.url}widget-v1.js" async></script>'
    )

    for page in open_page(**PHONE):
        page.goto(council_site.url)

        widget = page.locator("[data-commons-widget]")
        expect(widget).to_have_attribute("data-commons-widget-state", "fallback")
        expect(widget.get_by_role("link", name="See case studies on Commons")).to_be_visible()
        expect(page.get_by_role("heading", name="Benefits")).to_be_visible()
