"""Recording index tasks: in the caller's transaction, only for content search knows."""

import pytest
from django.db import transaction
from django.test import override_settings

from knowledge.models import CaseStudyPage
from search import entries, outbox
from search.models import IndexTask, SearchEntry
from search.outbox import enqueue, task_key
from tests.factories import OrganisationFactory, ServiceAreaFactory, make_case_study

pytestmark = pytest.mark.django_db


def recorded() -> list[tuple[str, str]]:
    return sorted(IndexTask.objects.values_list("kind", "object_id"))


def test_enqueue_records_one_task_per_object_it_knows():
    organisation = OrganisationFactory()
    area = ServiceAreaFactory()  # not a kind of document: ignored
    IndexTask.objects.all().delete()

    written = enqueue([organisation, area, organisation])

    assert written == 1
    assert recorded() == [("organisation", str(organisation.pk))]


def test_a_plain_page_is_recorded_as_its_specific_kind(library):
    page = make_case_study(library.case_studies)
    IndexTask.objects.all().delete()

    assert task_key(page.page_ptr) == ("case_study", str(page.pk))
    assert task_key(library.case_studies) is None


@override_settings(ELASTICSEARCH_URL="")
def test_without_elasticsearch_a_task_only_keeps_the_database_entry_in_step():
    organisation = OrganisationFactory(name="Northshire")
    organisation.name = "Northshire Council"
    organisation.save()

    assert enqueue([organisation]) == 1
    settled, _ = entries.write_pending()

    assert settled == IndexTask.objects.count()
    assert SearchEntry.objects.get(kind="organisation").text.title == "Northshire Council"
    # Nothing is left waiting for a node that is not there.
    assert not outbox.pending().exists()


# Real commits and rollbacks need a transactional test. serialized_rollback keeps its closing
# flush from re-creating content types under new ids, which would break the next test that
# restores the serialized database (the browser tests) when the order is different.
TRANSACTIONAL = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@TRANSACTIONAL
def test_a_change_that_rolls_back_leaves_no_task():
    with pytest.raises(RuntimeError), transaction.atomic():
        OrganisationFactory(name="Rolled back")
        # Written in the same transaction as the change...
        assert IndexTask.objects.filter(kind="organisation").exists()
        raise RuntimeError("the request failed")

    assert not IndexTask.objects.exists()


@TRANSACTIONAL
def test_a_change_that_commits_leaves_its_task():
    with transaction.atomic():
        organisation = OrganisationFactory(name="Committed")

    assert recorded() == [("organisation", str(organisation.pk))]


def test_deleting_a_page_records_a_task_for_its_document(library):
    page = make_case_study(library.case_studies)
    IndexTask.objects.all().delete()

    CaseStudyPage.objects.get(pk=page.pk).delete()

    assert ("case_study", str(page.pk)) in recorded()
