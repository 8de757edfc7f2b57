"""The pages the law and good manners ask every public service to publish."""

import datetime

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from knowledge.models.addresses import RequestedAddressMixin
from knowledge.models.case_studies import RICH_TEXT_FEATURES
from knowledge.models.titles import OneLineTitleMixin


class LegalPageKind(models.TextChoices):
    PRIVACY = "privacy", "Privacy notice"
    ACCESSIBILITY = "accessibility", "Accessibility statement"
    COOKIES = "cookies", "Cookies"
    OTHER = "other", "Other"


class LegalPage(RequestedAddressMixin, OneLineTitleMixin, Page):
    """A privacy notice, accessibility statement, cookies page or similar, linked from the footer.

    `kind` lets the sign-up form find the privacy notice however an editor renames or moves it.
    """

    kind = models.CharField(
        max_length=20,
        choices=LegalPageKind.choices,
        default=LegalPageKind.OTHER,
        help_text="The sign-up page links to the privacy notice.",
    )
    body = RichTextField(features=[*RICH_TEXT_FEATURES, "h4"])
    last_updated = models.DateField(
        default=datetime.date.today,
        help_text="Change this when what the page says changes, not for a typo.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("last_updated"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types: list[str] = []
    template = "knowledge/legal_page.html"

    class Meta:
        verbose_name = "legal or support page"
