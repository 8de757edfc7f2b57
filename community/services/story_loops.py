"""Closing the loop on stories: other people say "I've experienced this too", and the provider
says what a story led it to change.

Rules decided here:
- Adding weight needs a verified email address, a published story and someone else's story.
  One each: the unique constraint decides a race, and a lost race is not an error.
- A change made is said by the same people who answer a story (`can_mark_change`); the author
  hears of it once. Editors may remove one, and that goes in the moderation audit trail.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from commons.ratelimits import user_limit_check
from community.models import Story, StoryWeight, User
from community.permissions import can_add_weight

logger = logging.getLogger(__name__)


def story_weight_add(*, user: User, story: Story) -> bool:
    """The person says "I've experienced this too". True if their weight is new, False if it
    was already there (a second press, or two at once)."""
    if not can_add_weight(user, story):
        raise PermissionDenied("Only people with a confirmed email address add their weight.")
    if StoryWeight.objects.filter(story=story, user=user).exists():
        return False
    user_limit_check("weight", user)
    try:
        # A savepoint, so a lost race leaves any surrounding transaction usable.
        with transaction.atomic():
            StoryWeight.objects.create(story=story, user=user)
    except IntegrityError:
        return False
    return True


def story_weight_remove(*, user: User, story: Story) -> bool:
    """The person takes their weight back. True if there was one to take."""
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to take your weight back.")
    user_limit_check("weight", user)
    deleted, _ = StoryWeight.objects.filter(story=story, user=user).delete()
    return bool(deleted)
