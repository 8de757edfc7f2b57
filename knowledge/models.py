from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The front door of one site in the network."""

    intro = models.TextField(
        blank=True,
        help_text="One or two plain sentences under the page heading.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    template = "knowledge/home_page.html"

    class Meta:
        verbose_name = "home page"
