"""Search at scale: indexing throughput, search and autocomplete latency, index size.

Usage: .venv/bin/python bench/search.py --items N [--rounds R] [--batch B] [--query-costs]
                                        [--database-url URL] [--elasticsearch-url URL]
                                        [--fallback-only]

Starts its own PostgreSQL and Elasticsearch (scripts/postgres.sh, scripts/elasticsearch.sh) unless
URLs are given, migrates, writes N realistic items (bench/search_data.py, seeded), then measures in
the one run, on the same documents:
  - indexing: the project's indexer (`sync_documents`, per kind in batches: reads the database,
    builds documents, bulk-sends) against Elasticsearch's bulk helper sending the same documents,
    built beforehand; each into a fresh index with the project's settings, refresh off while
    filling (as `search_rebuild` does) and one refresh at the end, inside the timing for both;
  - search: `GET /api/search/` through Django's test client (the whole Django stack, no network)
    as an anonymous person, against the body `search.query.build_search_body` makes for the same
    request sent straight to the node; over a fixed list of queries, warm-up then R rounds;
  - autocomplete: `GET /search/autocomplete/` against its body sent straight to the node;
  - the index's size and document count;
  - the PostgreSQL fallback (bench/search_fallback.py): filling the database's search entries,
    then the same searches through the API with Elasticsearch unreachable (degraded answers).
    `--fallback-only` measures this alone, without starting Elasticsearch.
Prints Markdown-ready tables for BENCHMARKS.md. Nothing here asserts a time.
"""

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "bench"
# Nothing listens here: an Elasticsearch that refuses connections, for the degraded searches.
UNREACHABLE = "http://127.0.0.1:9"
# The project's own batch size for bulk requests (search.indexing, search.rebuild).
BATCH = 500


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return f"{os.cpu_count()} cores ({cpu}), {memory_kb / 1024 / 1024:.0f} GiB RAM"


def load() -> str:
    """The machine is shared: say how busy it was, since that moves every figure."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min)"


class Services:
    """The private PostgreSQL and Elasticsearch this run starts (and always stops)."""

    def __init__(self) -> None:
        self.started: list[tuple[str, str]] = []

    def start(self, script: str) -> str:
        folder = tempfile.mkdtemp(prefix=f"commons-bench-{script}-")
        self.started.append((script, folder))
        script_path = str(ROOT / "scripts" / f"{script}.sh")
        # Our own scripts with fixed arguments.
        answer = subprocess.run(  # noqa: S603
            ["bash", script_path, "start", folder],  # noqa: S607
            check=True,
            capture_output=True,
            text=True,
        )
        return answer.stdout.strip().splitlines()[-1]

    def stop(self) -> None:
        for script, folder in reversed(self.started):
            script_path = str(ROOT / "scripts" / f"{script}.sh")
            subprocess.run(["bash", script_path, "stop", folder])  # noqa: S603, S607


def setup_django(database_url: str, elasticsearch_url: str) -> None:
    # Python put bench/ first on the path, where this file would shadow the `search` app.
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ["ELASTICSEARCH_URL"] = elasticsearch_url
    os.environ["ELASTICSEARCH_INDEX_PREFIX"] = PREFIX
    # A slow node must show in the figures, not turn into the database fallback (nor open the
    # circuit breaker, which would send the following searches there).
    os.environ["ELASTICSEARCH_TIMEOUT_SECONDS"] = "30"
    os.environ["ELASTICSEARCH_SEARCH_TIMEOUT_SECONDS"] = "30"
    os.environ["ELASTICSEARCH_BREAKER_SLOW_SECONDS"] = "30"
    os.environ["DJANGO_SETTINGS_MODULE"] = "commons.settings.dev"
    os.environ["DEBUG"] = "false"
    os.environ["LOG_LEVEL"] = "WARNING"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    # Wagtail's own admin index is not what is measured: do not let page saves feed it.
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False
    call_command("migrate", verbosity=0)


def content_counts() -> Counter:
    from search.sources import sources

    return Counter({kind: source.indexable().count() for kind, source in sources().items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000, help="items to generate")
    parser.add_argument("--rounds", type=int, default=10, help="timed rounds over the queries")
    parser.add_argument("--batch", type=int, default=BATCH, help="documents per bulk request")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--elasticsearch-url", default="")
    parser.add_argument(
        "--query-costs",
        action="store_true",
        help="also time the raw search body with each costly part left out in turn",
    )
    parser.add_argument(
        "--reuse-data",
        action="store_true",
        help="with --database-url: keep content already there instead of generating",
    )
    parser.add_argument(
        "--fallback-only",
        action="store_true",
        help="time only the PostgreSQL fallback (no Elasticsearch is started)",
    )
    args = parser.parse_args()

    services = Services()
    try:
        database_url = args.database_url or services.start("postgres")
        if args.fallback_only:
            elasticsearch_url = UNREACHABLE
        else:
            elasticsearch_url = args.elasticsearch_url or services.start("elasticsearch")
        setup_django(database_url, elasticsearch_url)
        run(args)
    finally:
        services.stop()


def run(args: argparse.Namespace) -> None:
    from bench.search_data import generate
    from bench.search_fallback import measure_fallback, print_fallback
    from bench.search_latency import (
        measure_autocomplete,
        measure_search,
        print_latency,
        query_costs,
    )
    from bench.search_loading import index_size, measure_indexing, measure_outbox
    from search import elasticsearch
    from search.models import IndexTask

    print(f"machine: {machine()}; Python {platform.python_version()}; {load()}")
    existing = content_counts()
    if args.reuse_data and sum(existing.values()):
        print(f"data: reusing {sum(existing.values())} items already in the database")
    else:
        started = time.perf_counter()
        mix = generate(args.items, seed=args.seed)
        print(f"data: generated {dict(mix)} in {time.perf_counter() - started:.0f} s")
    # Page saves wrote outbox tasks through the project's signals; they are not measured here.
    IndexTask.objects.all().delete()
    counts = content_counts()
    print(
        f"indexable documents: {sum(counts.values())} "
        f"({', '.join(f'{kind} {n}' for kind, n in counts.items())})"
    )
    if args.fallback_only:
        print_fallback(measure_fallback(rounds=args.rounds))
        print(f"\nat the end: {load()}")
        return
    client = elasticsearch.client()
    index = measure_indexing(client, batch=args.batch)
    size = index_size(client, index)
    print(
        f"\nindex: {size['docs']} documents, {size['bytes'] / 1024 / 1024:.1f} MiB "
        f"({size['segments']} segments)"
    )
    search = measure_search(client, rounds=args.rounds)
    autocomplete = measure_autocomplete(client, rounds=args.rounds)
    print_latency(search, autocomplete)
    if args.query_costs:
        query_costs(client, rounds=max(2, args.rounds // 2))
    print_fallback(measure_fallback(rounds=args.rounds))
    measure_outbox(client, batch=args.batch)
    print(f"\nat the end: {load()}")


if __name__ == "__main__":
    main()
