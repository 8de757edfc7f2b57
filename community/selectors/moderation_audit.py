"""The record of what happened without a moderator deciding it, and of trust levels: content
hidden automatically after reports, levels earned by the rules, and levels set by hand, so
moderators can check the rules and reverse them."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from community.models import ModerationAction, User
from community.permissions import AnyUser
from community.selectors.moderation import (
    KIND_LABELS,
    can_moderate_content,
    content_kind,
    content_title,
)

Action = ModerationAction.Action
AUDITED = (Action.AUTO_HIDE, Action.TRUST_LEVEL_EARNED, Action.TRUST_LEVEL_SET)
# The page is a recent record to check, not an archive: the admin's audit trail holds the rest.
AUDIT_LIMIT = 200


@dataclass(frozen=True)
class AuditRow:
    action: ModerationAction
    about: str  # the person or the content, as a moderator would name it
    person_pk: int | None = None  # when it is about a person's trust level

    @property
    def who(self) -> str:
        if self.action.is_automatic:
            return "Commons, by its rules"
        return self.action.actor.public_name


def moderation_audit_for(user: AnyUser) -> list[AuditRow]:
    """Automatic hides the person may moderate, and every trust level change, newest first."""
    user_type = ContentType.objects.get_for_model(User)
    actions = list(
        ModerationAction.objects.filter(action__in=AUDITED)
        .filter(Q(content_type=user_type) | ~Q(action__startswith="trust_level"))
        .select_related("actor", "content_type")
        .order_by("-created_at", "-pk")[:AUDIT_LIMIT]
    )
    people = User.objects.in_bulk(
        [action.object_id for action in actions if action.content_type_id == user_type.pk]
    )
    rows = []
    for action in actions:
        if action.content_type_id == user_type.pk:
            person = people.get(action.object_id)
            if person is not None:
                rows.append(AuditRow(action, person.public_name, person.pk))
            continue
        content = action.content
        # Content deleted since, or in a community the person does not moderate, is left out:
        # its title may be members-only.
        if content is None or not can_moderate_content(user, content):
            continue
        kind = KIND_LABELS[content_kind(content)]
        rows.append(AuditRow(action, f"{kind}: {content_title(content)}"))
    return rows
