"""The database's own copy of every search document (`SearchEntry`): what the database backend
searches, kept in step through the outbox.

An entry is made from the very document Elasticsearch receives (`Source.documents()`), so both
backends see the same title, text, audience, dates and facet values. Entries are written:

- by the outbox worker, for each task, *before* it calls Elasticsearch, so an outage never holds
  an entry up (`write_pending`, from `search.outbox.drain`);
- by a database search itself, a bounded batch at a time, for tasks nobody has written yet: the
  embedded default runs no worker, and a degraded site's worker may be behind (`catch_up`);
- for everything at once by `manage.py search_entries` (a new install, a restored backup).

Writing is database work only (no network), so it runs inside a transaction with the task rows
it settles: an entry and its task's mark commit together or not at all.
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from search import elasticsearch
from search.models import IndexTask, SearchEntry, SearchEntryText, delimited
from search.sources import source_for, sources
from search.sources.base import as_datetime

logger = logging.getLogger(__name__)

BATCH = 500
# A database search writes at most this many waiting entries before it answers: enough for a
# demo's worth of changes, small enough that a search never turns into a rebuild.
CATCH_UP_LIMIT = 1000

UPDATED_COLUMNS = (
    "audience",
    "tags",
    "published_at",
    "expires_on",
    "organisations",
    "service_areas",
    "regions",
    "community",
    "updated_at",
)
UPDATED_TEXT_COLUMNS = ("title", "summary", "body", "names", "url", "meta")

# Built documents by object id; None where the object should not be found (deleted, hidden).
Built = dict[str, dict | None]


@dataclass
class EntryReport:
    written: int = 0
    removed: int = 0
    # kind -> documents built for the objects handled, so the caller can send the same ones on
    built: dict[str, Built] = field(default_factory=lambda: defaultdict(dict))
    failed: dict[tuple[str, str], str] = field(default_factory=dict)


def entry_from_document(kind: str, document: dict) -> tuple[SearchEntry, SearchEntryText]:
    """The entry for one Elasticsearch document, and its text: text by weight, facets as
    delimited text."""
    entry = SearchEntry(
        kind=kind,
        object_id=str(document["object_id"]),
        audience=document.get("audience", "public"),
        tags=delimited(document.get("tags", ())),
        published_at=as_datetime(document.get("published_at")),
        expires_on=document.get("expires_on"),
        organisations=delimited(document.get("organisations", ())),
        service_areas=delimited(document.get("service_areas", ())),
        regions=delimited(document.get("region", ())),
        community=document.get("community", ""),
        updated_at=timezone.now(),
    )
    text = SearchEntryText(
        title=document.get("title", ""),
        summary=document.get("summary", ""),
        body=document.get("body", ""),
        names=" \n ".join(
            (*document.get("organisation_names", ()), *document.get("service_area_names", ()))
        ),
        url=document.get("url", ""),
        meta=list(document.get("meta_line", ())),
    )
    return entry, text


def build(kind: str, object_ids: Iterable[str], report: EntryReport) -> Built:
    """Documents for these objects; if building raises, one object at a time, so only the
    object at fault is left out (and reported: the outbox counts the failure against it)."""
    wanted = [str(pk) for pk in dict.fromkeys(object_ids)]
    source = source_for(kind)
    try:
        documents = source.documents(wanted)
    except Exception as error:
        if len(wanted) == 1:
            report.failed[(kind, wanted[0])] = f"{type(error).__name__}: {error}"
            return {}
        built: Built = {}
        for object_id in wanted:
            built.update(build(kind, [object_id], report))
        return built
    return {object_id: documents.get(object_id) for object_id in wanted}


def store(kind: str, built: Built, report: EntryReport) -> None:
    """Write (or remove) each object's entry and its text, and on PostgreSQL its vector."""
    present: dict[str, tuple[SearchEntry, SearchEntryText]] = {}
    # In one order, so two writers upserting overlapping batches wait rather than deadlock.
    for object_id, document in sorted(built.items()):
        if document is None:
            continue
        try:
            present[object_id] = entry_from_document(kind, document)
        except (TypeError, ValueError) as error:  # a value the entry cannot hold: that object's
            report.failed[(kind, object_id)] = f"{type(error).__name__}: {error}"
    gone = [object_id for object_id, document in built.items() if document is None]
    if gone:
        _, deleted = SearchEntry.objects.filter(kind=kind, object_id__in=gone).delete()
        report.removed += deleted.get(SearchEntry._meta.label, 0)
    if present:
        SearchEntry.objects.bulk_create(
            [entry for entry, _ in present.values()],
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=list(UPDATED_COLUMNS),
            batch_size=BATCH,
        )
        ids = SearchEntry.objects.filter(kind=kind, object_id__in=list(present)).values_list(
            "object_id", "pk"
        )
        texts = []
        for object_id, pk in ids:
            text = present[object_id][1]
            text.entry_id = pk
            texts.append(text)
        SearchEntryText.objects.bulk_create(
            texts,
            update_conflicts=True,
            unique_fields=["entry"],
            update_fields=list(UPDATED_TEXT_COLUMNS),
            batch_size=BATCH,
        )
        refresh_vectors([pk for _, pk in ids])
        report.written += len(present)
    report.built[kind].update(built)


# Written out because Django's SearchVector cannot read a joined table in an UPDATE. The weights
# are those the sources' fields carry in Elasticsearch: title A, summary and tags B, body and
# organisation/service-area names C (`search.backends.database_portable.WEIGHTS`).
VECTOR_SQL = """
UPDATE search_searchentry AS entry SET vector =
    setweight(to_tsvector(%(config)s::regconfig, COALESCE(text.title, '')), 'A')
    || setweight(to_tsvector(%(config)s::regconfig,
        COALESCE(text.summary, '') || ' ' || COALESCE(entry.tags, '')), 'B')
    || setweight(to_tsvector(%(config)s::regconfig,
        COALESCE(text.body, '') || ' ' || COALESCE(text.names, '')), 'C')
FROM search_searchentrytext AS text
WHERE text.entry_id = entry.id AND entry.id = ANY(%(ids)s)
"""


def refresh_vectors(entry_ids: list[int]) -> None:
    """PostgreSQL analyses the stored text itself, once per write, never per search."""
    if connection.vendor != "postgresql" or not entry_ids:
        return
    from search.backends.database_postgres import CONFIG

    with connection.cursor() as cursor:
        cursor.execute(VECTOR_SQL, {"config": CONFIG, "ids": entry_ids})


def write_objects(keys: Iterable[tuple[str, str]]) -> EntryReport:
    """Bring these objects' entries up to date, in the caller's transaction."""
    report = EntryReport()
    by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, object_id in keys:
        by_kind[kind].append(str(object_id))
    for kind, object_ids in by_kind.items():
        store(kind, build(kind, object_ids, report), report)
    return report


def waiting():
    return IndexTask.objects.filter(entry_written_at__isnull=True)


def write_pending(*, limit: int = BATCH) -> tuple[int, EntryReport]:
    """Write the entries of up to `limit` tasks nobody has written yet, and mark them written.
    Returns (tasks settled, report)."""
    with transaction.atomic():
        tasks = list(
            waiting()
            .select_for_update(skip_locked=True)
            .order_by("id")
            .values_list("pk", "kind", "object_id")[:limit]
        )
        if not tasks:
            return 0, EntryReport()
        report = write_objects((kind, object_id) for _, kind, object_id in tasks)
        for key, error in report.failed.items():
            # The Elasticsearch side builds the same document, fails the same way and counts
            # the attempt; retrying the entry on every pass would only repeat this.
            logger.error("No search entry for %s %s: %s", *key, error)
        mark_written(IndexTask.objects.filter(pk__in=[pk for pk, _, _ in tasks]))
    return len(tasks), report


def mark_written(tasks) -> int:
    """Without Elasticsearch the entry is all a task is for, so it is done too."""
    now = timezone.now()
    settled = {"entry_written_at": now}
    if not elasticsearch.is_configured():
        settled["done_at"] = now
    return tasks.update(**settled)


def catch_up(*, limit: int = CATCH_UP_LIMIT) -> int:
    """Write waiting entries before a database search answers, up to `limit` tasks."""
    settled = 0
    while settled < limit and waiting().exists():
        count, _ = write_pending(limit=min(BATCH, limit - settled))
        if not count:
            break  # the rest are being written by someone else
        settled += count
    return settled


def fill_all(
    *, batch_size: int = BATCH, after_each: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Every indexable object's entry, and no entry for anything else: for a new install or
    after restoring a backup. Returns entries written per kind."""
    # Tasks recorded before the fill began are covered by it; later ones may postdate what it
    # read, so they stay waiting.
    covered = waiting().order_by("-id").values_list("id", flat=True).first()
    written: dict[str, int] = {}
    for kind, source in sources().items():
        report = EntryReport()
        ids = list(source.keys())
        for start in range(0, len(ids), batch_size):
            with transaction.atomic():
                store(kind, build(kind, ids[start : start + batch_size], report), report)
            report.built.clear()
            if after_each:
                after_each(kind, report.written)
        remove_stale(kind, set(ids))
        written[kind] = report.written
    if covered is not None:
        mark_written(waiting().filter(id__lte=covered))
    return written


def remove_stale(kind: str, indexable: set[str]) -> int:
    """Remove the entries of objects that are no longer indexable, or no longer exist."""
    stored = set(SearchEntry.objects.filter(kind=kind).values_list("object_id", flat=True))
    stale = sorted(stored - indexable)
    for start in range(0, len(stale), BATCH):
        SearchEntry.objects.filter(kind=kind, object_id__in=stale[start : start + BATCH]).delete()
    return len(stale)
