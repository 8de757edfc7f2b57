"""Time the knowledge base's busiest pages on the demo network.

Usage: .venv/bin/python bench/knowledge_pages.py [--requests N] [--extra-case-studies N]
                                                  [--database-url URL]

Builds a throwaway database (SQLite in a temporary folder unless --database-url is given),
migrates it, loads the demo network, then requests each page N times through Django's test client
(the whole Django stack, no network) and prints the median and 95th percentile per page, with the
data size. Nothing here asserts a time: the figures go in BENCHMARKS.md.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.timing import load_demo, median_and_p95, throwaway_django  # noqa: E402

PAGES = [
    ("home", "/"),
    ("case study list", "/case-studies/"),
    ("case study list, 3 filters", "/case-studies/?stage=live&savings_min=100000&sort=savings"),
    ("resource list", "/resources/"),
    ("case study", "/case-studies/tri-council-revenues-and-benefits/"),
    ("service area with chart", "/service-areas/revenues-and-benefits/"),
    ("organisation", "/organisations/northshire-county-council/"),
    ("tag", "/tags/shared-services/"),
    ("RSS feed", "/case-studies/feed/rss/"),
]


def add_case_study_copies(count: int) -> None:
    """Live copies of the demo's case studies (organisations, areas and tags kept), in bulk."""
    from knowledge.models import CaseStudyPage
    from knowledge.services import library_ensure

    originals = list(CaseStudyPage.objects.live().prefetch_related("organisations", "tags"))
    parent = library_ensure().case_studies
    for number in range(count):
        original = originals[number % len(originals)]
        copy = CaseStudyPage(
            title=f"{original.title} ({number})",
            slug=f"{original.slug}-{number}",
            summary=original.summary,
            stage=original.stage,
            what_went_wrong=original.what_went_wrong,
            annual_savings_pounds=original.annual_savings_pounds,
            savings_percent=original.savings_percent,
            first_published_at=original.first_published_at,
        )
        parent.add_child(instance=copy)
        copy.organisations.set(original.organisations.all())
        copy.tags.set([tag.name for tag in original.tags.all()])
        copy.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--extra-case-studies",
        type=int,
        default=0,
        help="copies of the demo case studies to add, to see how the pages grow with data",
    )
    args = parser.parse_args()

    database = throwaway_django(args.database_url)
    from django.test import Client

    from knowledge.models import CaseStudyPage, ResourcePage

    load_demo()

    if args.extra_case_studies:
        add_case_study_copies(args.extra_case_studies)

    client = Client()
    print(
        f"data: {CaseStudyPage.objects.live().count()} live case studies, "
        f"{ResourcePage.objects.live().count()} live resources; "
        f"database: {database}; {args.requests} requests a page"
    )
    print(f"{'page':34} {'median ms':>10} {'p95 ms':>8}")
    for name, url in PAGES:
        client.get(url)  # warm caches and lazy imports
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        median, p95 = median_and_p95(timings)
        print(f"{name:34} {median:10.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
