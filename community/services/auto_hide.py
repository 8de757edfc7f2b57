"""Content hides itself once enough different people report it, until a moderator looks.

Each person may report an item once (the `flag_once_each` constraint), so adding up the open
reports counts different people. A report weighs `flag_weight` of its reporter; when the total
reaches the editors' "Reports needed to hide" setting, visible content turns hidden, which takes
it off every page and, through the search outbox like any hiding, out of search. The author is
told, the hide is audited with no actor (Commons did it, by this rule), and the open reports stay
open so the item waits in the queue, where a moderator restores it (dismissing the reports) or
keeps it hidden.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model

from community.models import (
    CommunityModerationSettings,
    ContentStatus,
    Flag,
    ModerationAction,
    Post,
    Thread,
    User,
)
from community.selectors.moderation import KIND_LABELS, content_kind, content_url
from community.services.audit import audit_record
from community.services.notifications import author_tell
from community.services.trust import flag_weight

logger = logging.getLogger(__name__)


def moderation_settings() -> CommunityModerationSettings:
    """The editors' settings, saved with the defaults the first time they are asked for."""
    return CommunityModerationSettings.load()


def auto_hide_note(reports: int) -> str:
    return f"Hidden automatically after {reports} report{'s' if reports != 1 else ''}"


def _open_flags(content: Model) -> list[Flag]:
    return list(
        Flag.objects.filter(
            content_type=ContentType.objects.get_for_model(content),
            object_id=content.pk,
            status=Flag.Status.OPEN,
        ).select_related("reporter")
    )


def was_auto_hidden(content: Model) -> bool:
    """Whether hidden content was last hidden by reports rather than by a moderator."""
    if content.status != ContentStatus.HIDDEN:
        return False
    last = (
        ModerationAction.objects.filter(
            content_type=ContentType.objects.get_for_model(content), object_id=content.pk
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    return last is not None and last.action == ModerationAction.Action.AUTO_HIDE


def reports_weight(flags: list[Flag], *, trusted_weight: int) -> int:
    """What the open reports about one item add up to."""
    return sum(flag_weight(flag.reporter, trusted_weight=trusted_weight) for flag in flags)


def _what_it_is(content: Model) -> str:
    if isinstance(content, Post):
        return f"Your reply to “{content.thread.title}”"
    if isinstance(content, Thread):
        return f"Your thread “{content.title}”"
    return f"Your {KIND_LABELS[content_kind(content)].lower()} “{content}”"


@transaction.atomic
def auto_hide_if_reported(content: Model) -> bool:
    """Hide visible content whose open reports reach the threshold. True if it was hidden now."""
    # The row lock makes two reports arriving together agree on one hide and one audit row.
    content = type(content).objects.select_for_update().get(pk=content.pk)
    if content.status != ContentStatus.VISIBLE:
        return False
    settings = moderation_settings()
    flags = _open_flags(content)
    if reports_weight(flags, trusted_weight=settings.trusted_flag_weight) < settings.flags_to_hide:
        return False
    content.status = ContentStatus.HIDDEN
    content.save(update_fields=["status"])  # the save, not update(): search hears of it
    audit_record(
        actor=None,
        content=content,
        action=ModerationAction.Action.AUTO_HIDE,
        note=auto_hide_note(len(flags)),
    )
    author = User.objects.get(pk=content.author_id)
    author_tell(
        author=author,
        message=f"{_what_it_is(content)} is hidden while a moderator looks at reports about it. "
        "You will hear from us if it is shown again.",
        url=content_url(content),
    )
    logger.info("Auto-hid %s %s after %s reports", type(content).__name__, content.pk, len(flags))
    return True
