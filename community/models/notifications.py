from django.conf import settings
from django.db import models


class Watch(models.Model):
    """Someone wants to hear about new activity in a community or a thread."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", "An email for each new reply"
        DAILY = "daily", "One email a day"
        SITE_ONLY = "site", "Only on the site, no email"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watches"
    )
    community = models.ForeignKey(
        "community.Community", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(
        "community.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    frequency = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(community__isnull=False, thread__isnull=True)
                    | models.Q(community__isnull=True, thread__isnull=False)
                ),
                name="watch_one_thing",
            ),
            models.UniqueConstraint(fields=["user", "community"], name="watch_community_once"),
            models.UniqueConstraint(fields=["user", "thread"], name="watch_thread_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} watches {self.thread or self.community}"


class Notification(models.Model):
    """Something that happened that a person should know about, shown on the site."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    # What it is about, when that is a thread or a reply (a reply's notification names both), so
    # the digest can check it is still shown without reading ids back out of `url`.
    thread = models.ForeignKey(
        "community.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    post = models.ForeignKey(
        "community.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(
        null=True, blank=True, help_text="When it went out by email, at once or in a digest."
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.message
