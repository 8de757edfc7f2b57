"""Issue #18: Elasticsearch run as a council's IT would run it. Real nodes of the test's own
(never the suite's shared one), started by scripts/elasticsearch.sh and always stopped:

- a cluster of three nodes loses the node ELASTICSEARCH_URL names first (SIGKILL): search goes
  on answering from Elasticsearch, through the other nodes;
- a node freezes (SIGSTOP: connections hang rather than fail): one search waits for it, the
  circuit breaker opens, and the next ones answer from the database at once; publishing does
  not wait; after SIGCONT and the breaker time, Elasticsearch answers again.
"""

import logging
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings

from search import breaker, elasticsearch, outbox
from search.documents import alias_name
from search.services import autocomplete, search
from tests.factories import make_case_study
from tests.search.draining import drain_everything

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch.sh"
ANONYMOUS = AnonymousUser()
SEARCH_TIMEOUT = 1.5
BREAKER_SECONDS = 3.0


def nodes(*arguments: str) -> str:
    done = subprocess.run(
        ["/bin/bash", str(SCRIPT), *arguments], capture_output=True, text=True, timeout=400
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def fresh_client() -> None:
    elasticsearch._client_for.cache_clear()


@pytest.fixture
def cluster():
    """Three master-eligible nodes (three, so that two still make a majority when one dies),
    with every shard copied to every node."""
    directory = tempfile.mkdtemp(prefix="commons-cluster-")
    try:
        urls = nodes("start-cluster", directory, "3")
        with override_settings(ELASTICSEARCH_URL=urls, ELASTICSEARCH_REPLICAS=2):
            fresh_client()
            yield Path(directory)
    finally:
        fresh_client()
        nodes("stop", directory)


@pytest.fixture
def frozen_node():
    """One node of the test's own, with production's search timeout, and a breaker time short
    enough for the test to see it close but long enough for four searches and /healthz to be
    made while it is open on a busy machine."""
    directory = tempfile.mkdtemp(prefix="commons-frozen-")
    try:
        url = nodes("start", directory)
        with override_settings(
            ELASTICSEARCH_URL=url,
            ELASTICSEARCH_SEARCH_TIMEOUT_SECONDS=SEARCH_TIMEOUT,
            ELASTICSEARCH_BREAKER_SECONDS=BREAKER_SECONDS,
        ):
            fresh_client()
            yield directory
    finally:
        fresh_client()
        nodes("stop", directory)  # thaws the node first, so it can hear the request to stop



def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_search_goes_on_from_elasticsearch_when_the_first_node_dies(
    cluster, library, client, caplog
):
    make_case_study(library.case_studies, title="Quillbridge shares its revenues team")
    drain_everything()
    health = elasticsearch.client().cluster.health(
        index=alias_name(), wait_for_status="green", timeout="90s"
    )
    assert health["status"] == "green", health  # a copy of every shard on every node
    first_port = (cluster / "node1" / "port").read_text().strip()
    assert elasticsearch.node_urls()[0] == f"http://127.0.0.1:{first_port}"

    nodes("kill", str(cluster / "node1"))
    caplog.set_level(logging.WARNING, logger="elastic_transport")

    # Round robin over the nodes reaches the dead one within three requests; more to be sure.
    for _ in range(6):
        results = search("Quillbridge", user=ANONYMOUS)
        assert (results.backend, results.degraded) == ("elasticsearch", False)
        assert titles(results) == ["Quillbridge shares its revenues team"]
    answer = client.get("/api/search/", {"q": "Quillbridge"}).json()
    assert (answer["backend"], answer["degraded"], answer["total"]) == ("elasticsearch", False, 1)
    assert client.get("/search/", {"q": "Quillbridge"}).status_code == 200
    suggested = client.get("/search/autocomplete/", {"q": "quill"}).json()["suggestions"]
    assert [s["text"] for s in suggested] == ["Quillbridge shares its revenues team"]
    report = client.get("/healthz").json()
    assert report["status"] == "ok", report
    # The dead node was tried, and the request went on to another one.
    assert "Retrying request after failure" in caplog.text
    assert breaker.state() is None


def test_a_frozen_node_costs_one_search_one_timeout_then_the_database_answers_at_once(
    frozen_node, library, client
):
    make_case_study(library.case_studies, title="Brackenridge shares its contact centre")
    drain_everything()
    assert search("Brackenridge", user=ANONYMOUS).backend == "elasticsearch"
    breaker.reset()  # in case that cold first search was slow enough to open it

    nodes("freeze", frozen_node)

    first, waited = timed(lambda: search("Brackenridge", user=ANONYMOUS))
    assert first.degraded and titles(first) == ["Brackenridge shares its contact centre"]
    assert waited < SEARCH_TIMEOUT + 1  # the short search timeout, not the 5 s one
    assert breaker.is_open()

    for _ in range(3):
        assert breaker.is_open()
        later, took = timed(lambda: search("Brackenridge", user=ANONYMOUS))
        assert (later.backend, later.degraded) == ("database", True)
        assert titles(later) == ["Brackenridge shares its contact centre"]
        assert took < SEARCH_TIMEOUT, f"a search waited {took:.2f}s for the frozen node"
    answer, took = timed(lambda: client.get("/api/search/", {"q": "Brackenridge"}).json())
    assert (answer["backend"], answer["degraded"], answer["total"]) == ("database", True, 1)
    assert took < SEARCH_TIMEOUT
    suggestions, took = timed(lambda: autocomplete("brack", user=ANONYMOUS))
    assert [s.text for s in suggestions] == ["Brackenridge shares its contact centre"]
    assert took < SEARCH_TIMEOUT
    health, took = timed(lambda: client.get("/healthz"))
    assert health.json()["status"] == "degraded"
    assert health.json()["search"]["breaker"] == "open"
    assert took < 0.5
    # Writes never wait for the node: publishing only records an outbox task.
    published, took = timed(
        lambda: make_case_study(library.case_studies, title="Published while the node froze")
    )
    assert published.live
    assert outbox.pending().filter(kind="case_study", object_id=str(published.pk)).exists()
    assert took < SEARCH_TIMEOUT, f"publishing waited {took:.2f}s for the frozen node"

    nodes("thaw", frozen_node)
    time.sleep(max(0.0, breaker.state().until - time.time()) + 0.1)

    # The breaker is half-open: this search probes, Elasticsearch answers, and it closes.
    back = search("Brackenridge", user=ANONYMOUS)
    assert (back.backend, back.degraded) == ("elasticsearch", False)
    assert breaker.state() is None
    assert client.get("/healthz").json()["status"] == "ok"
