"""How far the index is in step with the database: counts per kind, the backlog, and the tasks
set aside for a person to look at."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Min
from django.utils import timezone
from elasticsearch import Elasticsearch

from search import elasticsearch
from search.documents import alias_name
from search.indexes import indices_behind_alias
from search.models import IndexTask
from search.outbox import due, is_outage, pending, set_aside
from search.sources import sources


@dataclass
class KindStatus:
    kind: str
    label: str
    in_database: int
    in_index: int | None  # None when Elasticsearch could not be asked


@dataclass
class SearchStatus:
    kinds: list[KindStatus]
    due: int
    waiting: int  # leased by a worker, or backing off after a failure or an outage
    oldest_pending_age: timedelta | None
    set_aside: list[IndexTask]
    alias: str
    indices: list[str] = field(default_factory=list)
    unavailable: str = ""  # why Elasticsearch could not be asked, if it could not


def index_counts(client: Elasticsearch) -> dict[str, int]:
    answer = client.search(
        index=alias_name(),
        size=0,
        aggs={"kinds": {"terms": {"field": "kind", "size": len(sources()) + 10}}},
        track_total_hits=True,
    )
    buckets = answer["aggregations"]["kinds"]["buckets"]
    return {bucket["key"]: bucket["doc_count"] for bucket in buckets}


def search_status(
    *, client: Elasticsearch | None = None, set_aside_limit: int = 50
) -> SearchStatus:
    now = timezone.now()
    counts: dict[str, int] | None = None
    indices: list[str] = []
    unavailable = ""
    try:
        client = client or elasticsearch.client()
        indices = indices_behind_alias(client)
        counts = index_counts(client) if indices else {}
    except Exception as error:
        if not is_outage(error):
            raise
        unavailable = f"{type(error).__name__}: {error}"
    oldest: datetime | None = pending().aggregate(oldest=Min("created_at"))["oldest"]
    return SearchStatus(
        kinds=[
            KindStatus(
                kind=source.kind,
                label=source.label,
                in_database=source.indexable().count() * source.documents_per_object,
                in_index=None if counts is None else counts.get(source.kind, 0),
            )
            for source in sources().values()
        ],
        due=due(now).count(),
        waiting=pending().filter(not_before__gt=now).count(),
        oldest_pending_age=now - oldest if oldest else None,
        set_aside=list(set_aside()[:set_aside_limit]),
        alias=alias_name(),
        indices=indices,
        unavailable=unavailable,
    )
