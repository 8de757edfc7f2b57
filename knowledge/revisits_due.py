"""Which case studies are due a revisit, and reminding their authors (once per due date).

A case study is due 12 and 24 months after it began: after go-live for a live service (its
programme's end date, as the page's dates summary reads it), otherwise after the programme
started. A due date is met by any revisit on or after it, so one late revisit covers a missed
12-month one until the 24-month date comes round.
"""

import datetime
import logging
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from commons.links import absolute_url, page_url
from knowledge.models import CaseStudyPage, ProgrammeStage, RevisitReminder

logger = logging.getLogger(__name__)

REVISIT_AFTER_MONTHS = (12, 24)


@dataclass(frozen=True)
class DueRevisit:
    page: CaseStudyPage
    due_on: datetime.date

    @property
    def months(self) -> int:
        counted_from = revisit_counted_from(self.page)
        delta = relativedelta(self.due_on, counted_from) if counted_from else relativedelta()
        return delta.years * 12 + delta.months

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def due_text(self) -> str:
        return f"{self.due_on.day} {self.due_on:%B %Y} ({self.months} months on)"

    @property
    def last_revisited_text(self) -> str:
        dates = [revisit.revisited_on for revisit in self.page.revisits.all()]
        return f"{max(dates).day} {max(dates):%B %Y}" if dates else "Never"

    @property
    def responsible(self):
        """Who should revisit it: the owner editors named, else whoever sent the page in."""
        return self.page.content_owner or self.page.owner

    @property
    def author_text(self) -> str:
        person = self.responsible
        return (person.get_full_name() or person.get_username()) if person else "No author"


def revisit_counted_from(page: CaseStudyPage) -> datetime.date | None:
    if page.stage == ProgrammeStage.LIVE and page.ended_on:
        return page.ended_on
    return page.started_on


def revisit_due_on(page: CaseStudyPage, today: datetime.date) -> datetime.date | None:
    """The latest 12- or 24-month date that has come with no revisit since; None if none."""
    counted_from = revisit_counted_from(page)
    if counted_from is None:
        return None
    passed = [
        counted_from + relativedelta(months=months)
        for months in REVISIT_AFTER_MONTHS
        if counted_from + relativedelta(months=months) <= today
    ]
    if not passed:
        return None
    due_on = max(passed)
    if any(revisit.revisited_on >= due_on for revisit in page.revisits.all()):
        return None
    return due_on


def case_studies_due_a_revisit(today: datetime.date | None = None) -> list[DueRevisit]:
    """Live case studies due a revisit, longest overdue first, in three queries however many."""
    today = today or timezone.localdate()
    earliest_due = today - relativedelta(months=min(REVISIT_AFTER_MONTHS))
    candidates = (
        CaseStudyPage.objects.live()
        .filter(
            Q(started_on__lte=earliest_due)
            | Q(stage=ProgrammeStage.LIVE, ended_on__lte=earliest_due)
        )
        .select_related("owner", "content_owner")
        .prefetch_related("revisits")
    )
    due = [
        DueRevisit(page=page, due_on=due_on)
        for page in candidates
        if (due_on := revisit_due_on(page, today)) is not None
    ]
    return sorted(due, key=lambda item: (item.due_on, item.page.title))


def revisit_reminders_send(today: datetime.date | None = None) -> int:
    """Email each due case study's author once for each due date; returns how many went."""
    sent = 0
    for item in case_studies_due_a_revisit(today):
        author = item.responsible
        if author is None or not author.email:
            continue
        if RevisitReminder.objects.filter(page=item.page, due_on=item.due_on).exists():
            continue
        # Sent before it is recorded, outside any transaction: a failed send is tried again
        # on the next run, and no lock is held while the mail server answers.
        _reminder_email(item, author.email).send()
        try:
            with transaction.atomic():
                RevisitReminder.objects.create(page=item.page, due_on=item.due_on)
        except IntegrityError:
            logger.warning("Revisit reminder for page %s recorded twice", item.page.pk)
        sent += 1
    return sent


def _reminder_email(item: DueRevisit, to: str) -> EmailMessage:
    body = render_to_string(
        "knowledge/emails/revisit_reminder.txt",
        {
            "item": item,
            "page_link": page_url(item.page),
            "edit_link": absolute_url(reverse("wagtailadmin_pages:edit", args=[item.page.pk])),
        },
    )
    return EmailMessage(
        subject=f"Time to revisit your case study: {item.page.title}", body=body, to=[to]
    )
