"""The record of what happened without a moderator deciding it, and of trust levels: content
hidden automatically after reports, levels earned by the rules, and levels set by hand, so
moderators can check the rules and reverse them."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Q

from community.models import Listing, ModerationAction, Post, Story, Thread, User
from community.permissions import AnyUser
from community.selectors.moderation import (
    KIND_LABELS,
    content_kind,
    content_title,
    in_queue_scope,
    queue_scope,
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
    # Each kind in one query with what its title and scope need, however long the record.
    contents = GenericPrefetch(
        "content",
        [
            Thread.objects.select_related("community", "author"),
            Post.objects.select_related("thread__community", "author"),
            Story.objects.select_related("author", "shared_service"),
            Listing.objects.select_related("author", "organisation"),
            User.objects.all(),
        ],
    )
    actions = (
        ModerationAction.objects.filter(action__in=AUDITED)
        .filter(Q(content_type=user_type) | ~Q(action__startswith="trust_level"))
        .select_related("actor")
        .prefetch_related(contents)
        .order_by("-created_at", "-pk")[:AUDIT_LIMIT]
    )
    scope = queue_scope(user)  # the same reach as the person's moderation queue
    rows = []
    for action in actions:
        content = action.content
        if isinstance(content, User):
            rows.append(AuditRow(action, content.public_name, content.pk))
            continue
        # Content deleted since, or in a community the person does not moderate, is left out:
        # its title may be members-only.
        if content is None or not in_queue_scope(content, scope):
            continue
        kind = KIND_LABELS[content_kind(content)]
        rows.append(AuditRow(action, f"{kind}: {content_title(content)}"))
    return rows
