"""Closing the loop on stories: other people say "I've experienced this too", and the provider
says what a story led it to change.

Rules decided here:
- Adding weight needs a verified email address, a published story and someone else's story.
  One each: the unique constraint decides a race, and a lost race is not an error.
- A change made is said by the same people who answer a story (`can_mark_change`); the author
  hears of it once. Editors may remove one, and that goes in the moderation audit trail.
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from commons.ratelimits import user_limit_check
from community.markdown import render_markdown
from community.models import ModerationAction, Story, StoryChange, StoryWeight, User
from community.permissions import can_add_weight, can_mark_change, is_editor
from community.services.audit import audit_record
from community.services.notifications import author_tell

logger = logging.getLogger(__name__)


def story_weight_add(*, user: User, story: Story) -> bool:
    """The person says "I've experienced this too". True if their weight is new, False if it
    was already there (a second press, or two at once)."""
    if not can_add_weight(user, story):
        if story.author_id == user.pk:
            raise PermissionDenied("This is your own story: others add their weight to it.")
        raise PermissionDenied("Confirm your email address before you add your weight to a story.")
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


def story_change_mark(
    *, user: User, story: Story, body: str, changed_on: datetime.date
) -> StoryChange:
    """The providing organisation says what the story led it to change, or edits what it said."""
    if not can_mark_change(user, story):
        raise PermissionDenied("Only officers of the organisations providing the service do this.")
    if changed_on > timezone.localdate():
        raise ValidationError({"changed_on": "The date of the change must be today or in the past"})
    try:
        change = story.change
    except StoryChange.DoesNotExist:
        change = StoryChange(story=story, organisation_id=user.verified_officer_of_id)
        first = True
    else:
        change.edited_at = timezone.now()
        first = False
    change.author = user
    change.body_markdown = body
    change.body_html = render_markdown(body)
    change.changed_on = changed_on
    change.full_clean()
    user_limit_check("edit", user)
    with transaction.atomic():
        change.save()
        # Told once, as for an answer: an edit is the same change, better put.
        if first:
            author_tell(
                author=story.author,
                message=f"{change.organisation} says your story “{story.title}” led to a change.",
                url=f"{story.shared_service.get_absolute_url()}#story-{story.pk}",
            )
    logger.info("Story %s marked as having led to a change", story.pk)
    return change


def story_change_remove(*, editor: User, story: Story, note: str) -> None:
    """An editor takes a change made off the site. The audit entry keeps what it said, as the
    row itself goes."""
    if not is_editor(editor):
        raise PermissionDenied("Only editors remove a change made.")
    change = StoryChange.objects.select_related("organisation").get(story=story)
    record = (
        f"{note.strip()}\n\nIt said ({change.organisation}, {change.changed_on:%d %B %Y}): "
        f"{change.body_markdown}"
    )
    with transaction.atomic():
        audit_record(
            actor=editor,
            content=story,
            action=ModerationAction.Action.STORY_CHANGE_REMOVED,
            note=record,
        )
        change.delete()
