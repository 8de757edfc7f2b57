from django.conf import settings
from django.db import models
from django.urls import reverse

from community.models.discussions import ContentStatus
from knowledge.models import Region


class Listing(models.Model):
    """An organisation's offer of a service or capacity, or its need for a partner."""

    class Kind(models.TextChoices):
        OFFER = "offer", "Offer"
        NEED = "need", "Need"

    class Status(models.TextChoices):
        # The values of `ContentStatus` it shares, so the moderation queue's rules apply; and
        # its own "closed", so an organisation withdrawing its offer is not told apart from a
        # moderator's removal only by reading the audit trail.
        VISIBLE = ContentStatus.VISIBLE.value, ContentStatus.VISIBLE.label
        HIDDEN = ContentStatus.HIDDEN.value, ContentStatus.HIDDEN.label
        REMOVED = ContentStatus.REMOVED.value, ContentStatus.REMOVED.label
        CLOSED = "closed", "Closed by its organisation"

    kind = models.CharField(max_length=5, choices=Kind.choices)
    organisation = models.ForeignKey(
        "knowledge.Organisation", on_delete=models.CASCADE, related_name="listings"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="listings"
    )
    title = models.CharField(max_length=150)
    description = models.TextField(max_length=5_000)
    service_area = models.ForeignKey(
        "knowledge.ServiceArea", on_delete=models.PROTECT, related_name="listings"
    )
    region = models.CharField(max_length=40, choices=Region.choices)
    capacity = models.PositiveSmallIntegerField(
        help_text="Offers: how many more organisations you could take on. "
        "Needs: how many partners you are looking for."
    )
    expires_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.VISIBLE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:listing", kwargs={"pk": self.pk})


class Interest(models.Model):
    """A verified officer says their organisation wants to talk about a listing."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="interests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="listing_interests"
    )
    organisation = models.ForeignKey(
        "knowledge.Organisation", on_delete=models.CASCADE, related_name="listing_interests"
    )
    message = models.TextField(max_length=2_000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "organisation"], name="one_interest_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} is interested in {self.listing}"
