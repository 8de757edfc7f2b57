"""Bring search documents in line with the database, in bulk. Called by the outbox worker and
the rebuild; it does network I/O, so it is never called inside a database transaction."""

import logging
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from elasticsearch import Elasticsearch, helpers

from search import elasticsearch
from search.documents import alias_name, document_id
from search.mining import mine_documents
from search.sources import source_for

logger = logging.getLogger(__name__)


@dataclass
class SyncReport:
    indexed: int = 0
    removed: int = 0
    # (kind, object_id) -> the reason Elasticsearch refused that one document
    failed: dict[tuple[str, str], str] = field(default_factory=dict)
    # kind -> documents indexed, when one sync covers several kinds
    indexed_by_kind: dict[str, int] = field(default_factory=dict)

    def add(self, other: "SyncReport") -> None:
        self.indexed += other.indexed
        self.removed += other.removed
        self.failed.update(other.failed)
        for kind, count in other.indexed_by_kind.items():
            self.indexed_by_kind[kind] = self.indexed_by_kind.get(kind, 0) + count


def sync_documents(
    kind: str,
    object_ids: Iterable[str],
    *,
    client: Elasticsearch | None = None,
    index: str | None = None,
    refresh: bool = False,
    built: dict[str, dict | None] | None = None,
) -> SyncReport:
    """Index the current document of each object, or remove it when the object should no longer
    be found. Raises elasticsearch's ConnectionError/TransportError when the node is unreachable;
    a document the node refuses is reported in `failed`, not raised, so one bad object never
    holds up the others. `built` holds documents built moments ago (for the database's search
    entries, `search.entries`) by object id, None for an object that should not be found: those
    are sent as they are rather than built twice."""
    client = client or elasticsearch.client()
    actions = _actions(kind, object_ids, index or alias_name(), built=built)
    return _send(client, kind, actions, refresh=refresh)


def sync_batches(
    batches: Iterable[tuple[str, list[str]]],
    *,
    client: Elasticsearch | None = None,
    index: str | None = None,
    after_each: Callable[[], None] | None = None,
) -> SyncReport:
    """`sync_documents` for each `(kind, object_ids)` batch in turn, building the next batch's
    documents while the node indexes the one before, for filling a whole index. One sender
    thread makes the bulk requests, in order; the database is read in the caller's thread only
    (Django's connections belong to a thread). `after_each` is called, in the caller's thread,
    as each bulk request finishes. Failures are reported and raised as by `sync_documents`;
    batches already sent stay sent."""
    client = client or elasticsearch.client()
    target = index or alias_name()
    report = SyncReport()
    sender = _Sender(client)
    pending = 0

    def collect(*, wait: bool) -> None:
        nonlocal pending
        while pending and (wait or not sender.finished.empty()):
            result = sender.finished.get()
            pending -= 1
            if isinstance(result, BaseException):
                raise result
            report.add(result)
            if after_each:
                after_each()

    try:
        for kind, object_ids in batches:
            sender.send(kind, _actions(kind, object_ids, target))
            pending += 1
            collect(wait=False)
        collect(wait=True)
    finally:
        sender.close()
    return report


class _Sender:
    """A thread sending bulk requests one after another; at most one more waits its turn, so
    the caller is never more than two batches ahead of the node."""

    def __init__(self, client: Elasticsearch) -> None:
        self.client = client
        self.waiting: queue.Queue[tuple[str, list[dict]] | None] = queue.Queue(maxsize=1)
        # One SyncReport, or the exception that stopped the sending, per batch sent.
        self.finished: queue.Queue[SyncReport | BaseException] = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="search-bulk-sender", daemon=True)
        self.thread.start()

    def send(self, kind: str, actions: list[dict]) -> None:
        self.waiting.put((kind, actions))

    def close(self) -> None:
        self.waiting.put(None)
        self.thread.join()

    def _run(self) -> None:
        stopped = False
        while (batch := self.waiting.get()) is not None:
            if stopped:  # the caller raises the error; what it had queued is dropped
                continue
            try:
                self.finished.put(_send(self.client, *batch))
            except BaseException as error:
                stopped = True
                self.finished.put(error)


def _actions(
    kind: str, object_ids: Iterable[str], target: str, *, built: dict | None = None
) -> list[dict]:
    object_ids = [str(pk) for pk in dict.fromkeys(object_ids)]
    built = built or {}
    missing = [object_id for object_id in object_ids if object_id not in built]
    documents = source_for(kind).documents(missing) if missing else {}
    documents.update(
        (object_id, built[object_id])
        for object_id in object_ids
        if object_id in built and built[object_id] is not None
    )
    # Acronyms the batch defines become vocabulary candidates: a few queries a batch, and a
    # failure there is logged, never raised.
    mine_documents(kind, object_ids, documents)
    actions = []
    for object_id in object_ids:
        body = documents.get(object_id)
        if body is None:
            actions.append(
                {"_op_type": "delete", "_index": target, "_id": document_id(kind, object_id)}
            )
        else:
            actions.append({"_index": target, "_id": document_id(kind, object_id), "_source": body})
    return actions


def _send(
    client: Elasticsearch, kind: str, actions: list[dict], *, refresh: bool = False
) -> SyncReport:
    report = SyncReport(indexed_by_kind={kind: 0})
    for ok, item in helpers.streaming_bulk(
        client,
        actions,
        raise_on_error=False,
        raise_on_exception=True,
        refresh="wait_for" if refresh else False,
        chunk_size=500,
    ):
        op, result = next(iter(item.items()))
        object_id = result["_id"].removeprefix(f"{kind}-")
        if op == "delete":
            # Removing what was never indexed is not a failure.
            if ok or result.get("status") == 404:
                report.removed += 1
            else:
                report.failed[(kind, object_id)] = str(result.get("error"))
        elif ok:
            report.indexed += 1
        else:
            report.failed[(kind, object_id)] = str(result.get("error"))
    report.indexed_by_kind[kind] = report.indexed
    return report
