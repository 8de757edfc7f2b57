"""sitemap.xml's community part: what anyone may read. Members-only and private communities stay
out (even their name would be a lead to nothing), and so do closed, hidden and expired listings."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from community.models import Community, Listing
from community.selectors.brokerage import listings_open


class CommunityListSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "community:communities",
            "community:listings",
            "community:partners",
            "community:tell_us",
            "community:changes_made",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class CommunitySitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> QuerySet[Community]:
        return Community.objects.filter(visibility=Community.Visibility.PUBLIC).order_by("name")


class ListingSitemap(Sitemap):
    def items(self) -> QuerySet[Listing]:
        return listings_open()


SITEMAPS = {
    "community-lists": CommunityListSitemap,
    "communities": CommunitySitemap,
    "listings": ListingSitemap,
}
