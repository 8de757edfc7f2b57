"""Who keeps a page up to date, and when it should next be checked."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


def a_year_after(day: datetime.date) -> datetime.date:
    """The same day a year on; a leap day falls due on 28 February, not 1 March, so a review
    is never late by the calendar's quirk."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


class ReviewedContent(models.Model):
    """An owner and review dates for a page that readers rely on being current.

    `content_owner` is deliberately not Wagtail's `Page.owner`: that one is whoever created the
    page (the importer, the demo loader) and lets its holder edit the page, whereas the owner
    here is the person answerable for the page staying true, and naming one grants nothing.
    `last_reviewed` is a date editors fill in themselves rather than one set on every save,
    because fixing a typo is not checking that the figures still hold."""

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="owner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The person who keeps this up to date. Naming them gives them no access.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="The day someone last checked that this is still right.",
    )
    review_by = models.DateField(
        "review by",
        null=True,
        blank=True,
        help_text="Leave blank for a year after the last review, or after it was first published.",
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("content_owner"),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_by")]),
            ],
            heading="Review",
        )
    ]

    class Meta:
        abstract = True

    def published_on(self) -> datetime.date | None:
        first = getattr(self, "first_published_at", None)
        return timezone.localdate(first) if first else None

    def review_due_on(self) -> datetime.date | None:
        """The date set by an editor, or else a year after the last check (a review, or
        publication for a page never reviewed). None for a page not yet published."""
        if self.review_by:
            return self.review_by
        checked = self.last_reviewed or self.published_on()
        return a_year_after(checked) if checked else None

    def is_due_for_review(self, today: datetime.date | None = None) -> bool:
        due = self.review_due_on()
        return due is not None and due < (today or timezone.localdate())
