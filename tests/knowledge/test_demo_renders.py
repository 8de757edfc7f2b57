"""The demo network `make run` shows: every page, listing, filter and tag page renders.

Loading the demo takes seconds, so each test checks a whole family of pages.
"""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page, Site

from knowledge.models import Organisation, ServiceArea, SharedService
from knowledge.queries import tags_on_live_case_studies

CASE_STUDY_FILTERS = [
    "?service_area=revenues-and-benefits&stage=live",
    "?tag=shared-services&sort=savings",
    "?savings_min=100000&percent_max=40&sort=title",
    "?organisation=northshire-county-council&page=2",
    "?stage=stopped",
]


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0, stdout=None)


def test_every_live_page_renders_on_the_network_and_a_council_site(demo, client):
    council_sites = Site.objects.exclude(is_default_site=True)
    assert council_sites.count() >= 3
    assert len({site.root_page_id for site in Site.objects.all()}) == 1
    paths = [
        page.url_path.removeprefix("/home") for page in Page.objects.live().filter(depth__gt=1)
    ]
    assert len(paths) > 60

    for host in ["localhost", council_sites.first().hostname]:
        for path in paths:
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code == 200, (host, path)


def test_every_browse_page_and_filter_renders(demo, client):
    live_tags = set(tags_on_live_case_studies().values_list("slug", flat=True))
    assert Tag.objects.filter(slug__in=live_tags).count() >= 10
    urls = [
        reverse("knowledge:organisations"),
        reverse("knowledge:service_areas"),
        reverse("knowledge:shared_services"),
        reverse("knowledge:tags"),
        *(reverse("knowledge:organisation", args=[o.slug]) for o in Organisation.objects.all()),
        *(reverse("knowledge:service_area", args=[a.slug]) for a in ServiceArea.objects.all()),
        *(reverse("knowledge:shared_service", args=[s.slug]) for s in SharedService.objects.all()),
        *(reverse("knowledge:tag", args=[slug]) for slug in sorted(live_tags)),
        *("/case-studies/" + query for query in CASE_STUDY_FILTERS),
        "/resources/?kind=template&sort=title",
        "/open-data/",
        "/open-data/map/",
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Error:" not in response.content.decode()[:300], url


def test_each_demo_council_site_has_a_header_of_its_own_colour(demo, client):
    """Branded sites differ by more than a stripe (issue #15, item 8): each council's top bar is
    its own colour, so its front door looks like theirs."""
    colours = {}
    for site in Site.objects.all():
        html = client.get("/", HTTP_HOST=site.hostname).content.decode()
        colours[site.hostname] = re.search(r"--commons-header-colour: (#[0-9a-f]{6});", html)[1]

    assert len(set(colours.values())) == len(colours), colours
