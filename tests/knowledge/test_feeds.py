"""RSS and Atom feeds of new pages, and sitemap.xml."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from tests.factories import (
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_case_study,
    make_resource,
    published_on,
)

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse(response) -> ET.Element:
    # Our own server's output, parsed to prove it is well-formed XML.
    return ET.fromstring(response.content)  # noqa: S314


@pytest.fixture
def client(client):
    """Requests to the default site's own host name, which Wagtail writes absolute links with."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture
def three_case_studies(library):
    north = OrganisationFactory(name="Northshire County Council")
    old = make_case_study(library.case_studies, title="Oldest", organisations=[north])
    new = make_case_study(library.case_studies, title="Newest", tags=["recycling"])
    middle = make_case_study(library.case_studies, title="Middle")
    make_case_study(library.case_studies, title="Unpublished draft", live=False)
    published_on(old, datetime.date(2023, 1, 1))
    published_on(middle, datetime.date(2024, 1, 1))
    published_on(new, datetime.date(2025, 1, 1))
    return library


def test_the_case_study_rss_feed_lists_live_pages_newest_first(client, three_case_studies):
    response = client.get("/case-studies/feed/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse(response).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Newest", "Middle", "Oldest"]
    assert items[0].findtext("link") == "http://localhost/case-studies/newest/"
    assert items[0].findtext("description").startswith("Three district councils merged")
    assert [c.text for c in items[0].findall("category")] == ["recycling"]
    assert channel.findtext("link") == "http://localhost/case-studies/"


def test_the_case_study_atom_feed_lists_live_pages_newest_first(client, three_case_studies):
    response = client.get("/case-studies/feed/atom/")

    feed = parse(response)
    entries = feed.findall(f"{ATOM}entry")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Newest", "Middle", "Oldest"]
    assert entries[2].find(f"{ATOM}link").get("href") == "http://localhost/case-studies/oldest/"
    assert entries[2].find(f"{ATOM}author").findtext(f"{ATOM}name") == "Northshire County Council"
    assert entries[0].findtext(f"{ATOM}published").startswith("2025-01-01")


def test_a_feed_holds_the_fifty_newest(client, library):
    for n in range(52):
        page = make_case_study(library.case_studies, title=f"Programme {n:02d}")
        published_on(page, datetime.date(2024, 1, 1) + datetime.timedelta(days=n))

    items = parse(client.get("/case-studies/feed/rss/")).iter("item")
    titles = [item.findtext("title") for item in items]

    assert len(titles) == 50
    assert titles[0] == "Programme 51"
    assert titles[-1] == "Programme 02"


def test_the_resource_feeds_list_live_resources(client, library):
    north = OrganisationFactory(name="Northshire County Council")
    make_resource(library.resources, title="Toolkit", organisation=north)
    make_resource(library.resources, title="Draft guide", live=False)

    rss = parse(client.get("/resources/feed/rss/"))
    atom = parse(client.get("/resources/feed/atom/"))

    assert [item.findtext("title") for item in rss.iter("item")] == ["Toolkit"]
    assert [e.findtext(f"{ATOM}title") for e in atom.findall(f"{ATOM}entry")] == ["Toolkit"]
    assert rss.find("channel").findtext("link") == "http://localhost/resources/"


def sitemap_locations(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return {url.findtext(f"{SITEMAP}loc") for url in parse(response)}


def test_the_sitemap_lists_live_pages_and_browse_pages(client, library):
    north = OrganisationFactory(name="Northshire County Council")
    waste = ServiceAreaFactory(name="Waste")
    SharedServiceFactory(name="Shared waste", lead_organisation=north, service_area=waste)
    make_case_study(library.case_studies, title="Shared bins", tags=["recycling"])
    make_case_study(library.case_studies, title="Secret draft", live=False, tags=["secret"])

    locations = sitemap_locations(client)

    assert {
        "http://localhost/",
        "http://localhost/case-studies/",
        "http://localhost/case-studies/shared-bins/",
        "http://localhost/resources/",
        "http://localhost/organisations/",
        "http://localhost/organisations/northshire-county-council/",
        "http://localhost/service-areas/waste/",
        "http://localhost/services/shared-waste/",
        "http://localhost/tags/recycling/",
    } <= locations
    assert "http://localhost/case-studies/secret-draft/" not in locations
    assert "http://localhost/tags/secret/" not in locations
