"""What the benchmark scripts share: percentiles, and a throwaway Django site to time.

Scripts run as `.venv/bin/python bench/<name>.py`, so each puts the project root on the path
before importing this module as `bench.timing`.
"""

import os
import statistics
import tempfile


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: `share` 0.95 is the p95 of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def median_and_p95(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), percentile(values, 0.95)


def throwaway_django(database_url: str = "") -> str:
    """Set up Django on a database of its own (SQLite in a temporary folder unless a URL is given),
    with the embedded default's database search and quiet logs, migrated and ready.

    Returns the database's kind ("sqlite", "postgres"...) for the script's figures line.
    """
    scratch = tempfile.mkdtemp(prefix="commons-bench-")
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{scratch}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commons.settings.dev")
    os.environ["DEBUG"] = "false"
    os.environ.pop("ELASTICSEARCH_URL", None)
    os.environ["LOG_LEVEL"] = "WARNING"

    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # emails kept in memory, not sent
    call_command("migrate", verbosity=0)
    return os.environ["DATABASE_URL"].split(":", 1)[0]


def load_demo() -> None:
    from django.core.management import call_command

    with open(os.devnull, "w") as quiet:
        call_command("load_demo", verbosity=0, stdout=quiet)
