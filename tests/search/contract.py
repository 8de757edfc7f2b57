"""The three search backends behind one way of asking, for test_backend_contract.py.

A contract test is a scenario (a module-level function that builds its content with the
factories and asks `find`) run on each backend, as django-modelsearch's BackendTests run one
suite on every backend:

- Elasticsearch: in this process, everything indexed into the real node before the first search;
- PostgreSQL: in this process, Elasticsearch configured but unreachable, so the database answers
  (the production fallback, which must say it is degraded);
- SQLite: the embedded default (`commons.settings.dev`, no Elasticsearch) in a child process, on
  a fresh copy of a migrated SQLite file (the test settings accept PostgreSQL only).

A scenario returns plain values (titles, counts), so each backend's answer can be compared.
"""

import importlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.test import override_settings

from search import elasticsearch, services
from search.indexing import sync_documents
from search.sources import sources
from search.types import SearchFilters, SearchResults

ROOT = Path(__file__).resolve().parents[2]
UNREACHABLE = "http://127.0.0.1:9"  # nothing listens on the discard port
ANSWER = "contract-answer:"

Find = Callable[..., dict[str, Any]]
Scenario = Callable[[Find], dict[str, Any]]


def summary(results: SearchResults) -> dict[str, Any]:
    """What the contract compares: the same for every backend."""
    kinds = next((facet for facet in results.facets if facet.name == "kind"), None)
    return {
        "titles": [hit.title for hit in results.hits],
        "kinds": [hit.kind for hit in results.hits],
        "total": results.total,
        "page": results.page,
        "page_count": results.page_count,
        "backend": results.backend,
        "degraded": results.degraded,
        "kind_counts": {value.value: value.count for value in kinds.values} if kinds else {},
    }


def _ask(
    query: str, *, user=None, sort: str = "relevance", page: int = 1, per_page: int = 20, **filters
) -> dict[str, Any]:
    results = services.search(
        query,
        user=user,
        filters=SearchFilters(**filters),
        sort=sort,
        page=page,
        per_page=per_page,
    )
    return summary(results)


class ElasticsearchBackend:
    name = "elasticsearch"
    backend, degraded = "elasticsearch", False

    def __init__(self, client):
        self.client = client

    def run(self, scenario: Scenario) -> dict[str, Any]:
        indexed = False

        def find(query: str, **options) -> dict[str, Any]:
            nonlocal indexed
            if not indexed:
                self._index_everything()
                indexed = True
            return _ask(query, **options)

        return scenario(find)

    def _index_everything(self) -> None:
        for source in sources().values():
            keys = [str(pk) for pk in source.rows().values_list("pk", flat=True)]
            if keys:
                report = sync_documents(source.kind, keys, client=self.client)
                assert not report.failed, report.failed
        self.client.indices.refresh(index="_all")


class PostgresBackend:
    name = "postgresql"
    backend, degraded = "database", True

    def run(self, scenario: Scenario) -> dict[str, Any]:
        elasticsearch._client_for.cache_clear()
        try:
            with override_settings(ELASTICSEARCH_URL=UNREACHABLE):
                return scenario(_ask)
        finally:
            elasticsearch._client_for.cache_clear()


class SqliteBackend:
    name = "sqlite"
    backend, degraded = "database", False

    def __init__(self, migrated: Path, database: Path):
        shutil.copyfile(migrated, database)
        self.database = database

    def run(self, scenario: Scenario) -> dict[str, Any]:
        command = (
            "from tests.search.contract import run_here; "
            f"run_here({scenario.__module__!r}, {scenario.__name__!r})"
        )
        output = manage_embedded(self.database, "shell", "--command", command)
        line = next(line for line in output.splitlines() if line.startswith(ANSWER))
        return json.loads(line.removeprefix(ANSWER))


def run_here(module: str, name: str) -> None:
    """In the embedded site's process: run the scenario, printing its answer for the parent."""
    scenario = getattr(importlib.import_module(module), name)
    print(ANSWER + json.dumps(scenario(_ask)))


def embedded_env(database: Path) -> dict[str, str]:
    """The environment of `make run` on a SQLite file: dev settings, no Elasticsearch."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ELASTICSEARCH_", "DJANGO_", "DATABASE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="commons.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        # Given, so the dev settings do not write secret files into the checkout.
        SECRET_KEY="embedded-default-test",
        DEMO_EDITOR_PASSWORD="embedded-default-test",
    )
    return env


def manage(env: dict[str, str], *arguments: str) -> str:
    """`manage.py` in a child process with this environment; its output, once it succeeded."""
    finished = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    return finished.stdout


def manage_embedded(database: Path, *arguments: str) -> str:
    return manage(embedded_env(database), *arguments)
