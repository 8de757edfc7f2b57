"""Issue part 6: Elasticsearch goes down (a real node of this test's own, stopped), people keep
publishing and editing, search answers from the database and says so; the node comes back, the
worker drains the outbox, and every change is in the index."""

import subprocess
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings

from community.services.brokerage import listing_close
from community.services.discussions import thread_edit
from knowledge.models import CaseStudyPage
from search import elasticsearch, outbox
from search.documents import alias_name, document_id
from search.models import IndexTask
from search.services import search
from tests.factories import (
    CommunityFactory,
    ListingFactory,
    OrganisationFactory,
    SharedServiceFactory,
    make_case_study,
    make_officer,
    make_story,
    make_thread,
    publish,
)
from tests.search.draining import drain_everything

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch.sh"


def node(action: str, directory: str) -> str:
    done = subprocess.run(
        ["/bin/bash", str(SCRIPT), action, directory], capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


@pytest.fixture
def own_node():
    """A private node (never the suite's shared one), always stopped and deleted afterwards."""
    directory = tempfile.mkdtemp(prefix="commons-outage-")
    try:
        url = node("start", directory)
        # The search made during the outage opens the circuit breaker; restarting the node
        # takes longer than this, so the last search is the probe that finds it back.
        with override_settings(ELASTICSEARCH_URL=url, ELASTICSEARCH_BREAKER_SECONDS=1):
            elasticsearch._client_for.cache_clear()
            yield directory
    finally:
        elasticsearch._client_for.cache_clear()
        node("stop", directory)



def document(kind: str, obj) -> dict | None:
    client = elasticsearch.client()
    found = client.options(ignore_status=404).get(index=alias_name(), id=document_id(kind, obj.pk))
    return found["_source"] if found.get("found") else None


def test_changes_made_while_elasticsearch_is_down_all_reach_the_index(own_node, library, client):
    # Before the outage: some content, indexed.
    edited = make_case_study(library.case_studies, title="Shared payroll for two districts")
    author = make_officer(OrganisationFactory())
    thread = make_thread(CommunityFactory(), author=author, title="TUPE and pensions")
    listing = ListingFactory(title="Spare capacity in legal services")
    closer = make_officer(listing.organisation)
    drain_everything()
    assert document("listing", listing) and document("case_study", edited)

    node("pause", own_node)

    # While it is down, every kind of write goes through the normal code paths.
    organisation = OrganisationFactory(name="Brackenridge Borough Council")
    added = make_case_study(library.case_studies, title="Brackenridge shares its contact centre")
    page = CaseStudyPage.objects.get(pk=edited.pk)
    page.title = "Shared payroll for three districts"
    publish(page)
    thread_edit(
        thread=thread,
        editor=author,
        title="TUPE, pensions and holidays",
        body="What did you do about holiday pay?",
        tags=["tupe"],
    )
    listing_close(user=closer, listing=listing)
    story = make_story(SharedServiceFactory(), title="Faster than we feared")
    assert client.get(added.url).status_code == 200  # pages still work

    results = search("Brackenridge", user=AnonymousUser())
    assert results.degraded
    assert "Brackenridge shares its contact centre" in [hit.title for hit in results.hits]

    down = outbox.drain()
    assert down.unavailable
    assert not IndexTask.objects.filter(attempts__gt=0).exists()  # an outage poisons nothing

    assert node("start", own_node) == elasticsearch.client().transport.node_pool.get().base_url
    elasticsearch._client_for.cache_clear()
    drain_everything()

    assert document("organisation", organisation)["title"] == "Brackenridge Borough Council"
    assert document("case_study", added)["title"] == "Brackenridge shares its contact centre"
    assert document("case_study", edited)["title"] == "Shared payroll for three districts"
    assert document("thread", thread)["tags"] == ["tupe"]
    assert document("story", story)["title"] == "Faster than we feared"
    assert document("listing", listing) is None
    assert not outbox.pending().exists()
    assert search("Brackenridge", user=AnonymousUser()).degraded is False
