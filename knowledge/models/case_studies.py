import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge.models.addresses import RequestedAddressMixin
from knowledge.models.freshness import ReviewedContent
from knowledge.models.titles import OneLineTitleMixin
from knowledge.page_forms import WARTS_REQUIRED, CaseStudyPageForm

# Plain structure only: headings, emphasis, lists and links. Nothing that can carry script.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class ProgrammeStage(models.TextChoices):
    IDEA = "idea", "Idea"
    BUSINESS_CASE = "business-case", "Business case"
    IMPLEMENTATION = "implementation", "Implementation"
    LIVE = "live", "Live"
    STOPPED = "stopped", "Stopped"


def not_negative(what: str) -> MinValueValidator:
    return MinValueValidator(Decimal(0), message=f"{what} cannot be negative.")


class CaseStudyIndexPage(RequestedAddressMixin, OneLineTitleMixin, Page):
    """The list of every case study in the network, with filters."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.CaseStudyPage"]
    max_count = 1
    template = "knowledge/case_study_index_page.html"

    class Meta:
        verbose_name = "case study list"

    def get_context(self, request, *args, **kwargs):
        # Imported here: the listing's filters import this module's models.
        from knowledge.listings import case_study_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(case_study_listing_context(request))
        return context


class CaseStudyTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyPage(RequestedAddressMixin, OneLineTitleMixin, ReviewedContent, Page):
    """A shared-service programme told warts and all, in parts that can be compared."""

    summary = models.TextField(
        max_length=600, help_text="Two or three plain sentences: who did what, and how it went."
    )
    organisations = ParentalManyToManyField(
        "knowledge.Organisation", related_name="case_studies", blank=True
    )
    service_areas = ParentalManyToManyField(
        "knowledge.ServiceArea", related_name="case_studies", blank=True
    )
    stage = models.CharField(
        max_length=20, choices=ProgrammeStage.choices, default=ProgrammeStage.IDEA
    )
    started_on = models.DateField("programme started", null=True, blank=True)
    ended_on = models.DateField("programme ended", null=True, blank=True)

    investment_pounds = models.DecimalField(
        "investment (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[not_negative("Investment")],
        help_text="One-off cost of setting up the shared service, in pounds.",
    )
    annual_savings_pounds = models.DecimalField(
        "annual savings (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[not_negative("Annual savings")],
        help_text="Recurring savings a year, in pounds.",
    )
    savings_percent = models.DecimalField(
        "savings (% of previous cost)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal(0), message="Savings must be between 0%% and 100%%."),
            MaxValueValidator(Decimal(100), message="Savings must be between 0%% and 100%%."),
        ],
    )
    staff_change_fte = models.DecimalField(
        "change in staff (full-time equivalent)",
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Negative for fewer posts, for example -12.5.",
    )

    outcomes = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    what_went_wrong = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Required to publish: what went wrong, what was harder or slower than planned.",
    )
    lessons_learned = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    target_operating_model = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    culture_and_leadership = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    tags = ClusterTaggableManager(through=CaseStudyTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("organisations"),
                FieldPanel("service_areas"),
                FieldPanel("stage"),
                FieldRowPanel([FieldPanel("started_on"), FieldPanel("ended_on")]),
                FieldPanel("tags"),
            ],
            heading="Programme",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("investment_pounds"), FieldPanel("annual_savings_pounds")]
                ),
                FieldRowPanel([FieldPanel("savings_percent"), FieldPanel("staff_change_fte")]),
            ],
            heading="Money and staff",
        ),
        FieldPanel("outcomes"),
        FieldPanel("what_went_wrong"),
        FieldPanel("lessons_learned"),
        InlinePanel("due_diligence", heading="Due diligence", label="Checklist item", max_num=5),
        InlinePanel(
            "revisits",
            heading="Revisits: forecast against actual",
            label="Revisit",
            help_text="Come back 12 and 24 months on (or any later date) and say what really "
            "happened.",
        ),
        FieldPanel("target_operating_model"),
        FieldPanel("culture_and_leadership"),
        InlinePanel("contacts", heading="Contacts", label="Contact"),
        InlinePanel("attachments", heading="Attachments", label="Attachment"),
        InlinePanel("related_links", heading="Related case studies", label="Related case study"),
        *ReviewedContent.review_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("outcomes"),
        index.SearchField("what_went_wrong"),
        index.SearchField("lessons_learned"),
        index.SearchField("target_operating_model"),
        index.SearchField("culture_and_leadership"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("organisations", [index.SearchField("name")]),
        index.RelatedFields("service_areas", [index.SearchField("name")]),
        index.FilterField("stage"),
    ]
    parent_page_types = ["knowledge.CaseStudyIndexPage"]
    subpage_types: list[str] = []
    template = "knowledge/case_study_page.html"
    base_form_class = CaseStudyPageForm

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    def clean(self) -> None:
        super().clean()
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "The end date must be on or after the start date."})

    def save(self, *args, clean: bool = True, **kwargs):
        # Every way of going live (admin, workflow approval, import) ends in a save with
        # live=True; the admin form gives the friendly error first (knowledge.page_forms).
        if clean and self.live and not self.can_publish():
            raise ValidationError({"what_went_wrong": WARTS_REQUIRED})
        return super().save(*args, clean=clean, **kwargs)

    def get_context(self, request, *args, **kwargs):
        # Imported here: the selectors import this module's models.
        from knowledge.extensions import case_study_panels
        from knowledge.queries import shared_services_told_by
        from knowledge.revisits import forecast_against_actual, revisits_newest_first

        context = super().get_context(request, *args, **kwargs)
        # Wagtail serves the page only to people its privacy restrictions let in, so what the
        # panels show (questions to the authors) stays behind the same restriction.
        context["panels"] = case_study_panels(request, self)
        context["shared_services"] = shared_services_told_by(self)
        context["revisits"] = revisits_newest_first(self)
        context["forecast_against_actual"] = forecast_against_actual(self)
        return context

    def dates_summary(self, today: datetime.date | None = None) -> str:
        """The programme's dates as a sentence that fits its stage. The dates are the programme
        of setting the service up, so a live one whose programme ended is running, not ended."""
        started = self.started_on and f"{self.started_on:%B %Y}"
        ended = self.ended_on and f"{self.ended_on:%B %Y}"
        if self.stage == ProgrammeStage.LIVE:
            if ended:
                return f"Running since {ended}" + (f" (work began {started})" if started else "")
            return f"Started {started}, running now" if started else ""
        if started and ended:
            return f"Ran from {started} to {ended}"
        if ended:
            return f"Stopped in {ended}"
        if started and self.started_on > (today or timezone.localdate()):
            return f"Starts {started}"
        return f"Started {started}" if started else ""

    def can_publish(self) -> bool:
        """A case study without its warts is not published."""
        return bool(strip_tags(self.what_went_wrong or "").strip())


class DueDiligenceItem(Orderable):
    """One line of the due-diligence checklist a programme worked through."""

    class Area(models.TextChoices):
        IT_ASSETS = "it-assets", "IT assets"
        EXISTING_CONTRACTS = "existing-contracts", "Existing contracts"
        CAPACITY = "capacity", "Capacity"
        COMPETENCIES = "competencies", "Competencies"
        DIFFERING_PRACTICES = "differing-practices", "Differing practices"

    class Status(models.TextChoices):
        NOT_STARTED = "not-started", "Not started"
        IN_PROGRESS = "in-progress", "In progress"
        DONE = "done", "Done"
        PROBLEM_FOUND = "problem-found", "Problem found"
        NOT_APPLICABLE = "not-applicable", "Not applicable"

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="due_diligence")
    area = models.CharField(max_length=30, choices=Area.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    notes = models.TextField(blank=True)

    panels = [FieldPanel("area"), FieldPanel("status"), FieldPanel("notes")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "area"], name="one_checklist_line_per_area")
        ]


class CaseStudyContact(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        "knowledge.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
    ]


class CaseStudyAttachment(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200, blank=True, help_text="Defaults to the document's.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self) -> str:
        return self.title or self.document.title


class RelatedCaseStudy(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(CaseStudyPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related_page")]
