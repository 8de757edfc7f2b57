from django.conf import settings
from django.db import models
from django.urls import reverse
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase


class ContentStatus(models.TextChoices):
    """Where a piece of community content stands in moderation."""

    PENDING = "pending", "Waiting for a moderator"
    VISIBLE = "visible", "Visible"
    HIDDEN = "hidden", "Hidden by a moderator"
    REMOVED = "removed", "Removed"


class ThreadTag(TaggedItemBase):
    content_object = models.ForeignKey("community.Thread", on_delete=models.CASCADE)


class Thread(models.Model):
    community = models.ForeignKey(
        "community.Community", on_delete=models.CASCADE, related_name="threads"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="threads"
    )
    title = models.CharField(max_length=200)
    body_markdown = models.TextField("message", max_length=20_000)
    body_html = models.TextField(editable=False, help_text="Sanitised HTML made from the Markdown.")
    tags = TaggableManager(through=ThreadTag, blank=True)
    is_pinned = models.BooleanField(default=False)
    is_locked = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=ContentStatus.choices, default=ContentStatus.VISIBLE
    )
    answer = models.ForeignKey(
        "community.Post",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The reply that answered the question.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-is_pinned", "-last_activity_at"]
        indexes = [models.Index(fields=["community", "status", "-last_activity_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "community:thread", kwargs={"slug": self.community.slug, "thread_id": self.pk}
        )


class Post(models.Model):
    """A reply in a thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts"
    )
    body_markdown = models.TextField("reply", max_length=20_000)
    body_html = models.TextField(editable=False)
    status = models.CharField(
        max_length=10, choices=ContentStatus.choices, default=ContentStatus.VISIBLE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["thread", "status", "created_at"])]

    def __str__(self) -> str:
        return f"Reply by {self.author} in {self.thread}"

    def get_absolute_url(self) -> str:
        return f"{self.thread.get_absolute_url()}#post-{self.pk}"
