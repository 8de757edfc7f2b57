"""Search's own tables: the outbox that keeps Elasticsearch in step, and what people search for."""

from django.db import models
from django.utils import timezone


class IndexTask(models.Model):
    """One object whose search document must be brought up to date (an outbox row).

    Written in the same transaction as the change that caused it; `search_worker` reads the
    object's current state and indexes it, or removes its document when it should no longer be
    found. So the task says *which* object, never *what to do*: deletes, unpublishing and
    moderation all come out right from the object's state at drain time.
    """

    kind = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    not_before = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    set_aside_at = models.DateTimeField(
        null=True, blank=True, help_text="Failed too often: left for a person to look at."
    )

    class Meta:
        indexes = [
            models.Index(
                fields=["not_before", "id"],
                name="search_task_due",
                condition=models.Q(done_at__isnull=True, set_aside_at__isnull=True),
            ),
            models.Index(fields=["kind", "object_id"], name="search_task_object"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class SearchTermDay(models.Model):
    """How often a search term was used on one day, and how often it found nothing.

    Only the normalised words are kept: no person, session, address or time of day.
    """

    term = models.CharField(max_length=200)
    day = models.DateField()
    searches = models.PositiveIntegerField(default=0)
    searches_without_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "day"], name="one_row_per_term_day")]
        indexes = [models.Index(fields=["day"], name="search_term_day")]

    def __str__(self) -> str:
        return f"{self.term} on {self.day}"
