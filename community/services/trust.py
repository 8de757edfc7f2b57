"""Trust levels: earned by approved contributions and time, or set by hand.

The rule (recomputed whenever something of theirs is approved, and nightly for everyone by
`manage.py trust_levels_recompute`):

- **New** (0): until a moderator has approved something they wrote. Their threads and replies wait
  in the moderation queue and may not contain links.
- **Basic** (1): at least `BASIC_CONTRIBUTIONS` approved contribution (a visible thread or reply, or
  a published story). Their posts skip the queue. One is enough, as it always was on Commons: a
  moderator reading the first post is what vouches for a newcomer.
- **Trusted** (2): at least `trusted_contributions` approved contributions and `trusted_days` days
  since joining (editors' settings, CommunityModerationSettings). Their reports count
  `trusted_flag_weight` times (another) toward hiding content automatically.

Earned levels go up and down with the record (content removed later stops counting). A moderator
or editor may set a level by hand; it then stays until changed by hand again, and every change,
earned or set, leaves a `ModerationAction` row about the person.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from community.models import (
    CommunityModerationSettings,
    ContentStatus,
    ModerationAction,
    Post,
    Story,
    Thread,
    TrustLevel,
    User,
)
from community.permissions import can_set_trust_level
from community.services.audit import audit_record

logger = logging.getLogger(__name__)

BASIC_CONTRIBUTIONS = 1


def approved_contributions(user: User) -> int:
    """Visible threads and replies, and published stories, the person wrote."""
    return (
        Thread.objects.filter(author=user, status=ContentStatus.VISIBLE).count()
        + Post.objects.filter(author=user, status=ContentStatus.VISIBLE).count()
        + Story.objects.filter(author=user, status=ContentStatus.VISIBLE).count()
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def earned_level(
    user: User, *, rules: CommunityModerationSettings | None = None
) -> tuple[int, str]:
    """The level the rules give the person now, and why, in words a moderator can check.
    `rules` saves reading the editors' settings again for each person in a batch."""
    rules = rules or CommunityModerationSettings.load()
    count = approved_contributions(user)
    days = (timezone.now() - user.date_joined).days
    record = f"{_plural(count, 'approved contribution')}, joined {_plural(days, 'day')} ago"
    if count >= rules.trusted_contributions and days >= rules.trusted_days:
        return TrustLevel.TRUSTED, record
    if count >= BASIC_CONTRIBUTIONS:
        return TrustLevel.BASIC, record
    return TrustLevel.NEW, record


def flag_weight(reporter: User, *, trusted_weight: int) -> int:
    """What one report counts toward hiding content automatically."""
    return trusted_weight if reporter.trust_level >= TrustLevel.TRUSTED else 1


def _level_save(user: User, level: int, reason: str, *, by_hand: bool) -> None:
    User.objects.filter(pk=user.pk).update(
        trust_level=level, trust_level_reason=reason[:200], trust_level_by_hand=by_hand
    )
    user.trust_level, user.trust_level_reason, user.trust_level_by_hand = level, reason, by_hand


@transaction.atomic
def trust_level_recompute(user: User, *, rules: CommunityModerationSettings | None = None) -> bool:
    """Bring an earned level up to date. A level set by hand is left alone. True if it changed."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.trust_level_by_hand:
        return False
    level, reason = earned_level(user, rules=rules)
    if level == user.trust_level:
        if reason != user.trust_level_reason:
            _level_save(user, level, reason, by_hand=False)
        return False
    old = TrustLevel(user.trust_level).label
    _level_save(user, level, reason, by_hand=False)
    audit_record(
        actor=None,
        content=user,
        action=ModerationAction.Action.TRUST_LEVEL_EARNED,
        note=f"{old} to {TrustLevel(level).label}: {reason}",
    )
    logger.info("User %s trust level %s -> %s by the rules", user.pk, old, level)
    return True


@transaction.atomic
def trust_level_set(*, moderator: User, person: User, level: int, reason: str) -> None:
    """An editor sets a person's level by hand, saying why; the rules leave it alone after."""
    if not can_set_trust_level(moderator):
        raise PermissionDenied("Only editors can set a person's trust level.")
    old = TrustLevel(person.trust_level).label
    why = f"Set by {moderator.public_name}: {reason.strip()}"
    _level_save(person, TrustLevel(level), why, by_hand=True)
    audit_record(
        actor=moderator,
        content=person,
        action=ModerationAction.Action.TRUST_LEVEL_SET,
        note=f"{old} to {TrustLevel(level).label}: {reason.strip()}",
    )
    logger.info("User %s trust level %s -> %s by %s", person.pk, old, level, moderator.pk)


def trust_levels_recompute_all() -> int:
    """Recompute everyone's earned level (for cron: days since joining pass with no approval).
    Returns how many levels changed."""
    rules = CommunityModerationSettings.load()
    people = User.objects.filter(is_active=True, trust_level_by_hand=False).only("pk")
    return sum(trust_level_recompute(person, rules=rules) for person in people.iterator())
