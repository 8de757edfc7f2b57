"""Rebuilding the index behind its alias with no moment of empty results, losing no change made
meanwhile; and `search_status` comparing the database with the index."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from search import outbox
from search.documents import alias_name, document_id
from search.indexes import ensure_index, indices_behind_alias
from search.models import IndexTask
from search.rebuild import rebuild, swap_alias
from tests.factories import CommunityFactory, OrganisationFactory, make_case_study, make_thread

pytestmark = pytest.mark.django_db


def hits(es, query: str) -> int:
    return es.search(index=alias_name(), q=query, size=0)["hits"]["total"]["value"]


def test_queries_find_everything_throughout_the_rebuild(search_index, library):
    es = search_index.client
    organisations = [OrganisationFactory(name=f"Vale council {n}") for n in range(6)]
    make_case_study(library.case_studies, title="Vale councils share revenues")
    search_index.add(*organisations)
    old = indices_behind_alias(es)
    answers: list[int] = []
    stop = threading.Event()

    def keep_querying():  # another reader, racing the swap itself
        while not stop.is_set():
            answers.append(hits(es, "title:vale"))

    reader = threading.Thread(target=keep_querying)
    reader.start()
    try:
        report = rebuild(
            client=es, batch_size=2, between_batches=lambda: answers.append(hits(es, "title:vale"))
        )
    finally:
        stop.set()
        reader.join()

    assert len(answers) > 4
    assert min(answers) >= 6, "a query met an empty or missing index"
    assert report.indexed["organisation"] == 6 and report.indexed["case_study"] == 1
    assert indices_behind_alias(es) == [report.index] and report.previous == old
    assert not es.indices.exists(index=old[0])
    assert hits(es, "title:vale") == 7


def test_changes_made_while_filling_are_replayed_into_the_new_index(search_index):
    es = search_index.client
    renamed = OrganisationFactory(name="Eastmoor")
    search_index.add(renamed)
    IndexTask.objects.update(done_at="2000-01-01T00:00Z")  # long done: not replayed
    changes = []

    def change_once():
        if changes:
            return
        renamed.name = "Eastmoor and Westmoor"
        renamed.save()
        changes.append(OrganisationFactory(name="Latecomer"))

    report = rebuild(client=es, batch_size=1, between_batches=change_once)
    assert report.replayed == 2

    while outbox.drain().claimed:
        pass
    es.indices.refresh(index=alias_name())
    title = es.get(index=alias_name(), id=document_id("organisation", renamed.pk))["_source"]
    assert title["title"] == "Eastmoor and Westmoor"
    assert es.exists(index=alias_name(), id=document_id("organisation", changes[0].pk))


def test_the_swap_replaces_an_index_made_by_mistake_under_the_alias_name(es):
    es.indices.create(index=alias_name())  # what a write with no alias would leave behind
    report = rebuild(client=es)
    assert indices_behind_alias(es) == [report.index]


def test_the_rebuild_command_prints_counts_per_kind(search_index):
    OrganisationFactory.create_batch(2)
    out = StringIO()
    call_command("search_rebuild", stdout=out)
    assert "Organisations: 2" in out.getvalue()
    assert "The alias now points to" in out.getvalue()


def test_status_compares_the_database_with_the_index_and_shows_the_backlog(search_index):
    indexed = OrganisationFactory(name="Indexed")
    search_index.add(indexed)
    IndexTask.objects.update(done_at="2026-01-01T00:00Z")
    OrganisationFactory(name="Waiting")  # recorded, not yet drained
    make_thread(CommunityFactory(), title="Shared legal services")
    stuck = IndexTask.objects.filter(kind="thread").first()
    IndexTask.objects.filter(pk=stuck.pk).update(
        set_aside_at="2026-01-02T00:00Z", attempts=8, last_error="mapper_parsing_exception"
    )
    out = StringIO()

    call_command("search_status", stdout=out)

    text = out.getvalue()
    assert f"-> {indices_behind_alias(search_index.client)[0]}" in text
    assert [line.split() for line in text.splitlines() if line.startswith("organisation")] == [
        ["organisation", "2", "1", "differs"]
    ]
    assert "Backlog: 2 due" in text  # the waiting organisation and the community
    assert f"thread {stuck.object_id} after 8 attempts: mapper_parsing_exception" in text


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
def test_status_says_plainly_when_elasticsearch_is_unreachable(db):
    out = StringIO()
    call_command("search_status", stdout=out)
    assert "Elasticsearch is unreachable" in out.getvalue()
    assert "organisation" in out.getvalue()


def test_ensure_index_then_rebuild_leaves_one_index(search_index):
    es = search_index.client
    first = ensure_index(es)
    swap_alias(es, es.indices.create(index=f"{alias_name()}_spare")["index"])
    assert indices_behind_alias(es) == [f"{alias_name()}_spare"]
    assert first not in indices_behind_alias(es)
