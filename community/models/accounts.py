from django.contrib.auth.models import AbstractUser
from django.db import models
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase


class UserInterest(TaggedItemBase):
    content_object = models.ForeignKey("community.User", on_delete=models.CASCADE)


class TrustLevel(models.IntegerChoices):
    """What Commons trusts a person with: the rules that earn each are in
    `community.services.trust`."""

    NEW = 0, "New"
    BASIC = 1, "Basic"
    TRUSTED = 2, "Trusted"


class User(AbstractUser):
    """A person with an account: citizen, officer, moderator or editor."""

    display_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="The name shown beside what this person writes. Blank means the full name.",
    )
    bio = models.TextField("about you", max_length=1000, blank=True)
    interests = TaggableManager(through=UserInterest, blank=True)
    organisation = models.ForeignKey(
        "knowledge.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text="The organisation the person says they work for.",
    )
    verified_officer_of = models.ForeignKey(
        "knowledge.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="verified_officers",
        help_text="Set by Commons when a verified email is on one of the organisation's domains.",
    )
    trust_level = models.PositiveSmallIntegerField(
        choices=TrustLevel.choices,
        default=TrustLevel.NEW,
        help_text="New people's posts wait for a moderator and may not contain links; "
        "trusted people's reports count more.",
    )
    trust_level_reason = models.CharField(
        max_length=200, blank=True, help_text="Why the person has this level, in plain words."
    )
    trust_level_by_hand = models.BooleanField(
        default=False,
        help_text="Set by a moderator or editor: the earning rules leave it alone.",
    )
    watch_participated = models.BooleanField(
        "Watch threads I start or reply to",
        default=True,
        help_text="Hear about new replies to threads you start or reply to. "
        "You can still watch or stop watching any thread yourself.",
    )
    email_about_own_posts = models.BooleanField(
        "Email me about what I write",
        default=True,
        help_text="When a moderator approves a thread or reply of yours that waited, publishes or "
        "turns down your story, or answers your request to join a community, or an organisation "
        "answers your story. You see these on your notifications page either way.",
    )
    email_about_events = models.BooleanField(
        "Email me about events I signed up for",
        default=True,
        help_text="A reminder the day before, and a message if the event is cancelled.",
    )

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    @property
    def trusted_poster(self) -> bool:
        """Whether their posts skip the queue: what the old yes/no field of this name said."""
        return self.trust_level >= TrustLevel.BASIC

    @trusted_poster.setter
    def trusted_poster(self, value: bool) -> None:
        # Kept so `User(trusted_poster=True)` still means "posts without waiting".
        if value:
            self.trust_level = max(self.trust_level, TrustLevel.BASIC)
        else:
            self.trust_level = TrustLevel.NEW

    @property
    def is_verified_officer(self) -> bool:
        return self.verified_officer_of_id is not None
