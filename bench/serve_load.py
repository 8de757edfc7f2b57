"""The production server under a bounded load: pages and search, with Elasticsearch healthy and
with its node frozen (SIGSTOP), at 1, 4 and 16 concurrent clients.

Usage: .venv/bin/python bench/serve_load.py [--items N] [--requests R] [--seconds S]
                                            [--clients 1,4,16]

Starts its own PostgreSQL, Elasticsearch and Redis (scripts/*.sh), writes N generated items
(bench/search_data.py; with --items 0 the demo content instead), fills the search index and the
database's search entries, and serves with `scripts/serve.sh`: gunicorn with
the production settings, as docs/deploy.md describes, on 127.0.0.1 only. Each client is a
thread with one keep-alive connection that sends requests one after another; a cell stops after
R requests per client or S seconds, whichever comes first, so a stalled server cannot make the
run endless. Prints requests per second and p50/p95/p99 per cell, and counts 5xx answers and
failed connections. Nothing here asserts a time.
"""

import argparse
import http.client
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.search import Services, load, machine  # noqa: E402

HOST = "127.0.0.1"
# Questions of the kinds people type: names, services, residents' words, a typo, a paraphrase.
QUESTIONS = (
    "revenues and benefits",
    "shared ict",
    "waste collection",
    "who answers the phone for my council",
    "recyling rounds",
    "lowcode",
    "legal services",
    "how do councils split the cost of a shared service",
    "safeguarding hub",
    "bins",
)
PAGE_SAMPLE = 30
# gunicorn hands connections to whichever worker is free: a few rounds reach every worker.
WARM_UP_ROUNDS = 3


@dataclass
class Cell:
    state: str
    target: str
    clients: int
    latencies: list[float] = field(default_factory=list)
    server_errors: int = 0
    failures: int = 0
    seconds: float = 0.0

    def row(self) -> str:
        answered = sorted(self.latencies)
        rps = len(answered) / self.seconds if self.seconds else 0.0
        return (
            f"| {self.state} | {self.target} | {self.clients} | {len(answered)} | {rps:.1f} | "
            f"{ms(percentile(answered, 50))} | {ms(percentile(answered, 95))} | "
            f"{ms(percentile(answered, 99))} | {self.server_errors} | {self.failures} |"
        )


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.0f}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def site_environment(database_url: str, elasticsearch_url: str, cache_url: str) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "ELASTICSEARCH_", "CACHE_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="commons.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        PUBLIC_BASE_URL=f"https://{HOST}",
        DATABASE_URL=database_url,
        ELASTICSEARCH_URL=elasticsearch_url,
        ELASTICSEARCH_INDEX_PREFIX="loadbench",
        CACHE_URL=cache_url,
        # Plain HTTP on the loopback: the TLS proxy of a real deployment is not in the picture.
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
    )
    return environment


def manage(environment: dict, *arguments: str) -> None:
    subprocess.run(  # noqa: S603
        [str(ROOT / ".venv/bin/python"), "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare(environment: dict, items: int) -> None:
    """The demo loaders refuse production settings (they make known accounts), so the content
    is loaded with the dev settings into the same database and index."""
    environment = {**environment, "DJANGO_SETTINGS_MODULE": "commons.settings.dev", "DEBUG": "true"}
    manage(environment, "migrate", "--noinput")
    if items:
        # Instead of the demo: both make the same service areas.
        script = f"from bench.search_data import generate; generate({items})"
        manage(environment, "shell", "--no-imports", "-c", script)
    else:
        manage(environment, "load_demo")
        manage(environment, "load_community_demo")
    manage(environment, "search_entries")
    manage(environment, "search_rebuild")


def serve(environment: dict, port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603
        ["bash", str(ROOT / "scripts/serve.sh")],  # noqa: S607
        cwd=ROOT,
        env={**environment, "GUNICORN_BIND": f"{HOST}:{port}", "WEB_CONCURRENCY": str(workers)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"scripts/serve.sh stopped:\n{server.stderr.read()}")
        try:
            status, _ = get(http.client.HTTPConnection(HOST, port, timeout=5), "/healthz")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    stop_server(server)
    raise SystemExit("the server did not answer /healthz within 180 s")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def get(connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    connection.request("GET", path, headers={"Host": HOST})
    response = connection.getresponse()
    return response.status, response.read()


def page_paths(port: int) -> list[str]:
    """Public pages the sitemap lists (case studies, resources, services, communities...)."""
    _, body = get(http.client.HTTPConnection(HOST, port, timeout=30), "/sitemap.xml")
    paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", body.decode())]
    return list(dict.fromkeys(["/", *paths]))[:PAGE_SAMPLE]


def search_paths() -> list[str]:
    return [f"/search/?q={quote_plus(question)}" for question in QUESTIONS]


def run_cell(cell: Cell, port: int, paths: list[str], requests: int, seconds: float) -> Cell:
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(number: int) -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=seconds)
        for sent in range(requests):
            if time.monotonic() > deadline:
                break
            path = paths[(number * 7 + sent) % len(paths)]
            started = time.perf_counter()
            try:
                status, _ = get(connection, path)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=seconds)
                with lock:
                    cell.failures += 1
                continue
            took = time.perf_counter() - started
            with lock:
                cell.latencies.append(took)
                cell.server_errors += status >= 500
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(cell.clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cell.seconds = time.perf_counter() - started
    return cell


def warm_up(port: int, paths: list[str]) -> None:
    """Each path once in every worker before timing: the first request a worker serves for a
    template or a query pays for loading it, which no visitor after the first sees."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    for _ in range(WARM_UP_ROUNDS):
        for path in paths:
            get(connection, path)
    connection.close()


def freeze(folder: str, signal_number: int) -> None:
    pid = int(Path(folder, "elasticsearch.pid").read_text())
    os.kill(pid, signal_number)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--items", type=int, default=10_000, help="generated items (0: the demo content)"
    )
    parser.add_argument("--requests", type=int, default=100, help="requests per client and cell")
    parser.add_argument("--seconds", type=float, default=30.0, help="longest time per cell")
    parser.add_argument("--clients", default="1,4,16", help="concurrent clients, comma-separated")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    clients = [int(number) for number in args.clients.split(",")]
    services = Services()
    server = None
    try:
        database_url = services.start("postgres")
        elasticsearch_url = services.start("elasticsearch")
        elasticsearch_folder = services.started[-1][1]
        cache_url = services.start("redis")
        environment = site_environment(database_url, elasticsearch_url, cache_url)
        prepare(environment, args.items)
        port = free_port()
        server = serve(environment, port, args.workers)
        targets = {"pages": page_paths(port), "search": search_paths()}
        warm_up(port, [path for paths in targets.values() for path in paths])
        print(f"# Commons under load, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
        print(f"machine: {machine()}; {load()}")
        print(
            f"data: {f'{args.items} generated items' if args.items else 'the demo'}; "
            f"{len(targets['pages'])} pages "
            f"and {len(QUESTIONS)} questions, cycled; gunicorn with {args.workers} workers; "
            f"up to {args.requests} requests per client or {args.seconds:.0f} s per cell\n"
        )
        print(
            "| Elasticsearch | what | clients | requests | req/s | p50 ms | p95 ms | p99 ms "
            "| 5xx | failed |"
        )
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for state in ("healthy", "frozen"):
            if state == "frozen":
                freeze(elasticsearch_folder, signal.SIGSTOP)
            try:
                for target, paths in targets.items():
                    for count in clients:
                        cell = run_cell(
                            Cell(state, target, count), port, paths, args.requests, args.seconds
                        )
                        print(cell.row(), flush=True)
            finally:
                if state == "frozen":
                    freeze(elasticsearch_folder, signal.SIGCONT)
    finally:
        if server is not None:
            stop_server(server)
        services.stop()


if __name__ == "__main__":
    main()
