"""Draining the outbox into the real Elasticsearch node: in bulk, with retries, back-off and
setting aside a task that keeps failing, without holding up the others."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from elasticsearch import ConnectionError as ElasticConnectionError
from elasticsearch import Elasticsearch

from community.models import ContentStatus
from knowledge.models import CaseStudyPage
from search import outbox
from search.documents import alias_name, document_id
from search.management.commands.search_worker import Command
from search.models import IndexTask
from search.sources.knowledge import OrganisationSource
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    make_case_study,
    make_thread,
)

pytestmark = pytest.mark.django_db


def in_index(es, kind: str, pk) -> bool:
    es.indices.refresh(index=alias_name())
    return es.exists(index=alias_name(), id=document_id(kind, pk)).body


def drain_all(**kwargs) -> outbox.DrainReport:
    report = outbox.drain(**kwargs)
    assert not report.unavailable
    return report


def test_one_drain_indexes_every_kind_in_bulk(search_index, library):
    es = search_index.client
    organisation = OrganisationFactory(name="Northshire")
    study = make_case_study(library.case_studies, organisations=[organisation])
    thread = make_thread(CommunityFactory())

    report = drain_all()

    assert report.claimed == IndexTask.objects.count()
    assert report.failed == 0
    assert all(
        in_index(es, k, o.pk)
        for k, o in [("organisation", organisation), ("case_study", study), ("thread", thread)]
    )
    assert not outbox.pending().exists()
    assert drain_all().claimed == 0  # nothing left due


def test_many_tasks_for_one_object_collapse_into_one_sync(search_index):
    organisation = OrganisationFactory(name="Westvale")
    IndexTask.objects.all().delete()
    outbox.enqueue([organisation])
    outbox.enqueue([organisation])
    outbox.enqueue([organisation])

    report = drain_all()

    assert (report.claimed, report.indexed, report.done) == (3, 1, 3)
    assert in_index(search_index.client, "organisation", organisation.pk)


def test_unpublished_hidden_and_deleted_objects_lose_their_documents(search_index, library):
    es = search_index.client
    study = make_case_study(library.case_studies)
    thread = make_thread(CommunityFactory())
    listing = ListingFactory()
    drain_all()
    assert in_index(es, "case_study", study.pk) and in_index(es, "listing", listing.pk)

    CaseStudyPage.objects.get(pk=study.pk).unpublish()
    thread.status = ContentStatus.HIDDEN
    thread.save()
    listing_pk = listing.pk
    listing.delete()
    report = drain_all()

    assert report.removed == 3
    assert not in_index(es, "case_study", study.pk)
    assert not in_index(es, "thread", thread.pk)
    assert not in_index(es, "listing", listing_pk)


@pytest.fixture
def one_broken_organisation(monkeypatch):
    """Fault injection: one organisation's document carries a value the strict mapping refuses."""
    original = OrganisationSource.prepare_published_at

    def prepare_published_at(self, org):
        return "not a date at all" if org.name == "Broken" else original(self, org)

    monkeypatch.setattr(OrganisationSource, "prepare_published_at", prepare_published_at)


@override_settings(SEARCH_TASK_MAX_ATTEMPTS=3)
def test_a_refused_document_backs_off_and_is_set_aside_without_blocking_the_others(
    search_index, one_broken_organisation
):
    good = [OrganisationFactory(name=f"Good {n}") for n in range(3)]
    broken = OrganisationFactory(name="Broken")
    es = search_index.client

    before = timezone.now()
    report = drain_all()

    assert report.failed == 1 and report.done == 3
    assert all(in_index(es, "organisation", org.pk) for org in good)
    task = IndexTask.objects.get(object_id=str(broken.pk), kind="organisation")
    assert task.attempts == 1 and task.done_at is None
    assert "date" in task.last_error
    assert task.not_before >= before + timedelta(seconds=2)  # backing off: 2**1 seconds
    assert drain_all().claimed == 0  # not due again yet

    for attempt in (2, 3):
        IndexTask.objects.filter(pk=task.pk).update(not_before=timezone.now())
        drain_all()
        task.refresh_from_db()
        assert task.attempts == attempt
    assert task.set_aside_at is not None
    assert task.not_before - task.set_aside_at >= timedelta(seconds=8)
    assert list(outbox.set_aside()) == [task]

    assert outbox.retry_set_aside() == 1
    task.refresh_from_db()
    assert (task.set_aside_at, task.attempts) == (None, 0)


def test_an_object_whose_document_cannot_be_built_is_isolated(search_index, monkeypatch):
    fine = OrganisationFactory(name="Fine")
    faulty = OrganisationFactory(name="Faulty")
    original = OrganisationSource.prepare_summary

    def prepare_summary(self, org):
        if org.name == "Faulty":
            raise ValueError("summary cannot be read")
        return original(self, org)

    monkeypatch.setattr(OrganisationSource, "prepare_summary", prepare_summary)

    report = drain_all()

    assert in_index(search_index.client, "organisation", fine.pk)
    task = IndexTask.objects.get(kind="organisation", object_id=str(faulty.pk))
    assert task.attempts == 1 and "summary cannot be read" in task.last_error
    assert report.done == IndexTask.objects.filter(done_at__isnull=False).count()


def test_an_unreachable_node_counts_no_attempt(db):
    organisation = OrganisationFactory()
    nowhere = Elasticsearch("http://127.0.0.1:9", request_timeout=1, max_retries=0)

    report = outbox.drain(client=nowhere)

    assert report.unavailable and report.claimed == 0
    task = IndexTask.objects.get(kind="organisation", object_id=str(organisation.pk))
    assert (task.attempts, task.last_error, task.done_at) == (0, "", None)


def test_an_outage_during_a_batch_hands_the_tasks_back_untouched(search_index, monkeypatch):
    OrganisationFactory.create_batch(3)

    def node_gone(*args, **kwargs):
        raise ElasticConnectionError("connection refused")

    monkeypatch.setattr(outbox, "sync_documents", node_gone)
    before = timezone.now()
    report = outbox.drain()

    assert report.unavailable and report.claimed == 3
    tasks = list(outbox.pending())
    assert len(tasks) == 3
    assert all(t.attempts == 0 and t.not_before < before + timedelta(minutes=1) for t in tasks)


def test_claimed_tasks_are_leased_so_a_second_worker_skips_them(db):
    OrganisationFactory.create_batch(2)
    first = outbox._claim(10)
    second = outbox._claim(10)
    assert len(first) == 2 and second == []


def test_done_tasks_are_kept_a_day_then_purged(db):
    organisation = OrganisationFactory()
    IndexTask.objects.update(done_at=timezone.now() - timedelta(hours=2))
    assert outbox.purge_done() == 0
    IndexTask.objects.update(done_at=timezone.now() - timedelta(days=2))
    assert outbox.purge_done() == 1
    assert not IndexTask.objects.filter(object_id=str(organisation.pk)).exists()


def test_the_worker_command_drains_until_empty(search_index, capsys):
    organisations = OrganisationFactory.create_batch(4)

    call_command("search_worker", "--once", "--batch-size", "2")

    assert "Drained 4 tasks: 4 indexed" in capsys.readouterr().out
    assert all(in_index(search_index.client, "organisation", o.pk) for o in organisations)
    assert not outbox.pending().exists()


def test_the_long_running_worker_drains_then_stops_cleanly_when_told(search_index):
    from search.management.commands.search_worker import Command

    organisation = OrganisationFactory()
    worker = Command()
    worker.stopping = False
    naps = []

    def sleep(seconds):  # the first idle pause stands in for a SIGTERM arriving
        naps.append(seconds)
        worker.stop(15, None)

    worker.sleep = sleep
    worker.loop(batch_size=10)

    assert naps == [1.0] and worker.stopping
    assert in_index(search_index.client, "organisation", organisation.pk)


def test_the_worker_names_the_database_when_the_database_is_the_outage(
    search_index, database_unreachable, caplog
):
    worker = Command()
    worker.stopping = False
    worker.sleep = lambda seconds: setattr(worker, "stopping", True)  # one round, then stop

    with caplog.at_level("WARNING", logger="search.management.commands.search_worker"):
        worker.loop(batch_size=10)

    messages = [record.getMessage() for record in caplog.records]
    assert any(message.startswith("The database is unreachable") for message in messages)
    assert not any("Elasticsearch" in message for message in messages)
