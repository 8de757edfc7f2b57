"""sitemap.xml: Wagtail's live public pages, plus the browse pages that are not Wagtail pages.

Community pages are added by commons.urls (knowledge knows nothing of community)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap as WagtailPageSitemap

from commons.links import page_url
from knowledge import queries
from knowledge.models import Organisation, ServiceArea, SharedService


class PageSitemap(WagtailPageSitemap):
    """Wagtail's pages at the address the person asked on, port included, rather than the
    Site record's (`commons.links.page_url`)."""

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict]:
        # Wagtail's own `_urls`, with each page's address replaced.
        urls = [
            {**url_info, "location": page_url(item, self.request)}
            for item in self.paginator.page(page).object_list.iterator()
            for url_info in item.get_sitemap_urls(self.request)
        ]
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


class BrowseListSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return [
            "knowledge:organisations",
            "knowledge:service_areas",
            "knowledge:shared_services",
            "knowledge:tags",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class OrganisationSitemap(Sitemap):
    def items(self) -> QuerySet[Organisation]:
        return Organisation.objects.order_by("name")


class ServiceAreaSitemap(Sitemap):
    def items(self) -> QuerySet[ServiceArea]:
        return ServiceArea.objects.order_by("name")


class SharedServiceSitemap(Sitemap):
    def items(self) -> QuerySet[SharedService]:
        return SharedService.objects.order_by("name")


class TagSitemap(Sitemap):
    """Only tags that some live page carries: the others have no page (they answer 404)."""

    def items(self) -> QuerySet[Tag]:
        return queries.tags_with_counts()

    def location(self, item: Tag) -> str:
        return reverse("knowledge:tag", kwargs={"slug": item.slug})


SITEMAPS = {
    "pages": PageSitemap,
    "lists": BrowseListSitemap,
    "organisations": OrganisationSitemap,
    "service-areas": ServiceAreaSitemap,
    "shared-services": SharedServiceSitemap,
    "tags": TagSitemap,
}
