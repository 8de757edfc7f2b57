"""RSS and Atom feeds of new case studies and resources: live pages only, newest first.

Every text is cleaned again as it is written out: XML 1.0 cannot carry most control characters, so
one stored before input was cleaned would otherwise make the whole feed fail.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import URLPattern, path
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Page

from commons.links import page_url
from commons.text import lines, one_line
from knowledge import queries
from knowledge.models import CaseStudyIndexPage, ResourceIndexPage


def _list_url(model: type[Page], request: HttpRequest) -> str:
    index = model.objects.live().first()
    return (index.get_url(request) if index else None) or "/"


def _with_links(pages: list[Page], request: HttpRequest) -> list[Page]:
    # The feed object is shared by every request, so each item carries its own absolute link
    # rather than the feed remembering the request.
    for page in pages:
        page.feed_link = page_url(page, request)
    return pages


class CaseStudyFeed(Feed):
    title = "New case studies"
    description = (
        "Case studies of shared services, told warts and all: costs, savings, what went wrong."
    )

    def get_object(self, request: HttpRequest, *args, **kwargs) -> HttpRequest:
        return request

    def link(self, request: HttpRequest) -> str:
        return _list_url(CaseStudyIndexPage, request)

    def items(self, request: HttpRequest) -> list[Page]:
        return _with_links(queries.newest_case_studies(), request)

    def item_title(self, item) -> str:
        return one_line(item.title)

    def item_description(self, item) -> str:
        return lines(item.summary)

    def item_link(self, item) -> str:
        return item.feed_link

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item) -> str | None:
        return ", ".join(one_line(org.name) for org in item.organisations.all()) or None

    def item_categories(self, item) -> list[str]:
        return [one_line(tag.name) for tag in item.tags.all()]


class CaseStudyAtomFeed(CaseStudyFeed):
    feed_type = Atom1Feed
    subtitle = CaseStudyFeed.description


class ResourceFeed(CaseStudyFeed):
    title = "New resources"
    description = "Guides, templates, toolkits, datasets and reports shared on the network."

    def link(self, request: HttpRequest) -> str:
        return _list_url(ResourceIndexPage, request)

    def items(self, request: HttpRequest) -> list[Page]:
        return _with_links(queries.newest_resources(), request)

    def item_author_name(self, item) -> str | None:
        return one_line(item.organisation.name) if item.organisation else None


class ResourceAtomFeed(ResourceFeed):
    feed_type = Atom1Feed
    subtitle = ResourceFeed.description


urlpatterns: list[URLPattern] = [
    path("case-studies/feed/rss/", CaseStudyFeed(), name="case_study_feed_rss"),
    path("case-studies/feed/atom/", CaseStudyAtomFeed(), name="case_study_feed_atom"),
    path("resources/feed/rss/", ResourceFeed(), name="resource_feed_rss"),
    path("resources/feed/atom/", ResourceAtomFeed(), name="resource_feed_atom"),
]
