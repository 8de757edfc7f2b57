"""Editors' decisions on the search vocabulary, each recorded with who made it and when, and in
the entry's history (Wagtail's log)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from community.models import User
from community.permissions import is_editor
from search.models import VocabularyEntry

CONFIRM_ACTION = "search.vocabulary.confirm"
REJECT_ACTION = "search.vocabulary.reject"
_ACTIONS = {
    VocabularyEntry.Status.CONFIRMED: CONFIRM_ACTION,
    VocabularyEntry.Status.REJECTED: REJECT_ACTION,
}


def vocabulary_entry_decide(
    *, entry: VocabularyEntry, status: VocabularyEntry.Status, user: User
) -> VocabularyEntry:
    """Confirm an entry (it applies to searches within seconds) or reject it (it never applies,
    and mining never proposes it again). Only editors decide. Raises ValidationError when the
    entry is not valid enough to apply."""
    if not is_editor(user):
        raise PermissionDenied("Only editors decide what the search vocabulary holds.")
    if status not in _ACTIONS:
        raise ValueError(f"An entry is confirmed or rejected, not {status!r}.")
    with transaction.atomic():
        entry.status = status
        entry.decided_by = user
        entry.decided_at = timezone.now()
        if status == VocabularyEntry.Status.CONFIRMED:
            entry.full_clean()
        entry.save()
        log(instance=entry, action=_ACTIONS[status], user=user)
    return entry
