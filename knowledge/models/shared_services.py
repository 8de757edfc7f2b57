from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SharedService(index.Indexed, ClusterableModel):
    """A service that organisations run together: the catalogue the network keeps."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        LIVE = "live", "Live"
        CLOSED = "closed", "Closed"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    lead_organisation = models.ForeignKey(
        "knowledge.Organisation", on_delete=models.PROTECT, related_name="led_services"
    )
    partners = ParentalManyToManyField(
        "knowledge.Organisation", blank=True, related_name="partner_services"
    )
    service_area = models.ForeignKey(
        "knowledge.ServiceArea", on_delete=models.PROTECT, related_name="shared_services"
    )
    since = models.DateField(null=True, blank=True, help_text="When the shared service began.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.LIVE)
    description = models.TextField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("lead_organisation"),
        FieldPanel("partners"),
        FieldPanel("service_area"),
        FieldPanel("since"),
        FieldPanel("status"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["name"]

    def status_summary(self) -> str:
        """Its status as a sentence: `since` is when it began, which is no end date for a
        closed one nor a fact yet for a planned one."""
        began = self.since and f"{self.since:%B %Y}"
        if self.status == self.Status.LIVE:
            return f"Running since {began}" if began else "Running"
        if self.status == self.Status.CLOSED:
            return f"Closed (it began in {began})" if began else "Closed"
        return f"Planned to start in {began}" if began else "Planned"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:shared_service", kwargs={"slug": self.slug})
