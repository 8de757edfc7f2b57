"""Invitations into a private community: the only way in, since nobody can ask to join one."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from community.models.communities import Community

INVITATION_LIFETIME = timedelta(days=14)


def invitation_token() -> str:
    # 256 random bits: the link cannot be guessed. It is stored as it is because it is not
    # enough on its own: only someone signed in with a confirmed copy of the invited address
    # can use it (`community.services.invitations.invitation_accept`).
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + INVITATION_LIFETIME


class Invitation(models.Model):
    """A moderator's invitation for one email address to join one community, used at most once."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(help_text="The address the invitation was sent to.")
    token = models.CharField(max_length=64, unique=True, default=invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation to {self.community} for {self.email}"

    def get_absolute_url(self) -> str:
        return reverse("community:invitation", kwargs={"token": self.token})

    @property
    def is_used(self) -> bool:
        return self.accepted_at is not None or self.cancelled_at is not None

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_pending(self) -> bool:
        return not self.is_used and not self.is_expired
