"""Search relevance per backend on a judged set: nDCG@5 and MRR by class of query.

Usage: .venv/bin/python bench/relevance.py [--backend elasticsearch|postgres|sqlite|all]
                                           [--split tune|held-out|all] [--json FILE]
                                           [--show-failures]

Each backend gets a fresh database holding the demo (`load_demo`, `load_community_demo`) and the
judged corpus on top (`import_content bench/relevance/corpus.json`). Every query in
bench/relevance/judgements.json then goes through `search.services.search` as an anonymous reader,
with 10 results a page (the function the search page and the JSON API call), and the results'
paths are scored against the judged grades (2 answers the query, 1 is partly relevant):
  - elasticsearch: a private PostgreSQL and Elasticsearch started with the project's scripts (as
    bench/search.py does), the index built by `search_rebuild`;
  - postgres: the same PostgreSQL with Elasticsearch switched off, so the database backend answers
    (the production fallback);
  - sqlite: a fresh SQLite file in a temporary folder and no Elasticsearch (the embedded default),
    measured in a subprocess, since one process holds one Django database configuration.
Prints Markdown tables. Nothing asserts a figure: it measures, so the ranking can be tuned on the
"tune" queries and checked on the "held-out" ones.
"""

import argparse
import dataclasses
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# Python put bench/ first on the path, where bench/search.py would shadow the `search` app.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.relevance_metrics import ndcg_at, reciprocal_rank, summarise  # noqa: E402
from bench.search import Services, content_counts, machine, setup_django  # noqa: E402
from bench.search import load as machine_load  # noqa: E402

DATA = ROOT / "bench" / "relevance"
CORPUS = DATA / "corpus.json"
JUDGEMENTS = DATA / "judgements.json"
BACKENDS = ("elasticsearch", "postgres", "sqlite")
CLASSES = (
    "acronym",
    "typo",
    "joined-word",
    "paraphrase",
    "citizen-language",
    "stemming",
    "keyword",
)
SPLITS = ("tune", "held-out")
PER_PAGE = 10
FAILING_BELOW = 0.5


@dataclasses.dataclass
class BackendRun:
    """One backend's answers to the judged queries, and what it searched."""

    backend: str
    documents: int  # documents the backend searched (in the index, or indexable rows)
    kinds: dict[str, int]
    setup_seconds: float  # starting services, loading content, building the index
    query_seconds: float
    results: list[dict]
    unknown_paths: list[str]  # judged paths no public document has: a mistake in the judgements


def load_queries(split: str) -> list[dict]:
    queries = json.loads(JUDGEMENTS.read_text())
    return [query for query in queries if split == "all" or query["split"] == split]


def path_of(url: str) -> str:
    """A result's path as the judgements name it: absolute or not, with any fragment, since a
    story is its service's page with `#story-<id>`."""
    parts = urlsplit(url)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def load_content(*, confirm_mined: bool = False) -> None:
    """The demo network, its communities and conversations, and the judged corpus on top; with
    `confirm_mined`, every acronym the content defines confirmed, as an editor would."""
    from django.core.management import call_command
    from django.test import override_settings

    quiet = io.StringIO()
    call_command("load_demo", stdout=quiet)
    # The community demo refuses to load outside DEBUG, to keep it off production sites.
    with override_settings(DEBUG=True):
        call_command("load_community_demo", password=secrets.token_urlsafe(16), stdout=quiet)
    call_command("import_content", str(CORPUS), stdout=quiet)
    if confirm_mined:
        confirm_mined_acronyms()


def confirm_mined_acronyms() -> None:
    """What an editor does on the "Search vocabulary" screen: mine the content (the indexer
    also does this; the command reaches SQLite too) and confirm every candidate."""
    from django.core.management import call_command

    from search import vocabulary
    from search.models import VocabularyEntry

    call_command("search_mine_vocabulary", stdout=io.StringIO())
    waiting = VocabularyEntry.objects.filter(status=VocabularyEntry.Status.CANDIDATE)
    waiting.update(status=VocabularyEntry.Status.CONFIRMED)
    vocabulary.clear_cache()


def public_paths() -> set[str]:
    """The path of every document an anonymous reader may find, built by the search sources."""
    from search.sources import sources

    paths = set()
    for source in sources().values():
        ids = [str(pk) for pk in source.indexable().values_list("pk", flat=True)]
        for body in source.documents(ids).values():
            if body.get("audience") == "public":
                paths.add(path_of(body["url"]))
    return paths


def unknown_judged_paths(queries: list[dict]) -> list[str]:
    known = public_paths()
    return sorted({path for query in queries for path in query["relevant"]} - known)


def ask(query: dict, backend: str) -> dict:
    """One judged query through the public search function, scored."""
    from django.contrib.auth.models import AnonymousUser

    from search.services import search

    answer = search(query["query"], user=AnonymousUser(), per_page=PER_PAGE)
    wanted = "elasticsearch" if backend == "elasticsearch" else "database"
    if answer.backend != wanted or answer.degraded:
        # A fallback answer would be scored as the wrong backend's: stop rather than mislead.
        raise SystemExit(
            f"{backend}: {query['query']!r} was answered by {answer.backend}"
            f"{' (degraded)' if answer.degraded else ''}"
        )
    paths = [path_of(hit.url) for hit in answer.hits]
    return {
        **{key: query[key] for key in ("id", "query", "class", "split")},
        "total": answer.total,
        "paths": paths,
        "ndcg5": ndcg_at(paths, query["relevant"], k=5),
        "rr": reciprocal_rank(paths, query["relevant"]),
        "relevant": query["relevant"],
    }


def measure(
    backend: str, queries: list[dict], *, setup_seconds: float, documents: int | None = None
) -> BackendRun:
    """Every query through `backend`; `documents` is the index's count where there is one."""
    kinds = dict(content_counts())
    started = time.perf_counter()
    results = [ask(query, backend) for query in queries]
    return BackendRun(
        backend=backend,
        documents=sum(kinds.values()) if documents is None else documents,
        kinds=kinds,
        setup_seconds=setup_seconds,
        query_seconds=time.perf_counter() - started,
        results=results,
        unknown_paths=unknown_judged_paths(queries),
    )


def build_index() -> int:
    """`search_rebuild`, as an operator runs it; returns how many documents the index holds."""
    from django.core.management import call_command

    from search import elasticsearch
    from search.documents import alias_name

    call_command("search_rebuild", stdout=io.StringIO())
    client = elasticsearch.client()
    client.indices.refresh(index=alias_name())
    return client.count(index=alias_name())["count"]


def run_server_backends(
    backends: list[str], queries: list[dict], *, confirm_mined: bool = False
) -> list[BackendRun]:
    """Elasticsearch and the PostgreSQL fallback, on one private PostgreSQL (and node)."""
    from django.test import override_settings

    services = Services()
    runs = []
    try:
        started = time.perf_counter()
        database_url = services.start("postgres")
        elasticsearch_url = services.start("elasticsearch") if "elasticsearch" in backends else ""
        setup_django(database_url, elasticsearch_url)
        load_content(confirm_mined=confirm_mined)
        documents = build_index() if "elasticsearch" in backends else None
        # Both backends search the same database, loaded once.
        setup_seconds = time.perf_counter() - started
        if "elasticsearch" in backends:
            runs.append(
                measure("elasticsearch", queries, setup_seconds=setup_seconds, documents=documents)
            )
        if "postgres" in backends:
            with override_settings(ELASTICSEARCH_URL=""):
                runs.append(measure("postgres", queries, setup_seconds=setup_seconds))
    finally:
        services.stop()
    return runs


def run_sqlite(split: str, *, confirm_mined: bool = False) -> BackendRun:
    """The embedded default, in a subprocess of this script with its own SQLite file."""
    folder = tempfile.mkdtemp(prefix="commons-relevance-sqlite-")
    try:
        output = Path(folder) / "results.json"
        environment = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3"}
        environment.pop("ELASTICSEARCH_URL", None)
        # This same script, with fixed arguments.
        subprocess.run(  # noqa: S603
            [
                sys.executable,
                __file__,
                "--split",
                split,
                "--sqlite-here",
                str(output),
                *(["--confirm-mined"] if confirm_mined else []),
            ],
            check=True,
            env=environment,
        )
        return BackendRun(**json.loads(output.read_text()))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sqlite_here(split: str, output: Path, *, confirm_mined: bool = False) -> None:
    """Inside the subprocess: load, query and write the run as JSON for the parent."""
    started = time.perf_counter()
    setup_django(os.environ["DATABASE_URL"], "")
    load_content(confirm_mined=confirm_mined)
    run = measure("sqlite", load_queries(split), setup_seconds=time.perf_counter() - started)
    output.write_text(json.dumps(dataclasses.asdict(run)))


def class_table(results: list[dict]) -> list[str]:
    lines = ["| class | nDCG@5 | MRR | queries |", "| --- | ---: | ---: | ---: |"]
    for name, summary in summarise(results, CLASSES).items():
        label = f"**{name}**" if name == "all" else name
        lines.append(f"| {label} | {summary.ndcg:.3f} | {summary.mrr:.3f} | {summary.queries} |")
    return lines


def print_backend(run: BackendRun, splits: list[str]) -> None:
    kinds = ", ".join(f"{kind} {count}" for kind, count in run.kinds.items())
    print(f"\n## {run.backend}\n")
    print(
        f"documents searched: {run.documents} (indexable: {kinds}); setup "
        f"{run.setup_seconds:.0f} s, {len(run.results)} queries in {run.query_seconds:.1f} s"
    )
    for path in run.unknown_paths:
        print(f"WARNING: judged path {path} is not a public document")
    for split in splits:
        results = [row for row in run.results if row["split"] == split]
        print(f"\n### {split} ({len(results)} queries)\n")
        print("\n".join(class_table(results)))


def print_summary(runs: list[BackendRun], split: str) -> None:
    names = [*CLASSES, "all"]
    print(f"\n## nDCG@5 by backend and class ({split} queries)\n")
    print("| backend | " + " | ".join(names) + " |")
    print("| --- |" + " ---: |" * len(names))
    for run in runs:
        results = [row for row in run.results if split in ("all", row["split"])]
        summary = summarise(results, CLASSES)
        cells = [f"{summary[name].ndcg:.3f}" if name in summary else "-" for name in names]
        print(f"| {run.backend} | " + " | ".join(cells) + " |")


def print_failures(run: BackendRun) -> None:
    failing = [row for row in run.results if row["ndcg5"] < FAILING_BELOW]
    print(f"\n### {run.backend}: {len(failing)} queries with nDCG@5 below {FAILING_BELOW}\n")
    for row in failing:
        judged = row["relevant"]
        score = f"nDCG@5 {row['ndcg5']:.2f}, {row['total']} found"
        print(f"- [{row['class']}] {row['query']!r}: {score}")
        top = [f"{path} ({judged.get(path, 0)})" for path in row["paths"][:5]]
        print(f"    top 5: {', '.join(top) or 'nothing'}")
        wanted = sorted(judged.items(), key=lambda item: -item[1])
        print(f"    judged: {', '.join(f'{path} ({grade})' for path, grade in wanted)}")


def commit() -> str:
    # git with fixed arguments, to say which code the figures belong to.
    answer = subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],  # noqa: S607
        capture_output=True,
        text=True,
    )
    return answer.stdout.strip() or "unknown"


def report(runs: list[BackendRun], args: argparse.Namespace, seconds: float) -> None:
    queries = runs[0].results
    counts = {split: sum(row["split"] == split for row in queries) for split in SPLITS}
    corpus = json.loads(CORPUS.read_text())
    print(f"# Search relevance, {date.today().isoformat()}, commit {commit()}\n")
    print(f"machine: {machine()}; {machine_load()}")
    print(
        f"judged set: {len(queries)} queries ({counts['tune']} tune, {counts['held-out']} "
        f"held-out); corpus: {len(corpus['case_studies'])} case studies and "
        f"{len(corpus['resources'])} resources on top of the demo; run took {seconds:.0f} s"
    )
    mined = "confirmed, as an editor would" if args.confirm_mined else "left unconfirmed"
    print(f"acronyms the content defines: {mined}")
    splits = [split for split in SPLITS if counts[split]]
    for run in runs:
        print_backend(run, splits)
    # The combined table for each split, and for both together when both were run.
    for split in [*splits, "all"] if len(splits) > 1 else splits:
        print_summary(runs, split)
    if args.show_failures:
        print("\n## Failing queries")
        for run in runs:
            print_failures(run)
    if args.json:
        Path(args.json).write_text(json.dumps([dataclasses.asdict(run) for run in runs], indent=1))


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=[*BACKENDS, "all"], default="all")
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--json", metavar="FILE", help="write the raw per-query results here")
    parser.add_argument(
        "--show-failures",
        action="store_true",
        help=f"list queries with nDCG@5 below {FAILING_BELOW}, their top 5 and the judged paths",
    )
    parser.add_argument(
        "--confirm-mined",
        action="store_true",
        help="confirm every acronym the content defines before searching, as an editor would",
    )
    # Internal: what the sqlite subprocess is asked to do.
    parser.add_argument("--sqlite-here", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> None:
    args = arguments()
    if args.sqlite_here:
        sqlite_here(args.split, args.sqlite_here, confirm_mined=args.confirm_mined)
        return
    started = time.perf_counter()
    backends = list(BACKENDS) if args.backend == "all" else [args.backend]
    queries = load_queries(args.split)
    runs = []
    servers = [backend for backend in backends if backend != "sqlite"]
    if servers:
        runs.extend(run_server_backends(servers, queries, confirm_mined=args.confirm_mined))
    if "sqlite" in backends:
        runs.append(run_sqlite(args.split, confirm_mined=args.confirm_mined))
    report(runs, args, time.perf_counter() - started)


if __name__ == "__main__":
    main()
