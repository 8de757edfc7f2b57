"""Every absolute address the site writes names the site the person used, with its port: feeds,
sitemap, canonical and Open Graph. Wagtail's own page addresses come from the Site record
(http://localhost/ on port 80), which no reader can reach from outside."""

import re
import xml.etree.ElementTree as ET

import pytest

from knowledge.services import network_site_ensure
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    ServiceAreaFactory,
    SharedServiceFactory,
    make_case_study,
    make_resource,
)

HOST = "commons.test:8123"
ORIGIN = f"http://{HOST}"
COUNCIL_HOST = "northshire.localhost:8123"
FEEDS = [
    "/case-studies/feed/rss/",
    "/case-studies/feed/atom/",
    "/resources/feed/rss/",
    "/resources/feed/atom/",
]


def absolute_urls(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)


def foreign(urls: list[str], origin: str) -> list[str]:
    """The addresses not on `origin`, leaving out XML namespaces and the schemas they name."""
    ignore = ("http://www.w3.org/", "http://www.sitemaps.org/")
    return [u for u in urls if not u.startswith(origin + "/") and not u.startswith(ignore)]


@pytest.fixture
def network(library, settings):
    settings.ALLOWED_HOSTS = ["commons.test", ".localhost"]
    north = OrganisationFactory(name="Northshire County Council")
    waste = ServiceAreaFactory(name="Waste")
    SharedServiceFactory(name="Shared waste", lead_organisation=north, service_area=waste)
    make_case_study(library.case_studies, title="Shared bins", tags=["recycling"])
    make_resource(library.resources, title="A toolkit for shared services")
    CommunityFactory(name="Waste officers")
    ListingFactory(title="Capacity in our payroll service")
    network_site_ensure(
        hostname="northshire.localhost",
        site_name="Northshire on Commons",
        home=library.home,
        organisation=north,
    )
    return library


@pytest.mark.parametrize("host", [HOST, COUNCIL_HOST])
def test_the_sitemap_and_feeds_link_only_to_the_site_requested(client, network, host):
    origin = f"http://{host}"
    for path in ["/sitemap.xml", *FEEDS]:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, path
        urls = absolute_urls(response.content.decode())
        assert len(urls) > 3, path
        assert foreign(urls, origin) == [], path


def test_the_sitemap_lists_pages_on_the_site_requested(client, network):
    response = client.get("/sitemap.xml", HTTP_HOST=HOST)
    # Our own server's output, parsed to prove it is well-formed XML.
    root = ET.fromstring(response.content)  # noqa: S314
    locations = {url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") for url in root}

    assert {
        f"{ORIGIN}/",
        f"{ORIGIN}/case-studies/shared-bins/",
        f"{ORIGIN}/organisations/northshire-county-council/",
        f"{ORIGIN}/communities/waste-officers/",
    } <= locations


def test_feed_item_links_and_ids_use_the_site_requested(client, network):
    atom = client.get("/case-studies/feed/atom/", HTTP_HOST=HOST).content.decode()
    rss = client.get("/case-studies/feed/rss/", HTTP_HOST=HOST).content.decode()

    assert f"<id>{ORIGIN}/case-studies/shared-bins/</id>" in atom
    assert f'href="{ORIGIN}/case-studies/shared-bins/"' in atom
    assert f"<link>{ORIGIN}/case-studies/shared-bins/</link>" in rss


def meta(html: str) -> tuple[str, str]:
    canonical = re.search(r'<link rel="canonical" href="([^"]*)"', html).group(1)
    og_url = re.search(r'<meta property="og:url" content="([^"]*)"', html).group(1)
    return canonical, og_url


@pytest.mark.parametrize(
    "path", ["/", "/case-studies/shared-bins/", "/communities/waste-officers/"]
)
@pytest.mark.parametrize("host", [HOST, COUNCIL_HOST])
def test_canonical_and_open_graph_addresses_use_the_site_requested(client, network, path, host):
    response = client.get(f"{path}?page=2&utm_source=x", HTTP_HOST=host)

    assert response.status_code == 200
    assert meta(response.content.decode()) == (f"http://{host}{path}",) * 2
