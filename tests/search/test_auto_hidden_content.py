"""Content hidden automatically by reports leaves the search index through the outbox, as a
moderator's hide does, and comes back when a moderator restores it."""

import pytest

from community.models import Flag
from community.services.moderation import flag_create, moderation_act
from search import outbox
from search.documents import alias_name, document_id
from tests.factories import (
    CommunityFactory,
    make_moderator,
    make_thread,
    make_verified_user,
)

pytestmark = pytest.mark.django_db


def in_index(es, kind: str, pk) -> bool:
    es.indices.refresh(index=alias_name())
    return es.exists(index=alias_name(), id=document_id(kind, pk)).body


def drain() -> None:
    report = outbox.drain()
    assert not report.unavailable


def test_a_thread_hidden_by_reports_leaves_search_and_returns_when_restored(search_index):
    es = search_index.client
    community = CommunityFactory(name="Waste officers")
    thread = make_thread(community, title="Cheap printer ink")
    drain()
    assert in_index(es, "thread", thread.pk)

    for _ in range(3):
        flag_create(reporter=make_verified_user(), content=thread, reason=Flag.Reason.SPAM)
    drain()
    assert not in_index(es, "thread", thread.pk)

    thread.refresh_from_db()
    moderation_act(moderator=make_moderator(community), content=thread, action="restore")
    drain()
    assert in_index(es, "thread", thread.pk)
