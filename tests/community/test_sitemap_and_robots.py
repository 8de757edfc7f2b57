"""Search engines are told about public communities and open listings, and kept out of the
pages that are nobody's business or no use to them."""

import datetime

import pytest
from django.utils import timezone

from community.models import Community, Listing
from tests.factories import CommunityFactory, ListingFactory

HOST = "commons.test:8123"


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["commons.test"]
    client.defaults["HTTP_HOST"] = HOST
    return client


def test_the_sitemap_lists_public_communities_and_open_listings_only(client, library):
    CommunityFactory(name="Waste officers")
    CommunityFactory(name="Safeguarding leads", visibility=Community.Visibility.MEMBERS)
    open_listing = ListingFactory(title="Payroll capacity")
    closed = ListingFactory(title="Closed offer", status=Listing.Status.CLOSED)
    hidden = ListingFactory(title="Hidden offer", status=Listing.Status.HIDDEN)
    expired = ListingFactory(
        title="Expired offer", expires_on=timezone.localdate() - datetime.timedelta(days=1)
    )

    sitemap = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://commons.test:8123/communities/</loc>" in sitemap
    assert "<loc>http://commons.test:8123/communities/waste-officers/</loc>" in sitemap
    assert "safeguarding-leads" not in sitemap
    assert "<loc>http://commons.test:8123/brokerage/</loc>" in sitemap
    assert "<loc>http://commons.test:8123/brokerage/partners/</loc>" in sitemap
    assert "<loc>http://commons.test:8123/tell-us/</loc>" in sitemap
    assert "<loc>http://commons.test:8123/changes-made/</loc>" in sitemap  # #17 story loops
    assert f"<loc>http://commons.test:8123/brokerage/{open_listing.pk}/</loc>" in sitemap
    for listing in (closed, hidden, expired):
        assert f"/brokerage/{listing.pk}/" not in sitemap


def test_robots_txt_allows_the_site_and_names_the_sitemap_on_the_host_requested(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /search/", "Disallow: /accounts/"} <= set(lines)
    assert "Sitemap: http://commons.test:8123/sitemap.xml" in lines
