"""Revisits: what a shared service actually saved and cost, told some time after the forecast."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from knowledge.models.case_studies import RICH_TEXT_FEATURES, not_negative


class CaseStudyRevisit(Orderable):
    """One dated look back at a case study. A child of the page (not a model of its own) so each
    revisit is kept in the page's revisions and goes through the same moderation."""

    page = ParentalKey(
        "knowledge.CaseStudyPage", on_delete=models.CASCADE, related_name="revisits"
    )
    revisited_on = models.DateField(
        "date of the revisit", help_text="For example 12 or 24 months after the programme started."
    )
    actual_annual_savings_pounds = models.DecimalField(
        "actual annual savings (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[not_negative("Actual annual savings")],
        help_text="What the shared service saves a year now, in pounds.",
    )
    actual_costs_to_date_pounds = models.DecimalField(
        "actual costs to date (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[not_negative("Actual costs to date")],
        help_text="Everything spent setting it up and changing it so far, in pounds.",
    )
    what_changed = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    what_went_wrong_since = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    panels = [
        FieldPanel("revisited_on"),
        FieldRowPanel(
            [FieldPanel("actual_annual_savings_pounds"), FieldPanel("actual_costs_to_date_pounds")]
        ),
        FieldPanel("what_changed"),
        FieldPanel("what_went_wrong_since"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "revisit"

    def clean(self) -> None:
        super().clean()
        # Set when the page is built in code (import, tests); the admin checks its own form,
        # where the start date may be changing too (knowledge.page_forms).
        page = getattr(self, "page", None)
        problem = revisit_date_problem(self.revisited_on, page.started_on if page else None)
        if problem:
            raise ValidationError({"revisited_on": problem})


def revisit_date_problem(
    revisited_on: datetime.date | None, started_on: datetime.date | None
) -> str | None:
    """A revisit looks back at a programme, so it cannot come before the programme began."""
    if revisited_on and started_on and revisited_on < started_on:
        return (
            "A revisit cannot be dated before the programme started "
            f"({started_on.day} {started_on:%B %Y})."
        )
    return None


class RevisitReminder(models.Model):
    """A reminder emailed to a case study's author for one due date, so it goes only once. A plain
    foreign key, not part of the page's revisions: going back to an old revision must not forget
    which reminders went."""

    page = models.ForeignKey(
        "knowledge.CaseStudyPage", on_delete=models.CASCADE, related_name="revisit_reminders"
    )
    due_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "due_on"], name="one_reminder_per_due_date")
        ]

    def __str__(self) -> str:
        return f"Revisit reminder for page {self.page_id}, due {self.due_on}"
