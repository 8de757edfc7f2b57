"""The relevance harness's measures, against values worked out by hand."""

import math

import pytest

from bench.relevance_metrics import dcg, ndcg_at, reciprocal_rank, summarise

JUDGED = {"/a/": 2, "/b/": 1, "/c/": 2}


def test_dcg_gives_grade_two_three_times_grade_one_and_discounts_by_log2_of_rank_plus_one():
    # (2^2 - 1) / log2(2) + (2^0 - 1) / log2(3) + (2^1 - 1) / log2(4) = 3 + 0 + 1/2
    assert dcg([2, 0, 1]) == pytest.approx(3.5)


def test_ndcg_compares_the_ranking_with_the_judged_grades_in_their_best_order():
    # ranking: /a/ (2), /x/ (0), /b/ (1) -> 3.5 (as above)
    # ideal:   2, 2, 1 -> 3 + 3 / log2(3) + 1/2 = 3.5 + 1.8927893 = 5.3927893
    assert ndcg_at(["/a/", "/x/", "/b/"], JUDGED) == pytest.approx(3.5 / 5.3927893)
    assert ndcg_at(["/a/", "/x/", "/b/"], JUDGED) == pytest.approx(0.649015, abs=1e-6)


def test_ndcg_is_one_for_the_best_order_and_zero_with_nothing_relevant_in_the_top_five():
    assert ndcg_at(["/c/", "/a/", "/b/", "/y/"], JUDGED) == pytest.approx(1.0)
    assert ndcg_at(["/v/", "/w/", "/x/", "/y/", "/z/", "/a/"], JUDGED) == 0.0


def test_ndcg_at_five_ignores_the_sixth_result_and_the_ideal_is_cut_at_five_too():
    judged = {f"/{n}/": 1 for n in range(7)}
    ranked = ["/0/", "/x/", "/1/", "/2/", "/3/", "/4/"]
    # gains 1, 0, 1, 1, 1 against an ideal of five 1s:
    # (1 + 0.5 + 0.4306766 + 0.3868528) / (1 + 0.6309298 + 0.5 + 0.4306766 + 0.3868528)
    got = 1 + 1 / math.log2(4) + 1 / math.log2(5) + 1 / math.log2(6)
    ideal = 1 + 1 / math.log2(3) + 1 / math.log2(4) + 1 / math.log2(5) + 1 / math.log2(6)
    assert ndcg_at(ranked, judged) == pytest.approx(got / ideal)
    assert ndcg_at(ranked, judged) == pytest.approx(2.3175294 / 2.9484592)


def test_a_document_listed_twice_earns_its_gain_once():
    assert ndcg_at(["/b/", "/b/"], {"/b/": 1}) == pytest.approx(1.0)
    assert ndcg_at(["/b/", "/b/", "/a/"], JUDGED) == ndcg_at(["/b/", "/a/"], JUDGED)


def test_reciprocal_rank_is_one_over_the_rank_of_the_first_result_graded_one_or_more():
    assert reciprocal_rank(["/a/"], JUDGED) == 1.0
    assert reciprocal_rank(["/x/", "/y/", "/b/"], JUDGED) == pytest.approx(1 / 3)
    assert reciprocal_rank([f"/x{n}/" for n in range(5)] + ["/c/"], JUDGED) == pytest.approx(1 / 6)


def test_reciprocal_rank_counts_only_the_first_ten_results():
    assert reciprocal_rank([f"/x{n}/" for n in range(9)] + ["/a/"], JUDGED) == 0.1
    assert reciprocal_rank([f"/x{n}/" for n in range(10)] + ["/a/"], JUDGED) == 0.0
    assert reciprocal_rank([], JUDGED) == 0.0


def test_summaries_are_means_per_class_and_over_all_queries():
    rows = [
        {"class": "typo", "ndcg5": 1.0, "rr": 1.0},
        {"class": "typo", "ndcg5": 0.5, "rr": 0.5},
        {"class": "acronym", "ndcg5": 0.0, "rr": 0.25},
    ]
    summary = summarise(rows, ["acronym", "typo", "keyword"])
    assert list(summary) == ["acronym", "typo", "all"]
    assert summary["typo"] == pytest.approx((0.75, 0.75, 2))
    assert summary["acronym"] == pytest.approx((0.0, 0.25, 1))
    assert summary["all"] == pytest.approx((0.5, 0.5833333, 3))
