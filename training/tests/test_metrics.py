"""Business cost and threshold choice."""

from __future__ import annotations

import numpy as np

from octroi_training.modeling import metrics


def brute_force(y: np.ndarray, p: np.ndarray, c_fn: float, c_fp: float) -> float:
    candidates = np.concatenate([np.unique(p), [np.nextafter(p.max(), np.inf)]])
    return min(metrics.cost_at(y, p, t, c_fn, c_fp) for t in candidates)


def test_cost_counts_false_negatives_ten_times() -> None:
    y = np.array([1, 1, 0, 0, 0])
    p = np.array([0.9, 0.2, 0.8, 0.1, 0.3])
    # threshold 0.5: one default granted (0.2), one good client refused (0.8)
    assert metrics.cost_at(y, p, 0.5, 10, 1) == 11
    assert metrics.confusion(y, p, 0.5) == {
        "trueNegative": 2,
        "falsePositive": 1,
        "falseNegative": 1,
        "truePositive": 1,
    }


def test_best_threshold_matches_brute_force_with_ties() -> None:
    rng = np.random.default_rng(1)
    for _ in range(20):
        y = (rng.random(300) < 0.1).astype(int)
        p = np.round(rng.random(300) * 0.5 + 0.3 * y, 2)  # rounding makes many ties
        threshold, cost = metrics.best_threshold(y, p, 10, 1)
        assert cost == brute_force(y, p, 10, 1)
        assert metrics.cost_at(y, p, threshold, 10, 1) == cost


def test_threshold_extremes() -> None:
    y = np.array([0, 0, 0, 0])
    threshold, cost = metrics.best_threshold(y, np.array([0.1, 0.2, 0.3, 0.4]), 10, 1)
    assert cost == 0 and threshold > 0.4  # nobody refused
    y = np.array([1, 1, 1, 0])
    threshold, cost = metrics.best_threshold(y, np.array([0.1, 0.2, 0.3, 0.4]), 10, 1)
    assert cost == 1 and threshold == 0.1  # everybody refused


def test_summary_figures() -> None:
    y = np.array([0, 0, 1, 1])
    figures = metrics.summary(y, np.array([0.1, 0.4, 0.35, 0.8]), 10, 1)
    assert figures["auc"] == 0.75
    assert figures["recall"] == 1.0 and figures["cost"] == 1
    assert len(metrics.cost_curve(y, np.array([0.1, 0.4, 0.35, 0.8]), 10, 1)) == 101


def test_held_out_threshold_is_chosen_without_the_fold_it_decides() -> None:
    rng = np.random.default_rng(3)
    y = (rng.random(400) < 0.15).astype(int)
    p = np.clip(rng.random(400) * 0.4 + 0.3 * y, 0, 1)
    splits = [(np.setdiff1d(np.arange(400), part), part) for part in np.array_split(rng.permutation(400), 4)]
    result = metrics.held_out_threshold_cost(y, p, splits, 10, 1)
    expected = 0.0
    for (fit_rows, held_rows), threshold in zip(splits, result["thresholds"], strict=True):
        assert threshold == metrics.best_threshold(y[fit_rows], p[fit_rows], 10, 1)[0]
        expected += metrics.cost_at(y[held_rows], p[held_rows], threshold, 10, 1)
    assert result["cost"] == expected and result["costPerApplicant"] == expected / 400
    # Chosen on the very rows it decides, the threshold can only do as well or better.
    assert metrics.best_threshold(y, p, 10, 1)[1] <= result["cost"]
