from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from knowledge.models.addresses import RequestedAddressMixin
from knowledge.models.freshness import ReviewedContent
from knowledge.models.titles import OneLineTitleMixin


class ResourceKind(models.TextChoices):
    GUIDE = "guide", "Guide"
    TEMPLATE = "template", "Template"
    TOOLKIT = "toolkit", "Toolkit"
    DATASET = "dataset", "Dataset"
    REPORT = "report", "Report"
    LINK = "link", "Link"


class Licence(models.TextChoices):
    OGL = "ogl-3.0", "Open Government Licence v3.0"
    CC_BY = "cc-by-4.0", "Creative Commons Attribution 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "Creative Commons Attribution-ShareAlike 4.0"
    CC0 = "cc0-1.0", "Public domain (CC0 1.0)"
    ASK = "ask", "All rights reserved: ask before reusing"


class ResourceIndexPage(RequestedAddressMixin, OneLineTitleMixin, Page):
    """The list of every resource in the network, with filters."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.ResourcePage"]
    max_count = 1
    template = "knowledge/resource_index_page.html"

    class Meta:
        verbose_name = "resource list"

    def get_context(self, request, *args, **kwargs):
        # Imported here: the listing's filters import this module's models.
        from knowledge.listings import resource_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(resource_listing_context(request))
        return context


class ResourceTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.ResourcePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ResourcePage(RequestedAddressMixin, OneLineTitleMixin, ReviewedContent, Page):
    """A guide, template, toolkit, dataset, report or link: an uploaded document or a URL."""

    summary = models.TextField(max_length=600)
    kind = models.CharField(max_length=20, choices=ResourceKind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    external_url = models.URLField("web address", blank=True)
    organisation = models.ForeignKey(
        "knowledge.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
    )
    service_areas = ParentalManyToManyField(
        "knowledge.ServiceArea", related_name="resources", blank=True
    )
    licence = models.CharField(max_length=20, choices=Licence.choices, default=Licence.OGL)
    tags = ClusterTaggableManager(through=ResourceTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url")],
            heading="The resource: upload a document or give a web address",
        ),
        FieldPanel("organisation"),
        FieldPanel("service_areas"),
        FieldPanel("licence"),
        FieldPanel("tags"),
        *ReviewedContent.review_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("service_areas", [index.SearchField("name")]),
        index.FilterField("kind"),
    ]
    parent_page_types = ["knowledge.ResourceIndexPage"]
    subpage_types: list[str] = []
    template = "knowledge/resource_page.html"

    class Meta:
        verbose_name = "resource"

    def clean(self) -> None:
        super().clean()
        if not self.document_id and not self.external_url:
            raise ValidationError(
                {"external_url": "Upload a document or give the web address of the resource."}
            )
        if self.document_id and self.external_url:
            raise ValidationError(
                {"external_url": "Give either a document or a web address, not both."}
            )

    @property
    def link(self) -> str:
        return self.document.url if self.document_id else self.external_url
