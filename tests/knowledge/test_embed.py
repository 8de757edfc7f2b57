"""The embed builder page (/embed/) and the widget's script: what a council copies, and the
headers that let any site run the script (docs/widget.md)."""

import html
import re

from taggit.models import Tag

from tests.factories import ServiceAreaFactory, make_case_study

SCRIPT_PATH = "/embed/widget-v1.js"


def snippet_in(response) -> str:
    match = re.search(
        r'<textarea[^>]*id="widget-snippet"[^>]*>(.*?)</textarea>', response.text, re.S
    )
    assert match, "the page shows no snippet"
    return html.unescape(match.group(1))


def test_the_builder_page_explains_the_widget_and_offers_no_snippet_until_asked(client, library):
    response = client.get("/embed/")

    assert response.status_code == 200
    assert "No cookies, no tracking" in response.text
    assert 'id="widget-snippet"' not in response.text
    assert 'name="limit"' in response.text and 'value="5"' in response.text


def test_choosing_a_service_area_gives_a_snippet_with_a_fallback_link_and_a_live_preview(
    client, library
):
    area = ServiceAreaFactory(name="Revenues and benefits", slug="revenues-and-benefits")

    response = client.get("/embed/", {"service_area": area.slug, "tag": "", "limit": "3"})

    snippet = snippet_in(response)
    assert 'data-commons-widget data-service-area="revenues-and-benefits" data-limit="3"' in snippet
    assert '<a href="http://testserver/service-areas/revenues-and-benefits/">' in snippet
    assert (
        '<script src="http://testserver/embed/widget-v1.js" crossorigin="anonymous"'
        ' referrerpolicy="no-referrer" async>' in snippet
    )
    # The preview is the snippet itself, on the page.
    assert snippet in response.text
    assert f'<option value="{area.slug}" selected>' in response.text


def test_only_tags_on_published_case_studies_are_offered_and_a_tag_links_to_its_page(
    client, library
):
    tag = Tag.objects.create(name="Council tax", slug="council-tax")
    Tag.objects.create(name="Unused", slug="unused")
    make_case_study(library.case_studies, tags=[tag])

    offered = client.get("/embed/")
    chosen = client.get("/embed/", {"tag": "council-tax", "limit": "5"})

    assert 'value="council-tax"' in offered.text
    assert 'value="unused"' not in offered.text
    snippet = snippet_in(chosen)
    assert 'data-tag="council-tax"' in snippet
    assert 'href="http://testserver/tags/council-tax/"' in snippet


def test_wrong_choices_are_explained_in_plain_english_and_what_was_typed_is_kept(client, library):
    response = client.get("/embed/", {"service_area": "recycling", "limit": "99"})

    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Choose a service area from the list" in response.text
    assert "Show 20 case studies or fewer" in response.text
    assert 'value="99"' in response.text
    assert 'id="widget-snippet"' not in response.text
    assert response.text.count("<title>Error: ") == 1


def test_a_link_colour_goes_into_the_snippet_and_anything_but_a_hex_code_is_refused(
    client, library
):
    chosen = client.get("/embed/", {"limit": "5", "accent": "#1d70b8"})
    refused = client.get("/embed/", {"limit": "5", "accent": "red; background: url(x)"})

    assert 'data-commons-widget data-accent="#1d70b8" data-limit="5"' in snippet_in(chosen)
    assert "Enter the link colour as a hex code, like #1d70b8" in refused.text
    assert 'value="red; background: url(x)"' in refused.text
    assert 'id="widget-snippet"' not in refused.text


def test_a_number_that_is_not_a_number_is_refused_and_kept(client, library):
    response = client.get("/embed/", {"limit": "five"})

    assert "Enter the number of case studies as a whole number, like 5" in response.text
    assert 'value="five"' in response.text


def test_the_script_is_javascript_any_site_may_run_and_caches_may_keep_for_an_hour(client, db):
    response = client.get(SCRIPT_PATH)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=3600"}
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in response
    body = response.content.decode()
    assert 'credentials: "omit"' in body
    # API text only ever becomes DOM text.
    assert "innerHTML" not in body and "eval(" not in body


def test_a_widget_version_that_does_not_exist_is_not_found(client, db):
    assert client.get("/embed/widget-v2.js").status_code == 404


def test_every_page_links_the_builder_from_its_footer_next_to_the_api(client, library):
    html = client.get("/").text
    footer = html[html.index('<footer class="govuk-footer">') :]

    assert 'href="/api/v1/docs/">Content API</a>' in footer
    assert 'href="/embed/">Show case studies on your website</a>' in footer
