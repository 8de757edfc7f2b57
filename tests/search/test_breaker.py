"""The circuit breaker's states, on the local-memory cache (each test starts with it empty).

The calls it guards here are plain functions that answer, fail or take their time: what the
breaker decides from them is what is under test. tests/search/test_cluster.py freezes a real
node. The last test shares the breaker between two processes through the real Redis."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache.backends.base import BaseCache
from django.test import override_settings
from elastic_transport import ApiResponseMeta, ConnectionTimeout, HttpHeaders, NodeConfig
from elastic_transport import ConnectionError as NodeConnectionError
from elasticsearch import ApiError, BadRequestError, NotFoundError

from search import breaker
from search.backends import SearchUnavailable
from search.breaker import BreakerOpen, Permit
from search.outbox import is_outage
from search.services import is_cluster_trouble

NODES = "http://es1.internal:9200,http://es2.internal:9200"
REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.usefixtures("_nodes")


@pytest.fixture
def _nodes():
    with override_settings(
        ELASTICSEARCH_URL=NODES,
        ELASTICSEARCH_BREAKER_SECONDS=30,
        ELASTICSEARCH_BREAKER_SLOW_SECONDS=1.0,
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    ):
        yield


def answer():
    return "answered"


def fail():
    raise NodeConnectionError("connection refused")


def time_out():
    raise ConnectionTimeout("timed out")


def guarded(call):
    return breaker.guarded(call, is_failure=is_outage)


def test_closed_until_something_fails():
    assert breaker.state() is None
    assert breaker.permit() is Permit.CLOSED
    assert guarded(answer) == "answered"
    assert breaker.state() is None


@pytest.mark.parametrize("failure", [fail, time_out], ids=["connection refused", "timeout"])
def test_a_failure_opens_it_and_then_elasticsearch_is_not_called(failure):
    with pytest.raises((NodeConnectionError, ConnectionTimeout)):
        guarded(failure)

    state = breaker.state()
    assert breaker.is_open()
    assert state.until == pytest.approx(state.opened_at + 30)
    assert state.reason.startswith(("ConnectionError", "ConnectionTimeout"))
    called = []
    with pytest.raises(BreakerOpen):
        guarded(lambda: called.append(1))
    assert called == []


def test_a_request_the_node_refuses_does_not_open_it():
    def refused():
        raise BadRequestError("bad query", meta=_meta(400), body={})

    with pytest.raises(BadRequestError):
        guarded(refused)

    assert breaker.state() is None


def test_an_overloaded_node_opens_it():
    def overloaded():
        raise ApiError("too many requests", meta=_meta(429), body={})

    with pytest.raises(ApiError):
        guarded(overloaded)

    assert breaker.is_open()


@override_settings(ELASTICSEARCH_BREAKER_SLOW_SECONDS=0.05)
def test_an_answer_slower_than_the_threshold_opens_it():
    def slow():
        time.sleep(0.1)
        return "late"

    assert guarded(slow) == "late"  # the answer is used; the next searches are spared the wait

    assert breaker.is_open()
    assert "to answer" in breaker.state().reason


def test_after_the_breaker_time_one_request_probes_and_the_others_wait():
    opened = breaker.trip("test")

    assert breaker.permit(now=opened.until - 0.1) is None
    assert breaker.permit(now=opened.until + 0.1) is Permit.PROBE
    assert breaker.permit(now=opened.until + 0.2) is None  # someone is probing


@override_settings(ELASTICSEARCH_BREAKER_SECONDS=0.05)
def test_a_probe_that_is_answered_closes_it():
    breaker.trip("test")
    time.sleep(0.1)

    assert guarded(answer) == "answered"

    assert breaker.state() is None
    assert breaker.permit() is Permit.CLOSED


@override_settings(ELASTICSEARCH_BREAKER_SECONDS=0.05)
def test_a_probe_that_fails_opens_it_again_for_the_full_time():
    first = breaker.trip("test")
    time.sleep(0.1)

    with pytest.raises(NodeConnectionError):
        guarded(fail)

    again = breaker.state()
    assert again.opened_at > first.opened_at
    assert breaker.is_open()
    # The failed probe released its claim: after the next breaker time someone else probes.
    assert breaker.permit(now=again.until + 0.1) is Permit.PROBE


def test_each_cluster_has_its_own_breaker():
    breaker.trip("test")

    with override_settings(ELASTICSEARCH_URL="http://elsewhere.internal:9200"):
        assert breaker.permit() is Permit.CLOSED
    assert breaker.is_open()


class BrokenCache(BaseCache):
    """A cache whose server is gone: every call fails, as Redis's client does when it is down."""

    def __init__(self, location, params):
        super().__init__(params)

    def _broken(self, *args, **kwargs):
        raise ConnectionRefusedError("the cache is down")

    add = get = set = delete = delete_many = clear = _broken


@override_settings(CACHES={"default": {"BACKEND": "tests.search.test_breaker.BrokenCache"}})
def test_a_broken_cache_never_breaks_search_it_counts_as_closed():
    assert breaker.permit() is Permit.CLOSED
    assert guarded(answer) == "answered"
    with pytest.raises(NodeConnectionError):
        guarded(fail)  # trying to open it fails quietly...

    assert breaker.is_open() is False  # ...and search goes on asking Elasticsearch
    assert guarded(answer) == "answered"
    breaker.reset()


def _meta(status: int) -> ApiResponseMeta:
    return ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("http", "es1.internal", 9200),
    )


@override_settings(ELASTICSEARCH_BREAKER_SLOW_SECONDS=0.05)
def test_it_judges_by_the_time_waited_for_elasticsearch_when_told_it():
    def our_own_slow_work():
        time.sleep(0.1)  # reading the vocabulary, say: not the node's fault
        return "answered"

    assert breaker.guarded(our_own_slow_work, is_failure=is_outage, seconds=lambda: 0.01)
    assert breaker.state() is None
    assert breaker.guarded(answer, is_failure=is_outage, seconds=lambda: 0.2)
    assert breaker.is_open()


def test_a_probe_that_never_asked_elasticsearch_proves_nothing_and_lets_the_next_one_probe():
    opened = breaker.trip("test")
    later = opened.until + 0.1
    assert breaker.permit(now=later) is Permit.PROBE

    breaker.record_answer(Permit.PROBE, None)  # an empty search: no request was needed

    assert breaker.state() == opened  # not closed on no evidence
    assert breaker.permit(now=later) is Permit.PROBE  # the next search probes at once


def test_only_a_sick_cluster_counts_against_elasticsearch_not_a_refused_request():
    def unavailable(cause: Exception) -> SearchUnavailable:
        try:
            raise SearchUnavailable("could not search") from cause
        except SearchUnavailable as error:
            return error

    assert is_cluster_trouble(unavailable(ConnectionTimeout("timed out")))
    assert is_cluster_trouble(unavailable(NodeConnectionError("refused")))
    assert is_cluster_trouble(unavailable(ApiError("unavailable", meta=_meta(503), body={})))
    assert not is_cluster_trouble(unavailable(BadRequestError("bad", meta=_meta(400), body={})))
    assert not is_cluster_trouble(unavailable(NotFoundError("no index", meta=_meta(404), body={})))
    assert not is_cluster_trouble(SearchUnavailable("Elasticsearch answered 500 in an msearch"))


def in_another_web_process(code: str, redis_url: str) -> str:
    """Run `code` in a new Django process sharing the Redis cache, as a second web process."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "CACHE_URL", "ELASTICSEARCH_URL")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="commons.settings.dev", CACHE_URL=redis_url, ELASTICSEARCH_URL=NODES
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_with_redis_every_web_process_sees_one_breaker_and_one_probe(redis_url):
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    with override_settings(CACHES={"default": redis}):
        breaker.reset()
        try:
            breaker.trip("the node froze")
            seen = in_another_web_process(
                "from search import breaker; print(breaker.is_open(), breaker.state().reason)",
                redis_url,
            )
            assert seen == "True the node froze"

            breaker.trip("the node froze", now=time.time() - 60)  # due a probe now
            assert breaker.permit() is Permit.PROBE  # this process probes...
            other = in_another_web_process(
                "from search import breaker; print(breaker.permit())", redis_url
            )
            assert other == "None"  # ...so the other one keeps to the database meanwhile
        finally:
            breaker.reset()
