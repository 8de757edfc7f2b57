from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from knowledge.models.taxonomy import Region

domain_validator = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
    "Enter a domain such as northshire.gov.uk, without @ or https://.",
)


class Organisation(index.Indexed, ClusterableModel):
    """A council, partnership, partner or voluntary body taking part in the network."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        PARTNERSHIP = "partnership", "Partnership of councils"
        PARTNER = "partner", "Partner organisation"
        VOLUNTARY = "voluntary", "Voluntary or community body"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    region = models.CharField(max_length=40, choices=Region.choices, blank=True)
    website = models.URLField(blank=True)
    summary = models.TextField(blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("region"),
        FieldPanel("website"),
        FieldPanel("summary"),
        FieldPanel("logo"),
        InlinePanel(
            "email_domains",
            label="Email domains",
            help_text="People with a verified address on these domains are its officers.",
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:organisation", kwargs={"slug": self.slug})


class OrganisationEmailDomain(Orderable):
    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="email_domains")
    domain = models.CharField(max_length=253, unique=True, validators=[domain_validator])

    panels = [FieldPanel("domain")]

    def __str__(self) -> str:
        return self.domain

    def clean(self) -> None:
        self.domain = (self.domain or "").strip().lower()
        if not self.domain:
            raise ValidationError({"domain": "Enter the email domain."})
