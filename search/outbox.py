"""The outbox: changes record index tasks in their own transaction; `drain` writes each task's
database search entry (`search.entries`), then sends the documents to Elasticsearch in bulk,
outside any transaction, and retries what fails.

A task names an object, never an action: the document is rebuilt (or removed) from the object's
state when the task is drained, so many tasks for one object collapse into one sync.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from elasticsearch import ApiError, Elasticsearch, SerializationError, TransportError
from wagtail.models import Page

from search import elasticsearch, entries
from search.indexes import ensure_index
from search.indexing import sync_documents
from search.models import IndexTask
from search.sources import Source, source_for_model

logger = logging.getLogger(__name__)

# Claimed tasks are pushed this far into the future, so a second worker skips them; a worker
# that dies mid-batch leaves them to be picked up again once the lease runs out.
LEASE = timedelta(minutes=5)
# While Elasticsearch is unreachable, claimed tasks go back this soon, without an attempt counted.
UNAVAILABLE_RETRY = timedelta(seconds=2)
LONGEST_BACKOFF_SECONDS = 3600
KEEP_DONE = timedelta(days=1)


def _source_of(obj: Model) -> Source | None:
    source = source_for_model(type(obj))
    if source is None and isinstance(obj, Page):
        # A plain Page (e.g. from a tree query): the kind is decided by its specific class.
        source = source_for_model(obj.specific_class) if obj.specific_class else None
    return source


def task_key(obj: Model) -> tuple[str, str] | None:
    """(kind, object id) of the document this object becomes, or None if search ignores it."""
    source = _source_of(obj)
    return None if source is None else (source.kind, source.key_of(obj))


def enqueue(objects: Iterable[Model]) -> int:
    """Record a task for each document of each object search knows (a due-diligence profile
    becomes two), in the caller's transaction."""
    keys = [
        (source.kind, key)
        for source, obj in ((_source_of(obj), obj) for obj in objects)
        if source is not None
        for key in source.keys_of(obj)
    ]
    return enqueue_keys(keys)


def enqueue_keys(keys: Iterable[tuple[str, str]]) -> int:
    """Recorded with or without a node: the database's search entries are kept in step through
    the same tasks (without a node, the entry is all a task does)."""
    unique = dict.fromkeys((kind, str(object_id)) for kind, object_id in keys)
    now = timezone.now()
    IndexTask.objects.bulk_create(
        [
            IndexTask(kind=kind, object_id=object_id, created_at=now, not_before=now)
            for kind, object_id in unique
        ]
    )
    return len(unique)


def pending() -> QuerySet:
    return IndexTask.objects.filter(done_at__isnull=True, set_aside_at__isnull=True)


def due(now: datetime) -> QuerySet:
    return pending().filter(not_before__lte=now)


@dataclass
class DrainReport:
    claimed: int = 0
    indexed: int = 0
    removed: int = 0
    done: int = 0
    failed: int = 0
    set_aside: int = 0
    entries: int = 0  # tasks whose database search entry was written in this pass
    unavailable: bool = False
    reason: str = ""  # why Elasticsearch was counted unavailable
    # (kind, object_id) -> why it failed this time
    errors: dict[tuple[str, str], str] = field(default_factory=dict)


class Unavailable(Exception):
    """Elasticsearch did not answer (or answered for the whole request, not per document)."""


def is_outage(error: Exception) -> bool:
    if isinstance(error, SerializationError):
        return False  # a document that cannot be sent: that object's fault
    if isinstance(error, ApiError):
        # Overloaded or down (429, 5xx): the node's fault, not the document's.
        return error.meta.status == 429 or error.meta.status >= 500
    return isinstance(error, TransportError)


def drain(*, batch_size: int = 500, client: Elasticsearch | None = None) -> DrainReport:
    """Write one batch of waiting search entries (whether or not Elasticsearch answers), then
    send one batch of due tasks to Elasticsearch. Never called inside a transaction."""
    report = DrainReport()
    report.entries, written = entries.write_pending(limit=batch_size)
    if not elasticsearch.is_configured():
        return report
    try:
        client = client or elasticsearch.client()
        # Writing through a missing alias would make an index with guessed mappings.
        ensure_index(client)
    except Exception as error:
        if not is_outage(error):
            raise
        report.unavailable = True
        report.reason = f"{type(error).__name__}: {error}"
        return report
    tasks = _claim(batch_size)
    report.claimed = len(tasks)
    if not tasks:
        return report
    by_object: dict[tuple[str, str], list[int]] = defaultdict(list)
    for task in tasks:
        by_object[(task.kind, task.object_id)].append(task.pk)
    succeeded: list[tuple[str, str]] = []
    kinds = defaultdict(list)
    for kind, object_id in by_object:
        kinds[kind].append(object_id)
    try:
        for kind, object_ids in kinds.items():
            built = written.built.get(kind)
            _sync_kind(kind, object_ids, client, report, succeeded, built=built)
    except Unavailable as error:
        logger.warning("Elasticsearch is unavailable; %s tasks wait: %s", len(tasks), error)
        report.unavailable = True
        report.reason = str(error)
    _settle(by_object, succeeded, report)
    return report


def _claim(batch_size: int) -> list[IndexTask]:
    now = timezone.now()
    with transaction.atomic():
        tasks = list(
            due(now).select_for_update(skip_locked=True).order_by("not_before", "id")[:batch_size]
        )
        IndexTask.objects.filter(pk__in=[task.pk for task in tasks]).update(not_before=now + LEASE)
    return tasks


def _sync_kind(
    kind: str,
    object_ids: list[str],
    client: Elasticsearch,
    report: DrainReport,
    succeeded: list[tuple[str, str]],
    *,
    built: dict | None = None,
) -> None:
    """Sync a kind in one bulk request; if building a document raises, one object at a time,
    so the object at fault is the only one that fails."""
    try:
        result = sync_documents(kind, object_ids, client=client, built=built)
    except Exception as error:
        if is_outage(error):
            raise Unavailable(str(error)) from error
        if len(object_ids) == 1:
            report.errors[(kind, object_ids[0])] = f"{type(error).__name__}: {error}"
            return
        for object_id in object_ids:
            _sync_kind(kind, [object_id], client, report, succeeded)
        return
    report.indexed += result.indexed
    report.removed += result.removed
    report.errors.update(result.failed)
    succeeded.extend(
        (kind, object_id) for object_id in object_ids if (kind, object_id) not in result.failed
    )


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(2**attempts, LONGEST_BACKOFF_SECONDS))


def _settle(
    by_object: dict[tuple[str, str], list[int]],
    succeeded: list[tuple[str, str]],
    report: DrainReport,
) -> None:
    """Mark what went through, count an attempt on what was refused, and hand back the rest."""
    now = timezone.now()
    done_ids = {pk for key in succeeded for pk in by_object[key]}
    failed_ids = {pk: key for key in report.errors for pk in by_object.get(key, [])}
    claimed = {pk for pks in by_object.values() for pk in pks}
    untouched = claimed - done_ids - failed_ids.keys()
    most = settings.SEARCH_TASK_MAX_ATTEMPTS
    with transaction.atomic():
        report.done = IndexTask.objects.filter(pk__in=done_ids).update(done_at=now)
        failing = list(IndexTask.objects.select_for_update().filter(pk__in=failed_ids))
        for task in failing:
            task.attempts += 1
            task.last_error = report.errors[failed_ids[task.pk]][:4000]
            task.not_before = now + backoff(task.attempts)
            if task.attempts >= most:
                task.set_aside_at = now
                report.set_aside += 1
                logger.error("Set aside %s after %s attempts: %s", task, most, task.last_error)
        IndexTask.objects.bulk_update(
            failing, ["attempts", "last_error", "not_before", "set_aside_at"]
        )
        report.failed = len(failing)
        # An outage is nobody's fault: those tasks go back untouched, soon.
        IndexTask.objects.filter(pk__in=untouched).update(not_before=now + UNAVAILABLE_RETRY)


def purge_done(*, older_than: timedelta = KEEP_DONE) -> int:
    """Done tasks are kept a day: `search_rebuild` replays the recent ones into a new index."""
    deleted, _ = IndexTask.objects.filter(done_at__lt=timezone.now() - older_than).delete()
    return deleted


def retry_set_aside() -> int:
    """Put tasks a person has looked at back in the queue, with a fresh count of attempts."""
    return IndexTask.objects.filter(done_at__isnull=True, set_aside_at__isnull=False).update(
        set_aside_at=None, attempts=0, not_before=timezone.now(), entry_written_at=None
    )


def set_aside() -> QuerySet:
    return IndexTask.objects.filter(done_at__isnull=True, set_aside_at__isnull=False).order_by(
        "set_aside_at"
    )


def replay_since(moment: datetime) -> int:
    """Record a fresh task for every object that had one since `moment` (done or not)."""
    keys = (
        IndexTask.objects.filter(Q(created_at__gte=moment))
        .values_list("kind", "object_id")
        .distinct()
    )
    return enqueue_keys(list(keys))
