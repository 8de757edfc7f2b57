from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, Page

from knowledge.models.addresses import RequestedAddressMixin
from knowledge.models.titles import OneLineTitleMixin

FEATURABLE_PAGE_TYPES = ["knowledge.CaseStudyPage", "knowledge.ResourcePage"]


class HomePage(RequestedAddressMixin, OneLineTitleMixin, Page):
    """The network's front door. Every council's site shares it, each with its own branding."""

    intro = models.TextField(
        blank=True,
        help_text="One or two plain sentences under the page heading.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("featured_items", heading="Featured on the home page", label="Featured item"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    template = "knowledge/home_page.html"

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        # Imported here: knowledge.curation itself imports the models.
        from knowledge.curation import home_content

        context = super().get_context(request, *args, **kwargs)
        context["home"] = home_content(self, request)
        return context


class HomeFeaturedItem(Orderable):
    """A case study or resource an editor chose to feature on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    item = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("item", FEATURABLE_PAGE_TYPES)]


class ThemeIndexPage(RequestedAddressMixin, OneLineTitleMixin, Page):
    """Themed collections curated by editors, such as "Starting a shared service"."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.ThemePage"]
    max_count = 1
    template = "knowledge/theme_index_page.html"

    class Meta:
        verbose_name = "themed collection list"


class ThemePage(RequestedAddressMixin, OneLineTitleMixin, Page):
    """A themed collection: case studies and resources an editor put together, in order."""

    intro = models.TextField(blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("items", heading="In this collection", label="Item", min_num=1),
    ]
    parent_page_types = ["knowledge.ThemeIndexPage"]
    subpage_types: list[str] = []
    template = "knowledge/theme_page.html"

    class Meta:
        verbose_name = "themed collection"

    def get_context(self, request, *args, **kwargs):
        # Imported here: knowledge.curation itself imports the models.
        from knowledge.curation import collection_entries

        context = super().get_context(request, *args, **kwargs)
        context["entries"] = collection_entries(self)
        return context


class ThemeItem(Orderable):
    page = ParentalKey(ThemePage, on_delete=models.CASCADE, related_name="items")
    item = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    note = models.CharField(max_length=300, blank=True, help_text="Why it is in the collection.")

    panels = [PageChooserPanel("item", FEATURABLE_PAGE_TYPES), FieldPanel("note")]
