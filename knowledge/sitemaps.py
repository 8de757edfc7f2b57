"""sitemap.xml: Wagtail's live public pages (each at the address asked on: see
knowledge.models.addresses), plus the browse pages that are not Wagtail pages.

Community pages are added by commons.urls (knowledge knows nothing of community)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from knowledge import queries
from knowledge.models import Organisation, ServiceArea, SharedService


class BrowseListSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return [
            "knowledge:organisations",
            "knowledge:service_areas",
            "knowledge:shared_services",
            "knowledge:tags",
            "knowledge:open_data",
            "knowledge:partnership_map",
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
