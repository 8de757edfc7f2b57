"""What the home page of each site in the network shows: editors' picks and the site's own work."""

from dataclasses import dataclass, field

from django.http import HttpRequest
from wagtail.models import Page, Site

from knowledge.models import (
    CaseStudyPage,
    HomePage,
    Organisation,
    ResourcePage,
    SiteBranding,
    ThemePage,
)

LATEST_COUNT = 6


@dataclass
class HomeContent:
    organisation: Organisation | None
    featured: list[Page] = field(default_factory=list)
    local_case_studies: list[CaseStudyPage] = field(default_factory=list)
    latest_case_studies: list[CaseStudyPage] = field(default_factory=list)
    latest_resources: list[ResourcePage] = field(default_factory=list)
    themes: list[ThemePage] = field(default_factory=list)


def site_organisation(site: Site | None) -> Organisation | None:
    """The organisation whose branded front door this site is, if any."""
    if site is None:
        return None
    branding = SiteBranding.objects.filter(site=site).select_related("organisation").first()
    return branding.organisation if branding else None


def featured_pages(home: HomePage) -> list[Page]:
    """Editors' picks in their chosen order; anything unpublished since is left out."""
    items = home.featured_items.select_related("item").order_by("sort_order")
    pages = [item.item for item in items if item.item.live]
    return [page.specific for page in pages]


def case_studies_of(organisation: Organisation, *, limit: int = LATEST_COUNT):
    return (
        CaseStudyPage.objects.live()
        .public()
        .filter(organisations=organisation)
        .order_by("-first_published_at")[:limit]
    )


def home_content(home: HomePage, request: HttpRequest) -> HomeContent:
    organisation = site_organisation(Site.find_for_request(request))
    return HomeContent(
        organisation=organisation,
        featured=featured_pages(home),
        local_case_studies=list(case_studies_of(organisation)) if organisation else [],
        latest_case_studies=list(
            CaseStudyPage.objects.live().public().order_by("-first_published_at")[:LATEST_COUNT]
        ),
        latest_resources=list(
            ResourcePage.objects.live().public().order_by("-first_published_at")[:4]
        ),
        themes=list(ThemePage.objects.live().public().order_by("title")),
    )
