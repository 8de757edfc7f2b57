"""Flags and moderation: people report content; moderators and editors act on it.

Every action checks the actor may moderate that content (a moderator of one community cannot act
on another's, nor on stories outside its service areas; only editors act on listings), changes
it, leaves a `ModerationAction` audit row and settles the open flags about it, all in one
transaction.
"""

import logging
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone

from community.models import (
    CaseStudyAnswer,
    CaseStudyQuestion,
    ContentStatus,
    Flag,
    Listing,
    Membership,
    ModerationAction,
    Post,
    Story,
    Thread,
    User,
)
from community.permissions import can_flag
from community.selectors.moderation import (
    KIND_LABELS,
    can_moderate_content,
    content_community,
    content_kind,
    content_title,
    content_url,
    content_visible_to,
    flag_by,
)
from community.services import brokerage, discussions, questions, stories
from community.services.audit import audit_record
from community.services.auto_hide import auto_hide_if_reported, was_auto_hidden
from community.services.notifications import author_tell

logger = logging.getLogger(__name__)
Action = ModerationAction.Action

ALREADY_REPORTED = "You have already reported this"
CANNOT_REPORT_OWN = "You cannot report what you wrote yourself."


def flag_create(*, reporter: User, content: Model, reason: str, details: str = "") -> Flag:
    """Someone signed in reports content they can see. One report per person per item; enough
    of them hide it until a moderator looks (`community.services.auto_hide`)."""
    if not reporter.is_authenticated or not content_visible_to(reporter, content):
        raise PermissionDenied("You cannot report something you cannot see.")
    if not can_flag(reporter, content):
        raise PermissionDenied(CANNOT_REPORT_OWN)
    if flag_by(reporter, content) is not None:
        raise ValidationError(ALREADY_REPORTED, code="duplicate")
    flag = Flag(
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        reporter=reporter,
        reason=reason,
        details=details.strip(),
    )
    flag.full_clean(exclude=["content_type", "object_id", "reporter"])
    try:
        with transaction.atomic():
            flag.save()
            auto_hide_if_reported(content)
    except IntegrityError as error:  # two clicks racing: the constraint keeps one
        raise ValidationError(ALREADY_REPORTED, code="duplicate") from error
    logger.info("Flag %s made on %s %s", flag.pk, type(content).__name__, content.pk)
    return flag


def _check_may_moderate(moderator: User, content: Model) -> None:
    if not can_moderate_content(moderator, content):
        raise PermissionDenied("You do not moderate this.")


def _flags_settle(*, moderator: User, content: Model, status: str) -> int:
    return Flag.objects.filter(
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        status=Flag.Status.OPEN,
    ).update(status=status, resolved_by=moderator, resolved_at=timezone.now())


def _status_set(
    moderator: User, content: Model, status: str, *, action: ModerationAction.Action, note: str
) -> None:
    content.status = status
    fields = ["status"]
    if isinstance(content, Story | CaseStudyQuestion | CaseStudyAnswer):
        content.moderated_at = timezone.now()
        fields.append("moderated_at")
    content.save(update_fields=fields)
    audit_record(actor=moderator, content=content, action=action, note=note)


# Each action changes the content and leaves its audit row. Where the service that owns a kind of
# content already has the action (approving a reply, publishing a story, hiding a listing), the
# queue calls it, so the rule lives in one place and that service writes the audit row.


def _approve(moderator: User, content: Model, note: str) -> None:
    """Pending -> visible. For threads and replies the author is trusted from now on (the
    discussion service's rule), and watchers hear about it."""
    if content.status != ContentStatus.PENDING:
        raise ValidationError("This is not waiting for approval.", code="not_pending")
    if isinstance(content, Thread | Post):
        # The discussion service tells the watchers itself, in the same transaction.
        discussions.content_approve(moderator=moderator, content=content, note=note)
    elif isinstance(content, Story):
        stories.story_publish(moderator=moderator, story=content, note=note)
    elif isinstance(content, CaseStudyQuestion | CaseStudyAnswer):
        questions.question_or_answer_publish(moderator=moderator, content=content, note=note)
    else:
        _status_set(moderator, content, ContentStatus.VISIBLE, action=Action.APPROVE, note=note)


def _hide(moderator: User, content: Model, note: str) -> None:
    if content.status == ContentStatus.HIDDEN:
        raise ValidationError("This is already hidden.", code="unchanged")
    if isinstance(content, Listing):
        brokerage.listing_hide(moderator=moderator, listing=content, note=note)
    else:
        _status_set(moderator, content, ContentStatus.HIDDEN, action=Action.HIDE, note=note)


def _restore(moderator: User, content: Model, note: str) -> None:
    if content.status not in (ContentStatus.HIDDEN, ContentStatus.REMOVED):
        raise ValidationError("Only hidden or removed content can be restored.", code="unchanged")
    # Read before the change: the author was promised news if reports had hidden it.
    auto_hidden = was_auto_hidden(content)
    if isinstance(content, Listing):
        brokerage.listing_restore(moderator=moderator, listing=content, note=note)
    else:
        _status_set(moderator, content, ContentStatus.VISIBLE, action=Action.RESTORE, note=note)
    if auto_hidden:
        author_tell(
            author=content.author,
            message=f"A moderator looked at the reports about “{content_title(content)}” "
            "and it is shown again.",
            url=content_url(content),
        )


def _confirm_hide(moderator: User, content: Model, note: str) -> None:
    """A moderator agrees with what hid the content (the reports): it stays hidden."""
    if content.status != ContentStatus.HIDDEN:
        raise ValidationError("Only hidden content can be kept hidden.", code="unchanged")
    audit_record(actor=moderator, content=content, action=Action.CONFIRM_HIDE, note=note)


def _remove(moderator: User, content: Model, note: str) -> None:
    if content.status == ContentStatus.REMOVED:
        raise ValidationError("This is already removed.", code="unchanged")
    if isinstance(content, Story):
        stories.story_reject(moderator=moderator, story=content, note=note)
    else:
        _status_set(moderator, content, ContentStatus.REMOVED, action=Action.REMOVE, note=note)


def _lock(moderator: User, content: Model, note: str) -> None:
    if not isinstance(content, Thread):
        raise ValidationError("Only a thread can be locked.", code="not_thread")
    if content.is_locked:
        raise ValidationError("This thread is already locked.", code="unchanged")
    discussions.thread_lock(moderator=moderator, thread=content, note=note)


def _remove_member(moderator: User, content: Model, note: str) -> None:
    """The author leaves the community for good: the membership stays, marked removed."""
    community = content_community(content)
    if community is None:
        raise ValidationError("Only a thread's or reply's author can be removed.", code="no_group")
    if community.moderators.filter(pk=content.author_id).exists():
        raise ValidationError("A moderator cannot be removed from their community.", code="mod")
    Membership.objects.update_or_create(
        community=community,
        user_id=content.author_id,
        defaults={"status": Membership.Status.REMOVED},
    )
    audit_record(actor=moderator, content=content, action=Action.REMOVE_MEMBER, note=note)


def _dismiss(moderator: User, content: Model, note: str) -> None:
    """Nothing wrong: the flags are settled and the content stays as it is."""
    audit_record(actor=moderator, content=content, action=Action.DISMISS_FLAGS, note=note)


ACTIONS: dict[str, tuple[Callable[[User, Model, str], None], str, str]] = {
    # name: (what it does, how it settles open flags, what a moderator sees on the button)
    "approve": (_approve, Flag.Status.ACTIONED, "Approve"),
    "hide": (_hide, Flag.Status.ACTIONED, "Hide"),
    # Restoring says the reports were wrong, so they are dismissed rather than actioned.
    "restore": (_restore, Flag.Status.DISMISSED, "Restore"),
    "confirm_hide": (_confirm_hide, Flag.Status.ACTIONED, "Keep hidden"),
    "remove": (_remove, Flag.Status.ACTIONED, "Remove"),
    "lock": (_lock, Flag.Status.ACTIONED, "Lock thread"),
    "remove_member": (_remove_member, Flag.Status.ACTIONED, "Remove author from community"),
    "dismiss": (_dismiss, Flag.Status.DISMISSED, "Dismiss reports"),
}


def moderation_act(*, moderator: User, content: Model, action: str, note: str = "") -> None:
    """Do one moderation action, audit it and settle the content's open flags."""
    _check_may_moderate(moderator, content)
    if action not in ACTIONS:
        raise ValidationError("Choose an action.", code="unknown_action")
    change, flag_status, _label = ACTIONS[action]
    with transaction.atomic():
        change(moderator, content, note.strip())
        _flags_settle(moderator=moderator, content=content, status=flag_status)
    logger.info("%s: %s on %s %s", moderator.pk, action, type(content).__name__, content.pk)


# What the banner says once an action is done, after the kind of content ("Reply hidden").
_DONE = {
    "approve": "approved",
    "hide": "hidden",
    "restore": "restored",
    "remove": "removed",
    "lock": "locked",
}


def action_done_message(content: Model, action: str) -> str:
    """The confirmation a moderator sees after an action, in the words the public site uses."""
    if action == "dismiss":
        return "Reports dismissed"
    if action == "remove_member":
        return "Author removed from the community"
    if action == "confirm_hide":
        return f"{KIND_LABELS[content_kind(content)]} kept hidden"
    if isinstance(content, Story) and action in ("approve", "remove"):
        return "Story published" if action == "approve" else "Story rejected"
    return f"{KIND_LABELS[content_kind(content)]} {_DONE[action]}"


def actions_for(content: Model) -> list[tuple[str, str]]:
    """The (action, button label) pairs that make sense for content as it stands now."""
    status = content.status
    names = []
    if status == ContentStatus.PENDING:
        names.append("approve")
    if status in (ContentStatus.PENDING, ContentStatus.VISIBLE):
        names.append("hide")
    # Listings are only hidden and restored: their organisation closes them itself.
    if status == ContentStatus.HIDDEN or (
        status == ContentStatus.REMOVED and not isinstance(content, Listing)
    ):
        names.append("restore")
    if status == ContentStatus.HIDDEN:
        names.append("confirm_hide")
    if status not in (ContentStatus.REMOVED,) and not isinstance(content, Listing):
        names.append("remove")
    if isinstance(content, Thread) and not content.is_locked:
        names.append("lock")
    if content_community(content) is not None:
        names.append("remove_member")
    names.append("dismiss")
    return [(name, ACTIONS[name][2]) for name in names]
