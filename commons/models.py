from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from rest_framework_api_key.models import AbstractAPIKey

DEFAULT_KEY_REQUESTS_PER_MINUTE = 600


class PartnerApiKey(AbstractAPIKey):
    """A partner's key to the content API (docs/api.md), with its own rate limit. Only a hash of
    the key is kept (djangorestframework-api-key): the editor who issues it sees it once."""

    contact_email = models.EmailField(
        blank=True, help_text="Who to tell before the key is revoked or its limit changed."
    )
    requests_per_minute = models.PositiveIntegerField(
        default=DEFAULT_KEY_REQUESTS_PER_MINUTE,
        validators=[
            MinValueValidator(1, message="Allow at least 1 request a minute."),
            MaxValueValidator(100_000, message="Allow at most 100,000 requests a minute."),
        ],
    )

    class Meta(AbstractAPIKey.Meta):
        verbose_name = "API key"
        verbose_name_plural = "API keys"
