"""Each council's front door is found by hostname and shows its own branding and work."""

import pytest
from wagtail.models import Site

from knowledge.models import SiteBranding
from knowledge.services import network_site_ensure
from tests.factories import OrganisationFactory, make_case_study


@pytest.fixture
def northshire_site(library):
    northshire = OrganisationFactory(name="Northshire County Council")
    site = network_site_ensure(
        hostname="northshire.localhost",
        site_name="Northshire on Commons",
        home=library.home,
        organisation=northshire,
        brand_colour="#00703c",
        tagline="Sharing what works across Northshire",
        footer_text="Run with Northshire County Council.",
    )
    return site, northshire


def test_each_site_shows_its_own_name_colour_tagline_and_footer(client, northshire_site):
    html = client.get("/", HTTP_HOST="northshire.localhost").content.decode()

    assert "Northshire on Commons" in html
    assert "--commons-brand-colour: #00703c;" in html
    assert "Sharing what works across Northshire" in html
    assert "Run with Northshire County Council." in html


def test_the_network_site_keeps_the_default_branding(client, northshire_site):
    html = client.get("/", HTTP_HOST="localhost").content.decode()

    assert "Northshire on Commons" not in html
    assert "--commons-brand-colour: #1d70b8;" in html


def test_a_sites_home_page_features_its_own_organisations_work(client, library, northshire_site):
    _, northshire = northshire_site
    eastvale = OrganisationFactory(name="Eastvale District Council")
    make_case_study(
        library.case_studies, title="Northshire shares legal services", organisations=[northshire]
    )
    make_case_study(
        library.case_studies, title="Eastvale shares waste collection", organisations=[eastvale]
    )

    northshire_home = client.get("/", HTTP_HOST="northshire.localhost").content.decode()
    network_home = client.get("/", HTTP_HOST="localhost").content.decode()

    local_section = northshire_home.split('id="local-work"')[1].split("</section>")[0]
    assert "Northshire shares legal services" in local_section
    assert "Eastvale shares waste collection" not in local_section
    assert 'id="local-work"' not in network_home


def test_all_network_content_is_reachable_from_every_site(client, library, northshire_site):
    eastvale = OrganisationFactory(name="Eastvale District Council")
    page = make_case_study(
        library.case_studies, title="Eastvale shares waste collection", organisations=[eastvale]
    )

    for host in ("localhost", "northshire.localhost"):
        response = client.get(page.url_path.removeprefix("/home"), HTTP_HOST=host)
        assert response.status_code == 200, host
        assert "Eastvale shares waste collection" in response.content.decode()


def test_site_setup_is_idempotent_and_keeps_editors_changes(library, northshire_site):
    site, northshire = northshire_site
    branding = SiteBranding.for_site(site)
    branding.tagline = "Changed by an editor"
    branding.save()

    again = network_site_ensure(
        hostname="northshire.localhost",
        site_name="Northshire on Commons",
        home=library.home,
        organisation=northshire,
    )

    assert again.pk == site.pk
    assert Site.objects.filter(hostname="northshire.localhost").count() == 1
    assert SiteBranding.for_site(site).tagline == "Changed by an editor"


def test_a_brand_colour_must_be_a_hex_colour(library, northshire_site):
    from django.core.exceptions import ValidationError

    site, _ = northshire_site
    branding = SiteBranding.for_site(site)
    branding.brand_colour = "red;}</style><script>"

    with pytest.raises(ValidationError) as error:
        branding.full_clean()

    assert "brand_colour" in error.value.message_dict
