"""The database's own search entries, on real PostgreSQL: written when content changes and the
worker drains (Elasticsearch up or not), searched with their stored vectors, never shown to the
wrong people, and a search that runs too long stopped and said so."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from community.models import Community, ContentStatus, Membership, Thread
from search import elasticsearch, entries, outbox, services
from search.backends import database, database_postgres, database_pruning
from search.models import IndexTask, SearchEntry, SearchEntryText
from search.types import SearchFilters
from tests.factories import CommunityFactory, make_member, make_thread

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()
UNREACHABLE = {"ELASTICSEARCH_URL": "http://127.0.0.1:9", "ELASTICSEARCH_TIMEOUT_SECONDS": 1}


def entry_of(obj) -> SearchEntry | None:
    kind = "thread" if isinstance(obj, Thread) else "community"
    return SearchEntry.objects.filter(kind=kind, object_id=str(obj.pk)).first()


def found(query: str, *, user=ANONYMOUS) -> list[str]:
    results = database.search(
        query, user=user, filters=SearchFilters(), sort="relevance", page=1, per_page=20
    )
    return [hit.title for hit in results.hits]


@pytest.fixture
def unreachable():
    """Elasticsearch configured but not answering, as in an outage."""
    elasticsearch._client_for.cache_clear()
    with override_settings(**UNREACHABLE):
        yield
    elasticsearch._client_for.cache_clear()


def test_the_worker_writes_the_entry_when_content_changes(search_index):
    thread = make_thread(CommunityFactory(name="Fleet managers"), title="Electric bin lorries")

    outbox.drain(client=search_index.client)

    entry = entry_of(thread)
    assert (entry.text.title, entry.audience, entry.community) == (
        "Electric bin lorries",
        "public",
        thread.community.slug,
    )
    assert entry.vector is not None  # stored and indexed on PostgreSQL, never built per query

    thread.title = "Hydrogen bin lorries"
    thread.save()
    outbox.drain(client=search_index.client)
    assert entry_of(thread).text.title == "Hydrogen bin lorries"

    thread.status = ContentStatus.HIDDEN
    thread.save()
    outbox.drain(client=search_index.client)
    assert entry_of(thread) is None


def test_entries_are_written_while_elasticsearch_is_unreachable(unreachable):
    thread = make_thread(CommunityFactory(), title="Shared payroll during the outage")

    report = outbox.drain()

    assert report.unavailable
    assert report.entries == IndexTask.objects.count()
    assert entry_of(thread).text.title == "Shared payroll during the outage"
    # The node's side still waits, and the outage used none of the task's attempts.
    task = IndexTask.objects.get(kind="thread", object_id=str(thread.pk))
    assert (task.done_at, task.attempts) == (None, 0)
    assert task.entry_written_at is not None
    # A degraded search finds it at once.
    results = services.search("shared payroll", user=ANONYMOUS)
    assert results.degraded
    assert results.hits[0].title == "Shared payroll during the outage"


def test_the_worker_run_once_writes_entries_before_saying_the_node_is_down(unreachable):
    thread = make_thread(CommunityFactory(), title="Written despite the outage")

    # The thread and its new community.
    with pytest.raises(SystemExit, match="2 search entries were written"):
        call_command("search_worker", "--once")

    assert entry_of(thread) is not None


def test_a_members_only_entry_is_found_by_members_and_nobody_else(unreachable):
    private = CommunityFactory(name="Finance leads", visibility=Community.Visibility.MEMBERS)
    thread = make_thread(private, title="Confidential restructure savings")
    member = make_member(private)
    pending = make_member(private, status=Membership.Status.PENDING)
    outsider = make_member(CommunityFactory(name="Open community"))
    outbox.drain()

    assert entry_of(thread).audience == f"community:{private.pk}"
    assert found("confidential restructure", user=member) == ["Confidential restructure savings"]
    for person in (ANONYMOUS, pending, outsider):
        assert "Confidential restructure savings" not in found(
            "confidential restructure", user=person
        )


def test_a_community_turning_members_only_hides_its_threads_entries(unreachable):
    community = CommunityFactory(name="Waste officers")
    make_thread(community, title="Depot sharing agreement")
    outbox.drain()
    assert "Depot sharing agreement" in found("depot sharing")

    community.visibility = Community.Visibility.MEMBERS
    community.save()
    outbox.drain()

    assert "Depot sharing agreement" not in found("depot sharing")


def test_search_entries_fills_existing_rows_and_removes_what_should_not_be_found():
    community = CommunityFactory(name="Procurement leads")
    kept = make_thread(community, title="Framework agreements")
    hidden = make_thread(community, title="Spam offer")
    SearchEntry.objects.all().delete()
    gone = SearchEntry.objects.create(kind="thread", object_id="999999", audience="public")
    SearchEntryText.objects.create(entry=gone, title="Gone")
    Thread.objects.filter(pk=hidden.pk).update(status=ContentStatus.HIDDEN)  # no signal

    call_command("search_entries", stdout=io.StringIO())

    assert entry_of(kept) is not None
    assert entry_of(community) is not None
    assert entry_of(hidden) is None
    assert not SearchEntry.objects.filter(object_id="999999").exists()
    assert not entries.waiting().exists()


def test_a_search_past_its_time_limit_answers_empty_and_says_so(unreachable, monkeypatch, client):
    make_thread(CommunityFactory(), title="Shared legal services")
    outbox.drain()
    counts = database_postgres.counts

    def slow_counts(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(0.5)")
        return counts(*args, **kwargs)

    monkeypatch.setattr(database_postgres, "counts", slow_counts)
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        (before,) = cursor.fetchone()

    with override_settings(SEARCH_FALLBACK_TIMEOUT_MS=50):
        results = services.search("legal services", user=ANONYMOUS)
        page = client.get("/search/", {"q": "legal services"})
        api = client.get("/api/search/", {"q": "legal services"}).json()

    assert (results.timed_out, results.degraded, results.total, results.hits) == (
        True,
        True,
        0,
        [],
    )
    assert page.status_code == 200
    assert "this search took too long" in page.content.decode()
    assert (api["timed_out"], api["total"]) == (True, 0)
    # The limit was the search's own: the connection's setting is as it was, and usable.
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == (before,)
    monkeypatch.setattr(database_postgres, "counts", counts)
    assert found("legal services")[0] == "Shared legal services"


def test_within_its_time_limit_a_search_leaves_the_connections_setting_alone(unreachable):
    make_thread(CommunityFactory(), title="Joint internal audit")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        (before,) = cursor.fetchone()

    with override_settings(SEARCH_FALLBACK_TIMEOUT_MS=5000):
        assert found("internal audit")[0] == "Joint internal audit"

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == (before,)


def test_ranking_only_what_can_reach_the_page_gives_the_same_page(unreachable, monkeypatch):
    community = CommunityFactory(name="Finance officers")
    for number in range(4):
        make_thread(community, title=f"Data migration took longer than planned ({number})")
    for number in range(3):
        make_thread(community, title=f"Data migration overran ({number})")
    for number in range(8):
        make_thread(community, title=f"Planned data ({number})")
        make_thread(community, title=f"Longer lunch ({number})")
    outbox.drain()
    question = "data migration took longer than planned"

    def page(per_page: int) -> list[tuple[str, float]]:
        results = database.search(
            question,
            user=ANONYMOUS,
            filters=SearchFilters(),
            sort="relevance",
            page=1,
            per_page=per_page,
        )
        return [(hit.title, hit.score) for hit in results.hits]

    narrowed = []
    rankable = database_pruning.rankable

    def spied(*args, **kwargs):
        narrowed.append(rankable(*args, **kwargs))
        return narrowed[-1]

    monkeypatch.setattr(database_pruning, "rankable", spied)
    pruned = {per_page: page(per_page) for per_page in (2, 4, 6)}
    monkeypatch.setattr(database_pruning, "rankable", lambda *args, **kwargs: None)
    everything = {per_page: page(per_page) for per_page in (2, 4, 6)}

    assert any(q is not None for q in narrowed), "such a question should be narrowed"
    assert pruned == everything
    assert pruned[2][0][0].startswith("Data migration took longer than planned")
