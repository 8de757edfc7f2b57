"""Search and autocomplete latency for `bench/search.py`: the Django endpoints against the very
same request bodies sent straight to Elasticsearch."""

import copy
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import Any
from urllib.parse import urlencode

from elasticsearch import Elasticsearch

from bench.timing import percentile

# Questions people type, acronyms, misspellings; then the same with filters, sorting and paging.
# "{organisation}" and "{community}" are filled with real slugs from the generated data.
QUERIES: list[dict[str, str | list[str]]] = [
    {"q": "how did you handle tupe transfers"},
    {"q": "revs and bens shared service"},
    {"q": "revenues and benefits"},
    {"q": "shared ICT helpdesk"},
    {"q": "asc assessments and hospital discharge"},
    {"q": "SEND transport"},
    {"q": "target operating model governance"},
    {"q": "TOM"},
    {"q": "council tax reduction scheme"},
    {"q": "ctr"},
    {"q": "business rates pooling safety net"},
    {"q": "nndr"},
    {"q": "data migration took longer than planned"},
    {"q": "procurment framwork"},
    {"q": "revenus and benifits"},
    {"q": "homelesness prevention"},
    {"q": "garden waste subscriptions"},
    {"q": "what went wrong with replacing the crm"},
    {"q": "job evaluation pension strain costs"},
    {"q": "Northshire"},
    {"q": "web chat"},
    {"q": "EHCP backlogs"},
    {"q": "dfg"},
    {"q": "memorandum of understanding recharging partners"},
    {"q": "shared service savings", "kind": "case_study"},
    {"q": "tupe", "service_area": "human-resources"},
    {"q": "savings", "tag": "governance"},
    {"q": "consultation", "region": "north-west", "date": "past-year"},
    {"q": "bin collection", "kind": ["thread", "story"]},
    {"q": "debt recovery", "organisation": "{organisation}", "sort": "newest"},
    {"q": "lessons learned", "sort": "newest", "page": "2"},
    {"q": "agency staff", "community": "{community}"},
    {"kind": "listing", "service_area": "payroll"},
]
PREFIXES = [
    "re", "rev", "reven", "tu", "tupe", "shared s", "ict", "adult so", "north", "counc",
    "data mi", "send", "proc", "web", "garden w", "lessons", "busi", "homel",
]  # fmt: skip


@dataclass
class Timings:
    api: list[float] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)
    took: list[float] = field(default_factory=list)  # Elasticsearch's own "took"
    notes: list[str] = field(default_factory=list)


class Addresses:
    """A new client address for every request, so the API's per-address rate limit (which is
    still consulted, and so still timed) never answers 429 in the middle of a benchmark."""

    def __init__(self) -> None:
        self.number = 0

    def next(self) -> str:
        self.number += 1
        return f"10.{self.number // 65536 % 256}.{self.number // 256 % 256}.{self.number % 256}"


def resolved_queries() -> list[dict]:
    from community.models import Community
    from knowledge.models import Organisation

    organisation = Organisation.objects.order_by("pk").values_list("slug", flat=True).first()
    community = (
        Community.objects.filter(visibility="public").order_by("pk").values_list("slug").first()
    )
    slugs = {"{organisation}": organisation or "", "{community}": community[0] if community else ""}
    return [
        {
            name: slugs.get(value, value) if isinstance(value, str) else value
            for name, value in q.items()
        }
        for q in QUERIES
    ]


def search_body(params: dict, *, loose: bool = False) -> dict:
    """What the API sends for these parameters: the same form, the same body builder (and the
    loosened second request it sends when the first finds little)."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import QueryDict

    from search.audience import audiences_for
    from search.forms import SearchForm
    from search.query import build_search_body
    from search.services import PER_PAGE

    form = SearchForm(QueryDict(urlencode(params, doseq=True)), site_organisation=None)
    if not form.is_valid():
        raise SystemExit(f"benchmark query {params} is invalid: {form.errors}")
    return build_search_body(
        " ".join(form.query.split()),
        audiences=audiences_for(AnonymousUser()),
        filters=form.filters(),
        sort=form.chosen_sort,
        page=form.page_number,
        per_page=PER_PAGE,
        loose=loose,
    )


def timed(call, *args, **kwargs) -> tuple[float, Any]:
    started = time.perf_counter()
    answer = call(*args, **kwargs)
    return (time.perf_counter() - started) * 1000, answer


def compare(client: Elasticsearch, requests: list[tuple[str, dict, dict]], rounds: int) -> Timings:
    """Each request through Django and straight to the node, interleaved, after one warm-up."""
    from django.test import Client

    from search.documents import alias_name
    from search.query import needs_loosening

    browser, addresses, timings = Client(), Addresses(), Timings()
    alias = alias_name()
    for round_number in range(rounds + 1):
        for path, params, body, *retry in requests:
            api_ms, response = timed(browser.get, path, params, REMOTE_ADDR=addresses.next())
            raw_ms, answer = timed(client.search, index=alias, **body)
            took = answer["took"]
            if retry and retry[0] and needs_loosening(answer):
                # The API's second, loosened request, as search.backends.elastic sends it.
                more_ms, answer = timed(client.search, index=alias, **retry[0])
                raw_ms, took = raw_ms + more_ms, took + answer["took"]
            if response.status_code != 200:
                raise SystemExit(f"{path} {params} answered {response.status_code}")
            if round_number == 0:
                same_total(path, params, response, answer)
                continue  # warm-up
            timings.api.append(api_ms)
            timings.raw.append(raw_ms)
            timings.took.append(float(took))
    return timings


def same_total(path: str, params: dict, response, answer: dict) -> None:
    """Both sides must have done the same search, or the comparison means nothing."""
    if path.startswith("/api/") and response.json()["total"] != answer["hits"]["total"]["value"]:
        raise SystemExit(f"{params}: the API and the raw body found different totals")


def measure_search(client: Elasticsearch, *, rounds: int) -> Timings:
    queries = resolved_queries()
    requests = [
        (
            "/api/search/",
            params,
            search_body(params),
            search_body(params, loose=True) if params.get("q") else None,
        )
        for params in queries
    ]
    timings = compare(client, requests, rounds)
    timings.notes = profile(client, queries)
    return timings


def measure_autocomplete(client: Elasticsearch, *, rounds: int) -> Timings:
    from django.contrib.auth.models import AnonymousUser

    from search.audience import audiences_for
    from search.query import build_autocomplete_body
    from search.views import AUTOCOMPLETE_LIMIT

    audiences = audiences_for(AnonymousUser())
    requests = [
        (
            "/search/autocomplete/",
            {"q": prefix},
            build_autocomplete_body(prefix, audiences=audiences, limit=AUTOCOMPLETE_LIMIT),
        )
        for prefix in PREFIXES
    ]
    return compare(client, requests, rounds)


# Steps of an API search worth timing on their own: (module, function name, what it is).
PROFILED_STEPS = (
    ("search.views", "site_organisation", "finding the site's organisation"),
    ("search.backends.elastic", "audiences_for", "the person's audiences"),
    ("search.backends.elastic", "_send", "waiting for Elasticsearch"),
    ("search.backends.elastic", "_facets", "facets and their labels"),
    ("search.backends.elastic", "_hit", "building hits"),
)


def profile(client: Elasticsearch, queries: list[dict]) -> list[str]:
    """One more pass, not in the table: database queries and Elasticsearch requests per API
    search, and where the API's time goes (a few named steps, timed by wrapping them)."""
    import importlib

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    browser, addresses = Client(), Addresses()
    spent: Counter = Counter()
    calls: Counter = Counter()
    totals, db_queries, originals = [], [], []

    def wrapped(module, name: str, label: str):
        original = getattr(module, name)

        def step(*args, **kwargs):
            calls[label] += 1
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] += (time.perf_counter() - started) * 1000

        return step

    for module_name, name, label in PROFILED_STEPS:
        module = importlib.import_module(module_name)
        originals.append((module, name, getattr(module, name)))
        setattr(module, name, wrapped(module, name, label))
    try:
        for params in queries:
            with CaptureQueriesContext(connection) as captured:
                address = addresses.next()
                ms, _ = timed(browser.get, "/api/search/", params, REMOTE_ADDR=address)
            totals.append(ms)
            db_queries.append(len(captured.captured_queries))
    finally:
        for module, name, original in originals:
            setattr(module, name, original)
    count, total = len(queries), sum(totals)
    steps = ", ".join(f"{label} {spent[label] / count:.1f} ms" for *_, label in PROFILED_STEPS)
    rest = total - sum(spent.values())
    return [
        f"per API search: {sum(db_queries) / count:.1f} database queries on average "
        f"(max {max(db_queries)}), {calls['waiting for Elasticsearch'] / count:.2f} "
        'Elasticsearch requests (a second one counts a "did you mean" suggestion)',
        f"where an API search's time goes (mean of {count}, {total / count:.1f} ms): {steps}, "
        f"everything else (middleware, form, rate limit, JSON) {rest / count:.1f} ms",
    ]


def _changed(body: dict, part: str) -> dict:
    """The search body with one costly part taken out, or changed: the phrase boosts moved to a
    rescore of the top hits, or no typo tolerance for words under four letters (acronyms).
    A diagnosis, not the project's query."""
    body = copy.deepcopy(body)
    if part in ("suggest", "highlight", "aggs"):
        body.pop(part, None)
        return body
    if part == "total":
        body["track_total_hits"] = False
        return body
    for clause in body["query"]["bool"].get("must", []):
        scored = _text_bool(clause)
        if part in ("fuzzy", "short-words-exact"):
            # The near-miss phrasings are the multi_matches with "fuzziness" (loose bodies only).
            _drop_or_tighten_fuzzy(scored, drop=part == "fuzzy")
        elif part == "phrases":
            scored["should"] = []
        elif part == "rescore" and "sort" not in body and scored.get("should"):
            phrases = {"bool": {"should": scored["should"]}}
            scored["should"] = []
            body["rescore"] = {"window_size": RESCORE_WINDOW, "query": {"rescore_query": phrases}}
    return body


def _text_bool(clause: dict) -> dict:
    """The text query's bool inside the nested function_score wrappers (nudges, kind priors)."""
    while "function_score" in clause:
        clause = clause["function_score"]["query"]
    return clause.get("bool", {})


def _drop_or_tighten_fuzzy(node, *, drop: bool) -> None:
    if isinstance(node, list):
        for item in node:
            _drop_or_tighten_fuzzy(item, drop=drop)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "queries" and isinstance(value, list) and drop:
            value[:] = [q for q in value if "fuzziness" not in q.get("multi_match", {})]
        if key == "multi_match" and "fuzziness" in value and not drop:
            value["fuzziness"] = "AUTO:4,7"
        _drop_or_tighten_fuzzy(value, drop=drop)


COST_PARTS = (
    "suggest", "highlight", "aggs", "total", "fuzzy", "phrases", "rescore", "short-words-exact"
)  # fmt: skip
VARIANT_NAMES = {
    "rescore": "phrases as a rescore of the top 100",
    "short-words-exact": "typo clause with `fuzziness: AUTO:4,7`",
}
RESCORE_WINDOW = 100


def query_costs(client: Elasticsearch, *, rounds: int) -> None:
    """Elasticsearch's own time (`took`) for the benchmark searches, whole and with each part
    left out in turn: where the node spends its time on a Commons search."""
    from search.documents import alias_name

    alias = alias_name()
    bodies = [search_body(params) for params in resolved_queries()]
    variants = {"whole body": lambda body: body}
    for part in COST_PARTS:
        name = VARIANT_NAMES.get(part, f"without {part}")
        variants[name] = partial(_changed, part=part)
    took: dict[str, list[float]] = {name: [] for name in variants}
    for round_number in range(rounds + 1):
        for body in bodies:
            for name, change in variants.items():
                answer = client.search(index=alias, **change(body))
                if round_number:
                    took[name].append(float(answer["took"]))
    print("\nwhere the node spends a search's time (ES `took`, all benchmark searches)")
    print("| body | median ms | p95 ms |")
    print("| --- | ---: | ---: |")
    for name, values in took.items():
        print(f"| {name} | {median(values):.0f} | {percentile(values, 0.95):.0f} |")


def row(name: str, timings: Timings, aim: str) -> str:
    api, raw = median(timings.api), median(timings.raw)
    return (
        f"| {name} | {api:.1f} / {percentile(timings.api, 0.95):.1f} | "
        f"{raw:.1f} / {percentile(timings.raw, 0.95):.1f} | {median(timings.took):.0f} | "
        f"{api / raw:.2f}x | {aim} |"
    )


def print_latency(search: Timings, autocomplete: Timings) -> None:
    print(
        f"\nlatency: {len(QUERIES)} searches x {len(search.api) // len(QUERIES)} rounds, "
        f"{len(PREFIXES)} prefixes x {len(autocomplete.api) // len(PREFIXES)} rounds "
        "(after one warm-up round); Django's test client, anonymous"
    )
    print(
        "| request | through Django, median / p95 ms | straight to Elasticsearch, "
        "median / p95 ms | ES `took` median ms | median ratio | aim |"
    )
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    print(row("search `GET /api/search/`", search, "ratio <= 1.5x, p95 < 60 ms"))
    print(row("autocomplete `GET /search/autocomplete/`", autocomplete, "p95 < 30 ms"))
    for note in search.notes:
        print(note)


def median(values: list[float]) -> float:
    return percentile(values, 0.5)
