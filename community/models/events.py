"""Meetings and webinars a community holds, who signed up for them, and the emails sent about
them (so a rerun of the reminder job or a second cancel sends nothing twice)."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from community.events_time import event_when


class Event(models.Model):
    """A meeting (a place), a webinar (an online link) or both, in one community.

    It is as readable as its community: a members-only community's events reach only its
    readers, on pages, in feeds and by email."""

    community = models.ForeignKey(
        "community.Community", on_delete=models.CASCADE, related_name="events"
    )
    title = models.CharField(max_length=200)
    description_markdown = models.TextField("Description", max_length=10000, blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(max_length=300, blank=True, help_text="Where it is, if in person.")
    online_link = models.URLField(
        max_length=500, blank=True, help_text="The link to join, if online."
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Leave empty if there is no limit on places."
    )
    # Blank once its creator's account is deleted; moderators must still be able to edit it.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["community", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=~models.Q(place="", online_link=""),
                name="event_has_place_or_link",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:event", kwargs={"slug": self.community.slug, "event_id": self.pk})

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The end must be after the start."
        if not self.place.strip() and not self.online_link.strip():
            errors["place"] = "Enter where the event is, or a link to join it online, or both."
        if errors:
            raise ValidationError(errors)

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def when(self) -> str:
        """ "Tuesday 12 January 2027, 2pm to 3:30pm", in UK time."""
        return event_when(self.starts_at, self.ends_at)

    @property
    def places_left(self) -> int | None:
        """None when there is no limit. Lists annotate `signup_count` (the event selectors) so
        that asking this of each event costs no query."""
        if self.capacity is None:
            return None
        taken = getattr(self, "signup_count", None)
        if taken is None:
            taken = self.signups.count()
        return max(self.capacity - taken, 0)

    @property
    def is_full(self) -> bool:
        return self.places_left == 0


class EventSignup(models.Model):
    """One person has a place at one event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="signups")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_signups"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "person"], name="one_signup_each")]

    def __str__(self) -> str:
        return f"{self.person} at {self.event}"


class EventEmail(models.Model):
    """An email about an event went (or is going) to one person: the row is written before the
    email is sent, so a second run of the reminder job finds it and sends nothing twice."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", "Reminder the day before"
        CANCELLED = "cancelled", "The event is cancelled"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="emails")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "person", "kind"], name="event_email_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.person} about {self.event}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class EventFeed(models.Model):
    """A person's secret calendar address: calendar apps cannot sign in, so the token in the
    address stands in for the person. They can reset it if it leaks."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar of {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("community:event_feed_personal", kwargs={"token": self.token})
