from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from community.models.discussions import ContentStatus


def star_rating(label: str, *, required: bool = False) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label,
        null=not required,
        blank=not required,
        validators=[
            MinValueValidator(1, message="Choose from 1 to 5."),
            MaxValueValidator(5, message="Choose from 1 to 5."),
        ],
    )


class Story(models.Model):
    """A person rates a shared service and tells the story of using it."""

    shared_service = models.ForeignKey(
        "knowledge.SharedService", on_delete=models.CASCADE, related_name="stories"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="stories"
    )
    overall = star_rating("overall rating", required=True)
    ease = star_rating("how easy it was to use")
    speed = star_rating("how quickly it was done")
    communication = star_rating("how well you were kept informed")
    title = models.CharField(max_length=150)
    body_markdown = models.TextField("your story", max_length=10_000)
    body_html = models.TextField(editable=False)
    show_name = models.BooleanField(
        default=True, help_text="Untick to publish the story without your name."
    )
    status = models.CharField(
        max_length=10, choices=ContentStatus.choices, default=ContentStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title


class StoryResponse(models.Model):
    """The providing organisation answers a story in public."""

    story = models.OneToOneField(Story, on_delete=models.CASCADE, related_name="response")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="story_responses"
    )
    organisation = models.ForeignKey(
        "knowledge.Organisation", on_delete=models.PROTECT, related_name="story_responses"
    )
    body_markdown = models.TextField("response", max_length=5_000)
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.organisation} answers {self.story}"


class StoryWeight(models.Model):
    """A person says "I've experienced this too" of someone else's story, without telling
    their own. One each, held by the database, so two quick presses cannot count twice."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="weights")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="story_weights"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "user"], name="story_weight_once_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} experienced {self.story} too"


class StoryChange(models.Model):
    """The providing organisation says what a story led it to change ("Change made")."""

    story = models.OneToOneField(Story, on_delete=models.CASCADE, related_name="change")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="story_changes"
    )
    organisation = models.ForeignKey(
        "knowledge.Organisation", on_delete=models.PROTECT, related_name="story_changes"
    )
    body_markdown = models.TextField("what changed", max_length=5_000)
    body_html = models.TextField(editable=False)
    changed_on = models.DateField("when it changed")
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-changed_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} changed something after {self.story}"
