from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Flag(models.Model):
    """Someone signed in reports a thread, reply, story or listing to the moderators."""

    class Reason(models.TextChoices):
        SPAM = "spam", "Spam or advertising"
        ABUSE = "abuse", "Abusive or hateful"
        PERSONAL = "personal", "Shares someone's personal information"
        MISLEADING = "misleading", "False or misleading"
        OTHER = "other", "Something else"

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for a moderator"
        ACTIONED = "actioned", "Action taken"
        DISMISSED = "dismissed", "No action needed"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags_made"
    )
    reason = models.CharField(max_length=12, choices=Reason.choices)
    details = models.TextField(max_length=1_000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="flags_resolved",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"], name="flag_once_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.get_status_display()})"


class ModerationAction(models.Model):
    """The audit trail: who did what to which content, and why."""

    class Action(models.TextChoices):
        # The values are what the free-text column always held, so older rows need no mapping.
        APPROVE = "approve", "Approved"
        HIDE = "hide", "Hid"
        RESTORE = "restore", "Restored"
        REMOVE = "remove", "Removed"
        LOCK = "lock", "Locked the thread"
        UNLOCK = "unlock", "Unlocked the thread"
        PIN = "pin", "Pinned the thread"
        UNPIN = "unpin", "Unpinned the thread"
        REMOVE_MEMBER = "remove_member", "Removed the author from the community"
        DISMISS_FLAGS = "dismiss_flags", "Dismissed the reports"
        MEMBERSHIP_APPROVE = "membership_approve", "Let a person join"
        MEMBERSHIP_DECLINE = "membership_decline", "Declined a request to join"
        STORY_PUBLISHED = "story_published", "Published the story"
        STORY_REJECTED = "story_rejected", "Rejected the story"
        INVITATION_SEND = "invitation_send", "Invited a person to join"
        INVITATION_CANCEL = "invitation_cancel", "Cancelled an invitation"
        INVITATION_ACCEPT = "invitation_accept", "Joined by invitation"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="moderation_actions"
    )
    action = models.CharField(max_length=40, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.actor} {self.action}"
