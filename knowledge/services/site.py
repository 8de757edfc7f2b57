"""The page tree every site shares: the home page, the lists under it and each council's site.

Site setup, for commands, the demo and the import: it may replace Wagtail's welcome page and
re-root the default site, so nothing a visitor does calls it."""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, Site

from knowledge.models import (
    CaseStudyIndexPage,
    HomePage,
    LegalPage,
    Organisation,
    ResourceIndexPage,
    SiteBranding,
    ThemeIndexPage,
)
from knowledge.services.legal import legal_pages_ensure

DEFAULT_INTRO = (
    "Case studies of shared services told warts and all, communities of interest, and resources "
    "from councils and the people they serve."
)


@dataclass(frozen=True)
class Library:
    """The fixed top of the page tree that every site in the network shares."""

    home: HomePage
    case_studies: CaseStudyIndexPage
    resources: ResourceIndexPage
    themes: ThemeIndexPage
    legal: list[LegalPage]


@transaction.atomic
def home_page_ensure(
    *, title: str = "Commons", hostname: str = "localhost", intro: str = DEFAULT_INTRO
) -> HomePage:
    """Make the default site's root a Commons home page, replacing Wagtail's welcome page.

    Idempotent: an existing home page on the default site is returned unchanged.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific

    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    welcome = (
        root.get_children().filter(slug="home").exclude(content_type__model="homepage").first()
    )
    if welcome is not None:
        welcome.delete()
        root.refresh_from_db()
    home = root.add_child(instance=HomePage(title=title, slug="home", intro=intro))
    if site is None:
        Site.objects.create(
            hostname=hostname, port=80, root_page=home, is_default_site=True, site_name=title
        )
    else:
        site.root_page = home
        site.site_name = site.site_name or title
        site.save()
    return home


def _child_ensure(parent: Page, model: type[Page], **fields) -> Page:
    existing = model.objects.child_of(parent).first()
    if existing is not None:
        return existing
    return parent.add_child(instance=model(**fields))


@transaction.atomic
def library_ensure() -> Library:
    """The home page, the lists that hold case studies, resources and themed collections, and the
    privacy notice, accessibility statement and cookies page every public service publishes."""
    home = home_page_ensure()
    return Library(
        home=home,
        case_studies=_child_ensure(
            home,
            CaseStudyIndexPage,
            title="Case studies",
            slug="case-studies",
            intro="How councils and their partners shared services: the costs, the savings, "
            "what went wrong and what they learned.",
        ),
        resources=_child_ensure(
            home,
            ResourceIndexPage,
            title="Resources",
            slug="resources",
            intro="Guides, templates, toolkits, datasets and reports you can reuse.",
        ),
        themes=_child_ensure(
            home,
            ThemeIndexPage,
            title="Collections",
            slug="collections",
            intro="Case studies and resources gathered by our editors around a theme.",
        ),
        legal=legal_pages_ensure(home),
    )


@transaction.atomic
def network_site_ensure(
    *,
    hostname: str,
    site_name: str,
    home: HomePage,
    organisation: Organisation | None = None,
    brand_colour: str = "#1d70b8",
    header_colour: str = "#0b0c0c",
    tagline: str = "",
    welcome_text: str = "",
    footer_text: str = "",
) -> Site:
    """One council's branded front door onto the shared network, found by its hostname.

    Every site shares the one page tree, so all network content is reachable from each; only the
    branding and the home page's own-organisation section differ. Existing branding is kept.
    """
    site, _ = Site.objects.get_or_create(
        hostname=hostname,
        port=80,
        defaults={"site_name": site_name, "root_page": home},
    )
    branding = SiteBranding.for_site(site)
    if branding.organisation_id is None and organisation is not None:
        branding.organisation = organisation
        branding.brand_colour = brand_colour
        branding.header_colour = header_colour
        branding.tagline = tagline
        branding.welcome_text = welcome_text
        branding.footer_text = footer_text
        branding.full_clean()
        branding.save()
    return site
