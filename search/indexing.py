"""Bring search documents in line with the database, in bulk. Called by the outbox worker and
the rebuild; it does network I/O, so it is never called inside a database transaction."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from elasticsearch import Elasticsearch, helpers

from search import elasticsearch
from search.documents import alias_name, document_id
from search.sources import source_for

logger = logging.getLogger(__name__)


@dataclass
class SyncReport:
    indexed: int = 0
    removed: int = 0
    # (kind, object_id) -> the reason Elasticsearch refused that one document
    failed: dict[tuple[str, str], str] = field(default_factory=dict)


def sync_documents(
    kind: str,
    object_ids: Iterable[str],
    *,
    client: Elasticsearch | None = None,
    index: str | None = None,
    refresh: bool = False,
) -> SyncReport:
    """Index the current document of each object, or remove it when the object should no longer
    be found. Raises elasticsearch's ConnectionError/TransportError when the node is unreachable;
    a document the node refuses is reported in `failed`, not raised, so one bad object never
    holds up the others."""
    client = client or elasticsearch.client()
    target = index or alias_name()
    object_ids = [str(pk) for pk in dict.fromkeys(object_ids)]
    documents = source_for(kind).documents(object_ids)
    actions = []
    for object_id in object_ids:
        body = documents.get(object_id)
        if body is None:
            actions.append(
                {"_op_type": "delete", "_index": target, "_id": document_id(kind, object_id)}
            )
        else:
            actions.append({"_index": target, "_id": document_id(kind, object_id), "_source": body})
    report = SyncReport()
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
    return report
