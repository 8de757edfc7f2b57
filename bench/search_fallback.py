"""The PostgreSQL fallback for `bench/search.py`: what degraded search costs when Elasticsearch is
down, at the benchmark's data size.

- filling: `search.entries.fill_all` (what `manage.py search_entries` runs) writes every
  document's search entry and its stored vector;
- search: the same fixed queries as the Elasticsearch measurement, through `GET /api/search/`
  (the whole Django stack) as an anonymous person, with `ELASTICSEARCH_URL` pointing at a port
  nothing listens on, so every answer is the degraded one; one warm-up round, then R rounds.
"""

import statistics
import time

from django.test import Client, override_settings

from bench.search import UNREACHABLE
from bench.search_latency import Addresses, resolved_queries, timed
from bench.timing import percentile


def fill_entries() -> tuple[int, float]:
    from django.db import connection

    from search import entries

    started = time.perf_counter()
    written = entries.fill_all()
    seconds = time.perf_counter() - started
    # What autovacuum does soon after a fill: with --reuse-data the fill rewrote every row, and
    # searching before the dead half is vacuumed would measure the bloat, not the search.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE search_searchentry")
            cursor.execute("VACUUM ANALYZE search_searchentrytext")
    return sum(written.values()), seconds


def measure_fallback(*, rounds: int) -> dict:
    """Degraded API searches: every time, and per query its median, to name the slowest."""
    from search import elasticsearch
    from search.models import SearchEntry

    entries_count, fill_seconds = fill_entries()
    browser, addresses = Client(), Addresses()
    queries = resolved_queries()
    times: list[float] = []
    per_query: dict[str, list[float]] = {}
    stopped = 0
    elasticsearch._client_for.cache_clear()
    with override_settings(ELASTICSEARCH_URL=UNREACHABLE, ELASTICSEARCH_TIMEOUT_SECONDS=1):
        for round_number in range(rounds + 1):
            for params in queries:
                ms, response = timed(
                    browser.get, "/api/search/", params, REMOTE_ADDR=addresses.next()
                )
                answer = response.json()
                if response.status_code != 200 or not answer["degraded"]:
                    raise SystemExit(f"{params}: not a degraded answer ({response.status_code})")
                if round_number == 0:
                    continue  # warm-up (the lexicon is read on the first search)
                stopped += answer["timed_out"]
                times.append(ms)
                per_query.setdefault(str(params), []).append(ms)
    elasticsearch._client_for.cache_clear()
    slowest = sorted(per_query.items(), key=lambda item: -statistics.median(item[1]))[:3]
    return {
        "entries": entries_count,
        "documents": SearchEntry.objects.count(),
        "fill_seconds": fill_seconds,
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
        "searches": len(times),
        "timed_out": stopped,
        "slowest": [(query, statistics.median(ms)) for query, ms in slowest],
    }


def print_fallback(result: dict) -> None:
    from django.db import connection

    print(
        f"\nDatabase fallback on {connection.vendor} (Elasticsearch unreachable), "
        f"{result['documents']} search entries:"
    )
    print("| measure | value |\n| --- | ---: |")
    print(
        f"| filling the entries (`search_entries`) | {result['fill_seconds']:.1f} s, "
        f"{result['entries'] / result['fill_seconds']:,.0f} entries/s |"
    )
    print(
        f"| degraded search API, median / p95 ({result['searches']} searches, "
        f"{result['documents']:,} entries) | {result['median']:.1f} / {result['p95']:.1f} ms |"
    )
    print(f"| searches stopped by the time limit | {result['timed_out']} |")
    for query, ms in result["slowest"]:
        print(f"slowest: {query} median {ms:.1f} ms")
