"""Acronyms that content defines, proposed to editors as vocabulary candidates.

Indexing hands over each batch of documents it builds (`mine_documents`), and the command
`search_mine_vocabulary` hands over everything indexable, a batch at a time. Each batch is
recorded in a fixed few queries, however many documents it holds (`record`):

- a pair nobody has seen becomes a candidate, with the first document found as its example,
  unless a rule in force already links the two phrases (a shipped file, or a confirmed entry);
- a pair already in the table keeps its status: a rejected pair is never proposed again, and a
  confirmed one is never added twice;
- `VocabularySighting` remembers which documents define which entry, so `document_count` counts
  documents: indexing the same document again (an edit, a rebuild) changes nothing, and a
  document that no longer defines an acronym, or is gone, stops counting.
"""

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from search import vocabulary
from search.acronyms import find_definitions
from search.documents import document_id
from search.models import VocabularyEntry, VocabularySighting
from search.phrases import clean_phrase

logger = logging.getLogger(__name__)

Pair = tuple[str, str]


@dataclass(frozen=True)
class Finding:
    """What one search document defines: (short form, long form) pairs, cleaned."""

    document: str  # its search document id, e.g. "case_study-12"
    title: str
    url: str
    pairs: frozenset[Pair]


@dataclass
class MiningReport:
    documents: int = 0
    definitions: int = 0
    new_candidates: int = 0

    def add(self, other: "MiningReport") -> None:
        self.documents += other.documents
        self.definitions += other.definitions
        self.new_candidates += other.new_candidates


def definitions_in(*texts: str) -> frozenset[Pair]:
    """The acronyms the texts define, as phrases the vocabulary accepts (lower case, single
    spaces); a long form with a comma in it loses the comma, and one that is still not a valid
    phrase is left out."""
    pairs: set[Pair] = set()
    for text in texts:
        for short_form, long_form in find_definitions(text or ""):
            try:
                pairs.add((clean_phrase(short_form), clean_phrase(long_form.replace(",", " "))))
            except ValidationError:
                continue
    return frozenset(pairs)


def mine_documents(kind: str, object_ids: Iterable[str], documents: dict[str, dict]) -> None:
    """Record what a batch of search documents defines (`documents` by object id; an id with no
    document is an object no longer indexed). Never raises: the vocabulary is a by-product, and
    indexing must not fail, or be retried, because of it."""
    try:
        findings = [
            Finding(
                document=document_id(kind, object_id),
                title=body.get("title", ""),
                url=body.get("url", ""),
                pairs=definitions_in(body.get("title"), body.get("summary"), body.get("body")),
            )
            for object_id, body in documents.items()
        ]
        record(findings, scanned=[document_id(kind, object_id) for object_id in object_ids])
    except Exception:
        logger.exception("Could not record the acronyms defined in a batch of %s documents", kind)


def mine_everything(*, batch_size: int = 500) -> MiningReport:
    """Record what all indexable content defines, straight from the database (each source's
    `indexable()` and `prepare_*`), so it works without Elasticsearch: on the database fallback
    and on SQLite."""
    from search.sources import sources

    report = MiningReport()
    for source in sources().values():
        batch: list[Finding] = []
        for obj in source.indexable().iterator(chunk_size=batch_size):
            batch.append(_finding_for(source, obj))
            if len(batch) == batch_size:
                report.add(record(batch))
                batch = []
        if batch:
            report.add(record(batch))
    return report


def _finding_for(source, obj) -> Finding:
    pairs = definitions_in(
        source.prepare_title(obj), source.prepare_summary(obj), source.prepare_body(obj)
    )
    return Finding(
        document=source.document_id(obj),
        title=source.prepare_title(obj),
        # A URL is only worked out for a document that defines something: it costs most.
        url=source.prepare_url(obj) if pairs else "",
        pairs=pairs,
    )


def record(findings: Sequence[Finding], *, scanned: Iterable[str] = ()) -> MiningReport:
    """Record a batch of findings. `scanned` names further documents read in this batch that
    define nothing any more (deleted, unpublished): their old sightings are dropped."""
    documents = {finding.document for finding in findings} | set(scanned)
    first_seen: dict[Pair, Finding] = {}
    for finding in findings:
        for pair in sorted(finding.pairs):
            first_seen.setdefault(pair, finding)
    report = MiningReport(documents=len(documents), definitions=len(first_seen))
    if not documents:
        return report
    # A savepoint: should a write fail, the caller's transaction (if any) carries on.
    with transaction.atomic():
        entries = _entries_for(first_seen, report)
        wanted = {
            (entries[pair], finding.document)
            for finding in findings
            for pair in finding.pairs
            if pair in entries
        }
        _update_sightings(documents, wanted)
    return report


def _key(pair: Pair) -> str:
    return VocabularyEntry.key_for(VocabularyEntry.Kind.ACRONYM, [pair[0]], [pair[1]])


def _entries_for(first_seen: dict[Pair, Finding], report: MiningReport) -> dict[Pair, int]:
    """The entry id of each pair, creating candidates for pairs nobody has seen."""
    if not first_seen:
        return {}
    keys = {_key(pair): pair for pair in first_seen}
    ids = dict(VocabularyEntry.objects.filter(key__in=keys).values_list("key", "pk"))
    new = [
        _candidate(pair, first_seen[pair], key)
        for key, pair in keys.items()
        if key not in ids and not vocabulary.links(*pair)
    ]
    if new:
        # ignore_conflicts: another worker may have added the same pair since the read above.
        VocabularyEntry.objects.bulk_create(new, ignore_conflicts=True)
        created = VocabularyEntry.objects.filter(key__in=[entry.key for entry in new])
        ids.update(created.values_list("key", "pk"))
        report.new_candidates = len(new)
    return {keys[key]: pk for key, pk in ids.items()}


def _candidate(pair: Pair, finding: Finding, key: str) -> VocabularyEntry:
    return VocabularyEntry(
        kind=VocabularyEntry.Kind.ACRONYM,
        terms=pair[0],
        meanings=pair[1],
        key=key,
        status=VocabularyEntry.Status.CANDIDATE,
        origin=VocabularyEntry.Origin.MINED,
        example_title=finding.title[:255],
        example_url=finding.url[:500],
    )


def _update_sightings(documents: set[str], wanted: set[tuple[int, str]]) -> None:
    had = {
        (entry_id, document): pk
        for pk, entry_id, document in VocabularySighting.objects.filter(
            document__in=documents
        ).values_list("pk", "entry_id", "document")
    }
    gone = {sighting: pk for sighting, pk in had.items() if sighting not in wanted}
    new = [sighting for sighting in wanted if sighting not in had]
    if gone:
        VocabularySighting.objects.filter(pk__in=gone.values()).delete()
    if new:
        VocabularySighting.objects.bulk_create(
            [VocabularySighting(entry_id=entry_id, document=doc) for entry_id, doc in new],
            ignore_conflicts=True,
        )
    changed = {entry_id for entry_id, _ in [*new, *gone]}
    if changed:
        _recount(changed)


def _recount(entry_ids: set[int]) -> None:
    """Count from the sightings themselves, so two workers counting at once both end right."""
    counts = (
        VocabularySighting.objects.filter(entry=OuterRef("pk"))
        .order_by()
        .values("entry")
        .annotate(total=Count("pk"))
        .values("total")
    )
    VocabularyEntry.objects.filter(pk__in=entry_ids).update(
        document_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))
    )
