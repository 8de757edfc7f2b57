"""Acronyms that content defines become candidates for editors: recorded a batch at a time while
indexing (and by `search_mine_vocabulary` without Elasticsearch), counted by document, never
proposed again once rejected, and never in the way of indexing."""

import logging
from io import StringIO

import pytest
from django.core.management import call_command

from search import mining
from search.indexes import ensure_index
from search.indexing import sync_batches, sync_documents
from search.mining import Finding, definitions_in, record
from search.models import VocabularyEntry, VocabularySighting
from tests.factories import (
    CommunityFactory,
    VocabularyEntryFactory,
    make_case_study,
    make_post,
    make_thread,
)

pytestmark = pytest.mark.django_db

Status, Origin = VocabularyEntry.Status, VocabularyEntry.Origin
MASH = ("mash", "multi-agency safeguarding hub")


def finding(document: str, *pairs: tuple[str, str], title: str = "", url: str = "") -> Finding:
    return Finding(
        document=document,
        title=title or f"Document {document}",
        url=url or f"/{document}/",
        pairs=frozenset(pairs),
    )


def candidates() -> list[VocabularyEntry]:
    return list(VocabularyEntry.objects.filter(origin=Origin.MINED).order_by("pk"))


def test_definitions_are_cleaned_into_phrases_the_vocabulary_accepts():
    found = definitions_in(
        "The Multi-Agency Safeguarding Hub (MASH) opened.",
        None,
        "Revenues, Benefits and Council Tax (RBCT) merged.",
    )

    assert found == {MASH, ("rbct", "revenues benefits and council tax")}


def test_a_new_definition_becomes_one_candidate_with_its_first_document_as_example():
    report = record(
        [
            finding("case_study-1", MASH, title="Northshire's MASH", url="/case-studies/mash/"),
            finding("thread-7", MASH),
            finding("thread-8"),
        ]
    )

    [entry] = candidates()
    assert (entry.kind, entry.terms, entry.meanings) == ("acronym", *MASH)
    assert (entry.status, entry.document_count) == (Status.CANDIDATE, 2)
    assert (entry.example_title, entry.example_url) == ("Northshire's MASH", "/case-studies/mash/")
    assert (report.documents, report.definitions, report.new_candidates) == (3, 1, 1)


def test_indexing_the_same_documents_again_counts_them_once():
    record([finding("case_study-1", MASH), finding("thread-7", MASH)])
    record([finding("case_study-1", MASH), finding("thread-7", MASH)])
    record([finding("thread-7", MASH), finding("thread-9", MASH)])

    [entry] = candidates()
    assert entry.document_count == 3
    assert VocabularySighting.objects.filter(entry=entry).count() == 3


def test_a_document_that_stops_defining_an_acronym_stops_counting():
    record([finding("case_study-1", MASH), finding("thread-7", MASH)])

    record([finding("case_study-1")])  # edited: the definition is gone
    record([], scanned=["thread-7"])  # deleted or unpublished: no document at all

    [entry] = candidates()
    assert entry.document_count == 0
    assert not VocabularySighting.objects.exists()


def test_a_rejected_pair_is_never_proposed_again():
    rejected = VocabularyEntryFactory(
        terms="mash", meanings="multi-agency safeguarding hub", status=Status.REJECTED,
        origin=Origin.MINED,
    )  # fmt: skip

    report = record([finding("case_study-1", MASH)])

    assert report.new_candidates == 0
    assert candidates() == [rejected]
    rejected.refresh_from_db()
    assert (rejected.status, rejected.document_count) == (Status.REJECTED, 1)


def test_a_confirmed_entry_is_not_added_twice_and_keeps_its_status():
    confirmed = VocabularyEntryFactory(terms="mash", meanings="multi agency safeguarding hub")

    record([finding("case_study-1", MASH)])

    assert list(VocabularyEntry.objects.all()) == [confirmed]
    confirmed.refresh_from_db()
    assert (confirmed.status, confirmed.origin) == (Status.CONFIRMED, Origin.EDITOR)


def test_a_pair_a_shipped_rule_already_links_is_not_proposed():
    report = record([finding("case_study-1", ("dpia", "data protection impact assessment"))])

    assert report.new_candidates == 0
    assert not VocabularyEntry.objects.exists()


def test_a_batch_is_recorded_in_a_fixed_few_queries(django_assert_max_num_queries):
    record([finding("warm-up", ("zz", "zulu zebra"))])  # the rules in force, cached once
    many = [
        finding(f"case_study-{n}", MASH, (f"x{n}", f"xylophone number {n}")) for n in range(50)
    ]

    # A savepoint and its release, the entries, the new candidates and their ids, the sightings,
    # the new sightings, the counts: however many documents.
    with django_assert_max_num_queries(8):
        record(many)

    assert len(candidates()) == 52
    assert VocabularyEntry.objects.get(terms="mash").document_count == 50


def test_a_failure_while_mining_is_logged_and_never_raised(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("database hiccup")

    monkeypatch.setattr(mining, "record", broken)

    with caplog.at_level(logging.ERROR, logger="search.mining"):
        mining.mine_documents("case_study", ["1"], {"1": {"title": "The hub (MASH)"}})

    assert "Could not record the acronyms defined in a batch of case_study" in caplog.text


def test_a_case_study_indexed_through_the_indexer_proposes_its_acronym(library, es):
    ensure_index(es)
    page = make_case_study(
        library.case_studies,
        title="Safeguarding together in Northshire",
        summary="Four agencies share one front door.",
        outcomes="<p>The multi-agency safeguarding hub (MASH) answers within a day.</p>",
    )
    VocabularyEntry.objects.all().delete()  # nothing recorded before indexing

    report = sync_documents("case_study", [str(page.pk)], client=es, refresh=True)

    assert report.indexed == 1
    [entry] = candidates()
    assert (entry.terms, entry.meanings, entry.status) == (*MASH, Status.CANDIDATE)
    assert entry.example_title == "Safeguarding together in Northshire"
    assert entry.example_url == page.url  # the page's path, as search results link to it
    assert entry.document_count == 1


def test_a_rebuild_in_batches_counts_each_defining_document_once(library, es):
    ensure_index(es)
    community = CommunityFactory()
    thread = make_thread(community, title="Setting up a MASH")
    make_post(thread, body_markdown="Our multi-agency safeguarding hub (MASH) took a year.")
    page = make_case_study(
        library.case_studies, outcomes="<p>A multi-agency safeguarding hub (MASH).</p>"
    )
    batches = [("thread", [str(thread.pk)]), ("case_study", [str(page.pk)])]

    sync_batches(batches, client=es)
    sync_batches(batches, client=es)  # a second rebuild

    [entry] = candidates()
    assert entry.document_count == 2


def test_indexing_carries_on_when_mining_fails(library, es, monkeypatch):
    ensure_index(es)
    page = make_case_study(library.case_studies, outcomes="<p>The hub (MASH).</p>")
    monkeypatch.setattr(mining, "definitions_in", lambda *texts: 1 / 0)

    report = sync_documents("case_study", [str(page.pk)], client=es)

    assert report.indexed == 1 and not report.failed


def test_the_command_mines_everything_from_the_database_alone(library, settings):
    settings.ELASTICSEARCH_URL = ""
    make_case_study(
        library.case_studies,
        title="Environmental health shared",
        summary="Two districts share environmental health (EH) officers.",
    )
    thread = make_thread(CommunityFactory(), title="Who runs your EH team?")
    make_post(thread, body_markdown="Our environmental health (EH) team is shared too.")
    VocabularyEntry.objects.all().delete()
    out = StringIO()

    call_command("search_mine_vocabulary", stdout=out)
    call_command("search_mine_vocabulary", stdout=StringIO())

    [entry] = candidates()
    assert (entry.terms, entry.meanings, entry.document_count) == ("eh", "environmental health", 2)
    assert entry.example_title == "Environmental health shared"
    assert "1 new for editors to confirm or reject" in out.getvalue()
