"""The moderation audit trail: the one place a row of it is written."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from community.models import ModerationAction, User


def audit_record(
    *, actor: User | None, content: Model, action: ModerationAction.Action, note: str = ""
) -> ModerationAction:
    """Note who did what to which content, and why. Call it inside the transaction that makes
    the change, so the change and its record stand or fall together. No actor means Commons
    acted by its own rules (see `ModerationAction.actor`); the note must then say which."""
    return ModerationAction.objects.create(
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(content),
        object_id=content.pk,
        note=(note or "").strip(),
    )
