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
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.timing import load_demo, median_and_p95, throwaway_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    database = throwaway_django(args.database_url)
    from django.core.management import call_command
    from django.test import Client

    load_demo()
    with open(os.devnull, "w") as quiet:
        call_command("search_entries", verbosity=0, stdout=quiet)

    searches = {
        "tag given once": "/search/?q=shared+service&tag=shared-services",
        f"tag given {args.repeats:,} times": "/search/?q=shared+service&"
        + "&".join(["tag=shared-services"] * args.repeats),
    }
    print(
        f"data: the demo network; database: {database}; "
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
        median, p95 = median_and_p95(timings)
        print(f"{name:28} {median:10.1f} {p95:9.1f} {len(response.content):11,}")


if __name__ == "__main__":
    main()
