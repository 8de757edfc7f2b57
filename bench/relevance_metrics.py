"""The ranking measures `bench/relevance.py` reports: nDCG@k and reciprocal rank, and their
means by class of query. Plain functions of paths and grades, so they can be checked by hand."""

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

# Reciprocal rank looks no further than the first page a reader would scan.
RANK_DEPTH = 10


def dcg(grades: Sequence[int]) -> float:
    """Discounted cumulative gain: graded gain 2^grade - 1, discounted by log2(rank + 1)."""
    return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, start=1))


def unique(paths: Iterable[str]) -> list[str]:
    """Each path once, where it first appears: a document found twice earns its gain once."""
    return list(dict.fromkeys(paths))


def ndcg_at(ranked: Sequence[str], judged: Mapping[str, int], k: int = 5) -> float:
    """nDCG@k: the gain of the first k results against the best order of the judged grades.
    A query with nothing judged relevant scores 0 (the judged set has none such)."""
    gains = [judged.get(path, 0) for path in unique(ranked)[:k]]
    best = dcg(sorted(judged.values(), reverse=True)[:k])
    return dcg(gains) / best if best else 0.0


def reciprocal_rank(
    ranked: Sequence[str], judged: Mapping[str, int], depth: int = RANK_DEPTH
) -> float:
    """1 / the rank of the first result graded 1 or more, or 0 if none is in the first `depth`."""
    for rank, path in enumerate(unique(ranked)[:depth], start=1):
        if judged.get(path, 0) >= 1:
            return 1 / rank
    return 0.0


class Summary(NamedTuple):
    ndcg: float
    mrr: float
    queries: int


def summarise(rows: Iterable[Mapping], classes: Sequence[str]) -> dict[str, Summary]:
    """Mean nDCG@5 and MRR per class (in the order given) and over all rows, under "all".
    A class with no rows is left out."""
    rows = list(rows)
    groups = {klass: [row for row in rows if row["class"] == klass] for klass in classes}
    groups["all"] = rows
    return {
        name: Summary(
            ndcg=sum(row["ndcg5"] for row in group) / len(group),
            mrr=sum(row["rr"] for row in group) / len(group),
            queries=len(group),
        )
        for name, group in groups.items()
        if group
    }
