from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Community(index.Indexed, ClusterableModel):
    """A community of interest: people who discuss one subject, in public or among members.

    A private community is members-only and more: outsiders cannot learn it exists at all."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", "Public: anyone can read"
        MEMBERS = "members", "Members only: only members can read"
        PRIVATE = "private", "Private: only members know it exists; joined by invitation"

    class JoinPolicy(models.TextChoices):
        OPEN = "open", "Open: anyone signed in can join"
        APPROVAL = "approval", "Approval: a moderator approves each request"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(
        max_length=1000,
        help_text="People outside a members-only community see only its name, not this.",
    )
    rules = models.TextField(
        blank=True,
        help_text="Markdown. Shown to everyone who posts; in a members-only community, to members.",
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_policy = models.CharField(
        max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    moderators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="moderated_communities"
    )
    # Stories are about a shared service, not a community: this says which communities' moderators
    # know a service's area well enough to publish or turn down what people tell of it.
    service_areas = ParentalManyToManyField(
        "knowledge.ServiceArea",
        blank=True,
        related_name="communities",
        help_text="Its moderators also read people's stories of the shared services in these "
        "areas before they appear. Editors read every story.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("rules"),
        FieldPanel("visibility"),
        FieldPanel("join_policy"),
        FieldPanel("moderators"),
        FieldPanel("service_areas", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("visibility"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "communities"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("community:community", kwargs={"slug": self.slug})

    @property
    def is_members_only(self) -> bool:
        """Only readers (members, moderators, editors) read it. True of private communities too,
        so every rule written for members-only content holds for them without a second check."""
        return self.visibility in (self.Visibility.MEMBERS, self.Visibility.PRIVATE)

    @property
    def is_private(self) -> bool:
        """Outsiders must not learn it exists: not its name, not a 403 (`community_known_to`)."""
        return self.visibility == self.Visibility.PRIVATE


class Membership(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for approval"
        ACTIVE = "active", "Member"
        REMOVED = "removed", "Removed by a moderator"

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["community", "user"], name="one_membership_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.community} ({self.status})"
