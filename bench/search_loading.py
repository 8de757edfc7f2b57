"""Indexing throughput for `bench/search.py`: the project's indexer against raw bulk requests on
the same documents, the outbox worker draining a backlog, and the size of the index."""

import time
from collections.abc import Iterator

from elasticsearch import Elasticsearch, helpers


def chunks(ids: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def indexable_ids() -> dict[str, list[str]]:
    from search.sources import sources

    return {
        kind: [str(pk) for pk in source.indexable().order_by("pk").values_list("pk", flat=True)]
        for kind, source in sources().items()
    }


def fresh_index(client: Elasticsearch) -> str:
    """A new index with the project's settings and mappings, not refreshed while it fills
    (what `search_rebuild` does)."""
    from search.indexes import create_index

    name = create_index(client)
    client.indices.put_settings(index=name, settings={"refresh_interval": "-1"})
    return name


def finish(client: Elasticsearch, index: str) -> int:
    """Refresh back on and one refresh now, so every document is searchable; how many are."""
    client.indices.put_settings(index=index, settings={"refresh_interval": None})
    client.indices.refresh(index=index)
    return client.count(index=index)["count"]


def through_indexer(client: Elasticsearch, ids: dict[str, list[str]], batch: int) -> str:
    """What `search_rebuild` does to fill its new index: `sync_batches`, kind by kind."""
    from search.indexing import sync_batches

    index = fresh_index(client)
    batches = ((kind, part) for kind, kind_ids in ids.items() for part in chunks(kind_ids, batch))
    report = sync_batches(batches, client=client, index=index)
    if report.failed:
        failures = list(report.failed.items())[:3]
        raise SystemExit(f"the indexer reported failures: {failures}")
    return index


def prepared_actions(ids: dict[str, list[str]], batch: int) -> list[dict]:
    """Every document built by the sources, once, before the raw timing starts."""
    from search.documents import document_id
    from search.sources import source_for

    actions = []
    for kind, kind_ids in ids.items():
        for part in chunks(kind_ids, batch):
            for object_id, body in source_for(kind).documents(part).items():
                actions.append({"_id": document_id(kind, object_id), "_source": body})
    return actions


def through_raw_bulk(client: Elasticsearch, actions: list[dict], batch: int) -> str:
    index = fresh_index(client)
    _sent, errors = helpers.bulk(
        client, ({**action, "_index": index} for action in actions), chunk_size=batch
    )
    if errors:
        raise SystemExit(f"raw bulk refused documents: {errors[:3]}")
    return index


def through_pipeline(client: Elasticsearch, ids: dict[str, list[str]], batch: int) -> str:
    """Not the project's code: a sketch of a fix, measured for comparison. The same database
    reads and sources, but the next batch is built while the node indexes the previous one
    (`parallel_bulk` sends from a worker thread while this thread builds)."""
    from search.documents import document_id
    from search.sources import source_for

    index = fresh_index(client)

    def actions() -> Iterator[dict]:
        for kind, kind_ids in ids.items():
            for part in chunks(kind_ids, batch):
                for object_id, body in source_for(kind).documents(part).items():
                    yield {"_index": index, "_id": document_id(kind, object_id), "_source": body}

    for ok, item in helpers.parallel_bulk(
        client, actions(), chunk_size=batch, thread_count=1, queue_size=2
    ):
        if not ok:
            raise SystemExit(f"the pipeline sketch was refused a document: {item}")
    return index


def warm_up(client: Elasticsearch, ids: dict[str, list[str]], actions: list[dict], batch: int):
    """Every document once through raw bulk, and some through the other two paths, untimed: a
    freshly started node indexes several times slower until its JIT has warmed up."""
    sample = {kind: kind_ids[: batch * 2] for kind, kind_ids in ids.items()}
    for index in (
        through_raw_bulk(client, actions, batch),
        through_indexer(client, sample, batch),
        through_pipeline(client, sample, batch),
    ):
        client.indices.delete(index=index)


def measure_indexing(client: Elasticsearch, *, batch: int) -> str:
    """Prints both throughputs; returns the indexer's index, now behind the alias."""
    from search.rebuild import swap_alias

    ids = indexable_ids()
    expected = sum(len(kind_ids) for kind_ids in ids.values())
    started = time.perf_counter()
    actions = prepared_actions(ids, batch)
    building = time.perf_counter() - started
    warm_up(client, ids, actions, batch)

    # Raw first, and its index deleted before the indexer starts: neither runs beside the
    # other's background merges.
    started = time.perf_counter()
    raw_index = through_raw_bulk(client, actions, batch)
    raw_count = finish(client, raw_index)
    raw_seconds = time.perf_counter() - started
    client.indices.delete(index=raw_index)
    del actions

    started = time.perf_counter()
    sketch_index = through_pipeline(client, ids, batch)
    sketch_count = finish(client, sketch_index)
    sketch_seconds = time.perf_counter() - started
    client.indices.delete(index=sketch_index)

    started = time.perf_counter()
    index = through_indexer(client, ids, batch)
    count = finish(client, index)
    indexer_seconds = time.perf_counter() - started
    if not count == raw_count == sketch_count == expected:
        raise SystemExit(
            f"documents differ: indexer {count}, raw {raw_count}, sketch {sketch_count}, "
            f"expected {expected}"
        )
    swap_alias(client, index)

    indexer_rate, raw_rate = count / indexer_seconds, count / raw_seconds
    print(f"\nindexing {count} documents, {batch} per bulk request, refresh off while filling")
    print("| path | seconds | documents/s |")
    print("| --- | ---: | ---: |")
    print(f"| project indexer (`sync_batches`) | {indexer_seconds:.1f} | {indexer_rate:,.0f} |")
    print(f"| raw `helpers.bulk`, documents built first | {raw_seconds:.1f} | {raw_rate:,.0f} |")
    sketch_rate = count / sketch_seconds
    print(
        f"| sketch, not the project's code: build the next batch while the node indexes "
        f"(`parallel_bulk`) | {sketch_seconds:.1f} | {sketch_rate:,.0f} |"
    )
    print(
        f"indexer / raw: {indexer_rate / raw_rate:.0%} (aim >= 80%); sketch / raw: "
        f"{sketch_rate / raw_rate:.0%}; building the documents "
        f"alone (database reads + sources, untimed above) took {building:.1f} s "
        f"({count / building:,.0f} documents/s)"
    )
    return index


def measure_outbox(client: Elasticsearch, *, batch: int) -> None:
    """A backlog of one task per document, drained by the worker into an empty index behind
    the alias, refreshing as in normal running."""
    from search.indexes import create_index
    from search.models import IndexTask
    from search.outbox import drain, enqueue_keys
    from search.rebuild import swap_alias

    ids = indexable_ids()
    previous = swap_alias(client, create_index(client))
    for old in previous:
        client.indices.delete(index=old)
    tasks = enqueue_keys((kind, pk) for kind, kind_ids in ids.items() for pk in kind_ids)
    started = time.perf_counter()
    drained = failed = 0
    while True:
        report = drain(batch_size=batch)
        if report.unavailable:
            raise SystemExit("the worker found Elasticsearch unavailable")
        if not report.claimed:
            break
        drained += report.done
        failed += report.failed
    seconds = time.perf_counter() - started
    left = IndexTask.objects.filter(done_at__isnull=True).count()
    print(
        f"\noutbox: {tasks} tasks drained by `search.outbox.drain(batch_size={batch})` in "
        f"{seconds:.1f} s: {drained / seconds:,.0f} tasks/s ({failed} failed, {left} left)"
    )


def index_size(client: Elasticsearch, index: str) -> dict[str, int]:
    client.indices.flush(index=index)
    primaries = client.indices.stats(index=index)["indices"][index]["primaries"]
    return {
        "docs": primaries["docs"]["count"],
        "bytes": primaries["store"]["size_in_bytes"],
        "segments": primaries["segments"]["count"],
    }
