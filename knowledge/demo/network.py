"""The demo network that `make run` shows: a shared library behind five branded front doors."""

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from wagtail.models import Page, Site

from knowledge.importing import import_content
from knowledge.models import (
    CaseStudyPage,
    HomeFeaturedItem,
    Organisation,
    ResourcePage,
    SiteBranding,
    ThemeItem,
    ThemePage,
)
from knowledge.services import Library, library_ensure, network_site_ensure

logger = logging.getLogger(__name__)

# Where the demo's Beta banner sends feedback; a real network sets its own in Site branding.
DEMO_FEEDBACK_ADDRESS = "feedback@commons.localhost"

CONTENT_FILE = Path(__file__).resolve().parent / "content.json"


@dataclass(frozen=True)
class DemoSite:
    hostname: str
    site_name: str
    organisation_slug: str
    brand_colour: str
    tagline: str
    # The top bar, dark enough for its white text (SiteBranding checks the contrast).
    header_colour: str


DEMO_SITES = [
    DemoSite(
        "northshire.localhost",
        "Northshire County Council on Commons",
        "northshire-county-council",
        "#00703c",
        "Sharing what works across Northshire",
        "#004e2a",
    ),
    DemoSite(
        "eastvale.localhost",
        "Eastvale District Council on Commons",
        "eastvale-district-council",
        "#5f2d91",
        "Eastvale's front door to the Commons network",
        "#3b1c5a",
    ),
    DemoSite(
        "westmoor.localhost",
        "Westmoor Borough Council on Commons",
        "westmoor-borough-council",
        "#b01e0e",
        "What Westmoor learned, and what it learned from others",
        "#6e1309",
    ),
    DemoSite(
        "trivalley.localhost",
        "Tri-Valley Revenues Partnership on Commons",
        "tri-valley-revenues-partnership",
        "#0b6b70",
        "Three councils, one revenues and benefits service",
        "#073f42",
    ),
]

FEATURED_SLUGS = [
    "tri-council-revenues-and-benefits",
    "anglia-coast-single-email-domain",
    "northshire-webchat-across-council-boundaries",
]

THEMES = {
    "Starting a shared service": {
        "slug": "starting-a-shared-service",
        "intro": "Read these before you write the business case: how others chose partners, "
        "agreed governance and found out what they did not know.",
        "tags": ["business-case", "governance", "partnership-working"],
    },
    "Digital services across council boundaries": {
        "slug": "digital-across-boundaries",
        "intro": "Shared platforms, channels and tools, and what it took to run them together.",
        "tags": ["digital", "channel-shift", "low-code", "cloud"],
    },
}


@transaction.atomic
def load_demo_network() -> Library:
    """Idempotent: running it again changes nothing."""
    library = library_ensure()
    report = import_content(json.loads(CONTENT_FILE.read_text(encoding="utf-8")))
    logger.info("Demo content: %s", report)

    for demo in DEMO_SITES:
        organisation = Organisation.objects.filter(slug=demo.organisation_slug).first()
        network_site_ensure(
            hostname=demo.hostname,
            site_name=demo.site_name,
            home=library.home,
            organisation=organisation,
            brand_colour=demo.brand_colour,
            header_colour=demo.header_colour,
            tagline=demo.tagline,
            footer_text=f"{demo.site_name} is run with {organisation.name}."
            if organisation
            else "",
        )
    _feature_on_home(library)
    _themes_ensure(library)
    _feedback_address_ensure()
    return library


def _feature_on_home(library: Library) -> None:
    if library.home.featured_items.exists():
        return
    pages = CaseStudyPage.objects.live().filter(slug__in=FEATURED_SLUGS)
    by_slug = {page.slug: page for page in pages}
    for order, slug in enumerate(s for s in FEATURED_SLUGS if s in by_slug):
        HomeFeaturedItem.objects.create(page=library.home, item=by_slug[slug], sort_order=order)


def _themes_ensure(library: Library) -> None:
    for title, theme in THEMES.items():
        if ThemePage.objects.filter(slug=theme["slug"]).exists():
            continue
        items: list[Page] = [
            *CaseStudyPage.objects.live().filter(tags__slug__in=theme["tags"]).distinct()[:5],
            *ResourcePage.objects.live().filter(tags__slug__in=theme["tags"]).distinct()[:3],
        ]
        page = ThemePage(title=title, slug=theme["slug"], intro=theme["intro"])
        library.themes.add_child(instance=page)
        for order, item in enumerate(items):
            ThemeItem.objects.create(page=page, item=item, sort_order=order)
        page.save_revision().publish()


def _feedback_address_ensure() -> None:
    for site in Site.objects.all():
        branding = SiteBranding.for_site(site)
        if not branding.feedback_address:
            branding.feedback_address = DEMO_FEEDBACK_ADDRESS
            branding.save(update_fields=["feedback_address"])
