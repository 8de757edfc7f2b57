from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person with an account: citizen, officer, moderator or editor.

    Commons' own user model from the first migration, so profiles, roles and officer
    verification can grow here without swapping the model later.
    """

    display_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="The name shown beside what this person writes. Blank means the full name.",
    )

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        return self.display_name or self.get_full_name() or self.username
