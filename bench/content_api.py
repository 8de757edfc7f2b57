"""Time what partners and reusers ask of Commons: the content API, the open-data downloads and
the widget's script, on the demo network and with more case studies.

Usage: .venv/bin/python bench/content_api.py [--requests N] [--extra-case-studies N]
                                              [--database-url URL]

Builds a throwaway database (SQLite in a temporary folder unless --database-url is given),
migrates it, loads the demo network (plus N live copies of its case studies), issues a partner
key, then requests each address N times through Django's test client (the whole Django stack, no
network) with that key, as a partner's program would, and prints the median and 95th percentile
per address with the data size. Nothing here asserts a time: the figures go in BENCHMARKS.md.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.knowledge_pages import add_case_study_copies  # noqa: E402
from bench.timing import load_demo, median_and_p95, throwaway_django  # noqa: E402

ADDRESSES = [
    ("API: case studies, first page of 20", "/api/v1/case-studies/"),
    ("API: case studies, page of 100", "/api/v1/case-studies/?limit=100"),
    ("API: case studies, far page", "/api/v1/case-studies/?limit=20&offset=600"),
    (
        "API: case studies, 2 filters",
        "/api/v1/case-studies/?service_area=revenues-and-benefits&region=north-east",
    ),
    ("API: one case study", None),  # filled in with a real id
    ("API: organisations", "/api/v1/organisations/"),
    ("API: stories", "/api/v1/stories/"),
    ("API: open data, figures", "/api/v1/open-data/case-study-figures/?limit=100"),
    ("API: search", "/api/v1/search/?q=shared+revenues+team"),
    ("download: figures CSV (all rows)", "/open-data/case-study-figures.csv"),
    ("download: figures JSON (all rows)", "/open-data/case-study-figures.json"),
    ("widget script", "/embed/widget-v1.js"),
]


def timed(client, url: str, requests: int, **headers) -> tuple[float, float, int]:
    client.get(url, **headers)  # warm caches and lazy imports
    timings = []
    status = 0
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url, **headers)
        timings.append((time.perf_counter() - start) * 1000)
        status = response.status_code
        if status not in (200, 304):
            raise SystemExit(f"{url} answered {status}")
    median, p95 = median_and_p95(timings)
    return median, p95, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--extra-case-studies",
        type=int,
        default=0,
        help="copies of the demo case studies to add, to see how the answers grow with data",
    )
    args = parser.parse_args()

    database = throwaway_django(args.database_url)
    from django.test import Client

    from commons.models import PartnerApiKey
    from knowledge.models import CaseStudyPage

    load_demo()
    if args.extra_case_studies:
        add_case_study_copies(args.extra_case_studies)
    # A partner's key with room for the whole run: the per-address limit would refuse it.
    _, key = PartnerApiKey.objects.create_key(name="Benchmark", requests_per_minute=100_000)
    with_key = {"HTTP_AUTHORIZATION": f"Api-Key {key}"}
    newest = CaseStudyPage.objects.live().order_by("-first_published_at").first()

    client = Client()
    print(
        f"data: {CaseStudyPage.objects.live().count()} live case studies; "
        f"database: {database}; {args.requests} requests an address, with a partner key"
    )
    print(f"{'address':40} {'median ms':>10} {'p95 ms':>8}")
    for name, url in ADDRESSES:
        url = url or f"/api/v1/case-studies/{newest.pk}/"
        median, p95, _ = timed(client, url, args.requests, **with_key)
        print(f"{name:40} {median:10.1f} {p95:8.1f}")
    etag = client.get("/api/v1/case-studies/", **with_key)["ETag"]
    median, p95, status = timed(
        client, "/api/v1/case-studies/", args.requests, HTTP_IF_NONE_MATCH=etag, **with_key
    )
    name = f"API: case studies, repeat with ETag ({status})"
    print(f"{name:40} {median:10.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
