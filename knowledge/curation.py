"""What editors put in front of readers: the home page's picks and the site's own work, and the
themed collections. Only pages anyone may read are shown: live, and behind no view restriction."""

from collections.abc import Sequence
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


@dataclass(frozen=True)
class CollectionEntry:
    page: Page
    note: str = ""


def _readable_by_anyone(page_ids: Sequence[int]) -> dict[int, Page]:
    # One query per page type rather than one per pick: `.specific()` fetches each type in bulk.
    pages = Page.objects.live().public().filter(pk__in=page_ids).specific()
    return {page.pk: page for page in pages}


def featured_pages(home: HomePage) -> list[Page]:
    """Editors' picks in their chosen order; anything unpublished or restricted is left out."""
    ids = list(home.featured_items.order_by("sort_order").values_list("item_id", flat=True))
    pages = _readable_by_anyone(ids)
    return [pages[page_id] for page_id in ids if page_id in pages]


def collection_entries(theme: ThemePage) -> list[CollectionEntry]:
    """A collection's items in the editor's order, each with its note; as on the home page,
    anything unpublished or restricted is left out."""
    items = list(theme.items.order_by("sort_order").values_list("item_id", "note"))
    pages = _readable_by_anyone([page_id for page_id, _ in items])
    return [CollectionEntry(pages[page_id], note) for page_id, note in items if page_id in pages]


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
