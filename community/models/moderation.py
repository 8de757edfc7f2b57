from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# Used when the settings row has never been saved (or cannot be read): three different people.
DEFAULT_FLAGS_TO_HIDE = 3
DEFAULT_TRUSTED_FLAG_WEIGHT = 2
# What earns the trusted level (community.services.trust), until editors say otherwise.
DEFAULT_TRUSTED_CONTRIBUTIONS = 10
DEFAULT_TRUSTED_DAYS = 60


@register_setting(icon="warning")
class CommunityModerationSettings(BaseGenericSetting):
    """How much reporting hides content before a moderator has looked: editors change it in the
    admin (Settings > Community moderation), with no deploy."""

    flags_to_hide = models.PositiveSmallIntegerField(
        "Reports needed to hide",
        default=DEFAULT_FLAGS_TO_HIDE,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="When reports from different people add up to this, the thread, reply, story "
        "or listing is hidden until a moderator looks at it.",
    )
    trusted_flag_weight = models.PositiveSmallIntegerField(
        "What a trusted person's report counts as",
        default=DEFAULT_TRUSTED_FLAG_WEIGHT,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="A report from someone at the trusted level counts this many times "
        "toward the number needed to hide.",
    )

    trusted_contributions = models.PositiveSmallIntegerField(
        "Approved contributions needed to be trusted",
        default=DEFAULT_TRUSTED_CONTRIBUTIONS,
        validators=[MinValueValidator(2), MaxValueValidator(1000)],
        help_text="Threads, replies and stories a moderator has let through (or that needed "
        "no check). At least 2: one approved contribution already earns the basic level.",
    )
    trusted_days = models.PositiveSmallIntegerField(
        "Days since joining needed to be trusted",
        default=DEFAULT_TRUSTED_DAYS,
        validators=[MaxValueValidator(3650)],
        help_text="Both this and the number of contributions are needed. Levels are worked out "
        "again whenever something is approved, and every night.",
    )

    panels = [
        FieldPanel("flags_to_hide"),
        FieldPanel("trusted_flag_weight"),
        FieldPanel("trusted_contributions"),
        FieldPanel("trusted_days"),
    ]

    class Meta:
        verbose_name = "Community moderation settings"


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
        STORY_CHANGE_REMOVED = "story_change_removed", "Removed the change made from the story"
        AUTO_HIDE = "auto_hide", "Hidden automatically after reports"
        CONFIRM_HIDE = "confirm_hide", "Kept it hidden"
        TRUST_LEVEL_EARNED = "trust_level_earned", "Trust level changed by the rules"
        TRUST_LEVEL_SET = "trust_level_set", "Set the trust level by hand"
        INVITATION_SEND = "invitation_send", "Invited a person to join"
        INVITATION_CANCEL = "invitation_cancel", "Cancelled an invitation"
        INVITATION_ACCEPT = "invitation_accept", "Joined by invitation"

    # No actor means Commons did it by its own rules (hiding after reports, a trust level earned):
    # no person decided, and a made-up "system" account would show up as a person everywhere
    # users are listed and could be signed into. The note says which rule acted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_actions",
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
        return f"{self.actor or 'Commons'} {self.action}"

    @property
    def is_automatic(self) -> bool:
        return self.actor_id is None
