"""An organisation's due-diligence readiness profile: what a partner would need to know first.

Shared services fail on due diligence (IT systems, contracts that cannot end in time, capacity,
skills, practices that differ), so each organisation keeps these facts in a form that can be
compared with another's. The rows are children of the profile (modelcluster), so the admin and
the officers' form save a profile and its rows as one.

Each part can be shown to members only: verified officers of any organisation in the network and
editors, who hold the `view_members_only_profile` permission (granted by the community app's
authentication backend and the editor groups), never to the public.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class ProfilePart(models.TextChoices):
    """The parts of a profile, each shown to everyone or to members only, in the page's order."""

    SYSTEMS = "systems", "Main systems"
    CONTRACTS = "contracts", "Major contracts"
    CAPACITY = "capacity", "Capacity"
    COMPETENCIES = "competencies", "Competencies"
    PRACTICES = "practices", "Practices that differ"


class ReadinessProfile(ClusterableModel):
    organisation = models.OneToOneField(
        "knowledge.Organisation", on_delete=models.CASCADE, related_name="readiness_profile"
    )
    capacity_notes = models.TextField(
        "capacity",
        blank=True,
        help_text="Who could work on a shared service, and when: teams, vacancies, peaks.",
    )
    competencies = models.TextField(
        blank=True,
        help_text="What your people are good at that a partner could use, or would need.",
    )
    systems_members_only = models.BooleanField("main systems: members only", default=False)
    contracts_members_only = models.BooleanField("major contracts: members only", default=True)
    capacity_members_only = models.BooleanField("capacity: members only", default=False)
    competencies_members_only = models.BooleanField("competencies: members only", default=False)
    practices_members_only = models.BooleanField("practices: members only", default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation"),
        InlinePanel("systems", label="Main systems"),
        InlinePanel("contracts", label="Major contracts"),
        FieldPanel("capacity_notes"),
        FieldPanel("competencies"),
        InlinePanel("practices", label="Practices that differ"),
        MultiFieldPanel(
            [
                FieldPanel("systems_members_only"),
                FieldPanel("contracts_members_only"),
                FieldPanel("capacity_members_only"),
                FieldPanel("competencies_members_only"),
                FieldPanel("practices_members_only"),
            ],
            heading="Members only",
            help_text="Parts ticked here are shown only to verified officers and editors.",
        ),
    ]

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = "due-diligence profile"
        permissions = [
            (
                "view_members_only_profile",
                "Can see the members-only parts of due-diligence profiles",
            )
        ]

    def __str__(self) -> str:
        return f"Due-diligence profile: {self.organisation}"

    def is_members_only(self, part: str) -> bool:
        return getattr(self, f"{ProfilePart(part).value}_members_only")

    def members_only_parts(self) -> list[str]:
        return [part.value for part in ProfilePart if self.is_members_only(part)]


class ProfileSystem(Orderable):
    """A main system the organisation runs for one service area."""

    profile = ParentalKey(ReadinessProfile, on_delete=models.CASCADE, related_name="systems")
    service_area = models.ForeignKey(
        "knowledge.ServiceArea", on_delete=models.PROTECT, related_name="+"
    )
    system = models.CharField(
        max_length=120, help_text="The product, for example Civica OpenRevenues."
    )
    supplier = models.CharField(max_length=120, blank=True)

    panels = [
        FieldPanel("service_area"),
        FieldRowPanel([FieldPanel("system"), FieldPanel("supplier")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "main system"

    def __str__(self) -> str:
        return f"{self.system} ({self.supplier})" if self.supplier else self.system


class ProfileContract(Orderable):
    """A major contract, with when it ends and how long before that notice must be given."""

    profile = ParentalKey(ReadinessProfile, on_delete=models.CASCADE, related_name="contracts")
    service_area = models.ForeignKey(
        "knowledge.ServiceArea", on_delete=models.PROTECT, related_name="+"
    )
    description = models.CharField(
        max_length=200,
        help_text="What the contract covers, for example Revenues and benefits software.",
    )
    supplier = models.CharField(max_length=120, blank=True)
    ends_on = models.DateField("contract ends")
    notice_months = models.PositiveSmallIntegerField(
        "notice period (months)",
        default=0,
        help_text="How many months before the end notice must be given.",
    )

    panels = [
        FieldPanel("service_area"),
        FieldPanel("description"),
        FieldPanel("supplier"),
        FieldRowPanel([FieldPanel("ends_on"), FieldPanel("notice_months")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "major contract"

    def __str__(self) -> str:
        return self.description

    def notice_by(self) -> datetime.date:
        """The last day to give notice and still leave when the contract ends."""
        return self.ends_on - relativedelta(months=self.notice_months)


class ProfilePractice(Orderable):
    """A way of working (a policy) a partner would have to agree or align with."""

    profile = ParentalKey(ReadinessProfile, on_delete=models.CASCADE, related_name="practices")
    service_area = models.ForeignKey(
        "knowledge.ServiceArea",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Leave empty for a practice across the whole organisation.",
    )
    topic = models.CharField(max_length=120, help_text="For example Council tax reminders.")
    practice = models.TextField(help_text="How you do it, in a sentence or two.")

    panels = [FieldPanel("service_area"), FieldPanel("topic"), FieldPanel("practice")]

    class Meta(Orderable.Meta):
        verbose_name = "practice"

    def __str__(self) -> str:
        return self.topic
