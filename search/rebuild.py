"""Fill a new content index from the database and swap the alias to it in one step.

Queries keep using the old index until the swap, and the swap is one `_aliases` request, so no
query ever meets an empty or missing alias. Changes made while the new index fills are not lost:
every object that had a task since the start is queued again, and the worker replays it into
the new index.
"""

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import islice

from django.utils import timezone
from elasticsearch import Elasticsearch

from search import elasticsearch
from search.documents import alias_name
from search.indexes import create_index, indices_behind_alias
from search.indexing import sync_batches
from search.outbox import enqueue_keys, replay_since
from search.sources import sources

logger = logging.getLogger(__name__)

# A change whose transaction began just before the start may commit after its object was read:
# replaying a few minutes more than strictly needed costs little and closes that gap.
REPLAY_MARGIN = timedelta(minutes=5)


@dataclass
class RebuildReport:
    index: str = ""
    previous: list[str] = field(default_factory=list)
    indexed: dict[str, int] = field(default_factory=dict)
    failed: dict[tuple[str, str], str] = field(default_factory=dict)
    replayed: int = 0


def batches(ids: Iterator[str], size: int) -> Iterator[list[str]]:
    while batch := list(islice(ids, size)):
        yield batch


def every_batch(size: int) -> Iterator[tuple[str, list[str]]]:
    """Everything that belongs in the index, kind by kind, as `(kind, object_ids)` batches."""
    for source in sources().values():
        for batch in batches(source.keys(), size):
            yield source.kind, batch


def rebuild(
    *,
    client: Elasticsearch | None = None,
    batch_size: int = 500,
    between_batches: Callable[[], None] | None = None,
) -> RebuildReport:
    """`between_batches` is called after each bulk request while filling (progress, tests)."""
    client = client or elasticsearch.client()
    started = timezone.now()
    report = RebuildReport(index=create_index(client))
    # Refreshing while filling is wasted work: nobody queries the new index yet.
    client.indices.put_settings(index=report.index, settings={"refresh_interval": "-1"})
    try:
        result = sync_batches(
            every_batch(batch_size), client=client, index=report.index, after_each=between_batches
        )
        report.indexed = {kind: result.indexed_by_kind.get(kind, 0) for kind in sources()}
        report.failed.update(result.failed)
        client.indices.put_settings(index=report.index, settings={"refresh_interval": None})
        client.indices.refresh(index=report.index)
        report.previous = swap_alias(client, report.index)
    except BaseException:
        client.indices.delete(index=report.index, ignore_unavailable=True)
        raise
    for old in report.previous:
        client.indices.delete(index=old, ignore_unavailable=True)
    # Refused documents go to the worker, which retries them and sets aside what keeps failing.
    enqueue_keys(report.failed)
    report.replayed = replay_since(started - REPLAY_MARGIN)
    logger.info("Rebuilt %s: %s; %s tasks replayed", report.index, report.indexed, report.replayed)
    return report


def swap_alias(client: Elasticsearch, new_index: str) -> list[str]:
    """Point the alias at `new_index` alone, in one atomic request; return what it pointed to."""
    alias = alias_name()
    previous = indices_behind_alias(client)
    actions: list[dict] = [{"remove": {"index": old, "alias": alias}} for old in previous]
    if not previous and client.indices.exists(index=alias):
        # An index made by mistake under the alias's name (a write before any alias existed).
        actions.append({"remove_index": {"index": alias}})
    actions.append({"add": {"index": new_index, "alias": alias, "is_write_index": True}})
    client.indices.update_aliases(actions=actions)
    return previous
