"""Time the search page when the address repeats a filter value thousands of times.

Usage: .venv/bin/python bench/search_repeats.py [--requests N] [--repeats R] [--database-url URL]

Builds a throwaway database (SQLite in a temporary folder unless --database-url is given),
migrates it, loads the demo network and fills its search entries, then asks `/search/` through
Django's test client (the whole Django stack, no network; no ELASTICSEARCH_URL, so the database
answers, as in the embedded default) N times each for: a search with one tag filter, and the same
search with that tag given R times (issue #13, item 7: 3,000 repeats took the live site 11-15 s).
Prints the median and 95th percentile of each, with the size of the page. Nothing here asserts a
time: the figures go in BENCHMARKS.md.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    scratch = tempfile.mkdtemp(prefix="commons-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{scratch}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commons.settings.dev")
    os.environ["DEBUG"] = "false"
    os.environ.pop("ELASTICSEARCH_URL", None)
    os.environ["LOG_LEVEL"] = "WARNING"

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("search_entries", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115

    searches = {
        "tag given once": "/search/?q=shared+service&tag=shared-services",
        f"tag given {args.repeats:,} times": "/search/?q=shared+service&"
        + "&".join(["tag=shared-services"] * args.repeats),
    }
    print(
        f"data: the demo network; database: {os.environ['DATABASE_URL'].split(':', 1)[0]}; "
        f"{args.requests} requests a search, after one warm-up"
    )
    print(f"{'search':28} {'median ms':>10} {'p95 ms':>9} {'page bytes':>11}")
    # One client per request: each IP is its own visitor, so the search page's rate limit
    # never answers in place of the search being measured.
    for name, url in searches.items():
        timings = []
        for number in range(args.requests + 1):
            client = Client(REMOTE_ADDR=f"10.0.{number // 250}.{number % 250 + 1}")
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{name} answered {response.status_code}")
            if number:
                timings.append(elapsed)
        print(
            f"{name:28} {statistics.median(timings):10.1f} {percentile(timings, 0.95):9.1f} "
            f"{len(response.content):11,}"
        )


if __name__ == "__main__":
    main()
