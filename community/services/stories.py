"""Rate and narrate: people tell the story of a shared service, moderators publish it and the
providing organisation answers in public.

Rules decided here:
- Telling a story needs a verified email address (like posting anywhere in the community).
- One story per person per service in any 30 days, so one bad week cannot be told ten times over.
  A story a moderator rejected does not count: the person may fix it and tell it again at once.
- A rejected story is marked removed (not hidden): hidden is for published stories a moderator
  later takes down. Both publishing and rejecting leave an entry in the moderation audit trail.
"""

import datetime
import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from commons.ratelimits import user_limit_check
from community.markdown import render_markdown
from community.models import (
    ContentStatus,
    ModerationAction,
    Story,
    StoryResponse,
    User,
)
from community.permissions import can_moderate_story, can_respond_to_story, has_verified_email
from community.services.audit import audit_record
from community.services.notifications import author_tell
from community.services.trust import trust_level_recompute
from knowledge.models import SharedService

logger = logging.getLogger(__name__)

STORY_INTERVAL = datetime.timedelta(days=30)
STORY_FIELDS = ("overall", "ease", "speed", "communication", "title", "body_markdown", "show_name")


def next_story_allowed_on(*, user: User, shared_service: SharedService) -> datetime.date | None:
    """The day the person may tell another story of this service, or None if they may now."""
    latest = (
        Story.objects.filter(
            shared_service=shared_service,
            author=user,
            created_at__gt=timezone.now() - STORY_INTERVAL,
        )
        .exclude(status=ContentStatus.REMOVED)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if latest is None:
        return None
    return timezone.localdate(latest + STORY_INTERVAL)


def story_submit(*, user: User, shared_service: SharedService, data: dict[str, Any]) -> Story:
    """A new story, waiting for a moderator. `data` holds the STORY_FIELDS."""
    if not has_verified_email(user):
        raise PermissionDenied("Confirm your email address before you tell a story.")
    allowed_on = next_story_allowed_on(user=user, shared_service=shared_service)
    if allowed_on is not None:
        raise ValidationError(
            "You have told the story of this service in the last 30 days. "
            f"You can tell another from {allowed_on.day} {allowed_on:%B %Y}."
        )
    story = Story(
        shared_service=shared_service,
        author=user,
        status=ContentStatus.PENDING,
        **{name: data.get(name) for name in STORY_FIELDS if name in data},
    )
    story.show_name = bool(data.get("show_name", False))
    story.body_html = render_markdown(story.body_markdown)
    story.full_clean()
    user_limit_check("story", user)
    story.save()
    logger.info("Story %s about service %s waits for a moderator", story.pk, shared_service.pk)
    return story


def _moderate(
    *, moderator: User, story: Story, status: str, action: ModerationAction.Action, note: str = ""
) -> Story:
    if not can_moderate_story(moderator, story):
        raise PermissionDenied("Only editors and moderators for the service's area do this.")
    with transaction.atomic():
        story.status = status
        story.moderated_at = timezone.now()
        story.save(update_fields=["status", "moderated_at"])
        audit_record(actor=moderator, content=story, action=action, note=note)
    return story


def _tell_author(story: Story, message: str) -> None:
    """The teller hears what became of their story (it is theirs, not a watch)."""
    author_tell(
        author=story.author,
        message=message,
        url=f"{story.shared_service.get_absolute_url()}#story-{story.pk}",
    )


def story_publish(*, moderator: User, story: Story, note: str = "") -> Story:
    """A moderator lets a story appear on its service's page."""
    story = _moderate(
        moderator=moderator,
        story=story,
        status=ContentStatus.VISIBLE,
        action=ModerationAction.Action.STORY_PUBLISHED,
        note=note,
    )
    _tell_author(story, f"Your story “{story.title}” about {story.shared_service} is published.")
    trust_level_recompute(story.author)  # a published story counts toward the author's level
    return story


def story_reject(*, moderator: User, story: Story, note: str) -> Story:
    """A moderator keeps a story off the site, saying why in the audit trail."""
    story = _moderate(
        moderator=moderator,
        story=story,
        status=ContentStatus.REMOVED,
        action=ModerationAction.Action.STORY_REJECTED,
        note=note,
    )
    reason = f" The moderator said: {note}" if note else ""
    _tell_author(story, f"Your story “{story.title}” was not published.{reason}")
    return story


def story_respond(*, user: User, story: Story, body: str) -> StoryResponse:
    """The providing organisation answers a published story, or edits its answer."""
    if not can_respond_to_story(user, story):
        raise PermissionDenied("Only officers of the organisations providing the service answer.")
    try:
        response = story.response
    except StoryResponse.DoesNotExist:
        response = StoryResponse(story=story, organisation_id=user.verified_officer_of_id)
        first_answer = True
    else:
        response.edited_at = timezone.now()
        first_answer = False
    response.author = user
    response.body_markdown = body
    response.body_html = render_markdown(body)
    response.full_clean()
    user_limit_check("edit", user)
    with transaction.atomic():
        response.save()
        # Told once: an edited answer is the same answer, and a second notice would be noise.
        if first_answer:
            _tell_author(story, f"{response.organisation} answered your story “{story.title}”.")
    return response
