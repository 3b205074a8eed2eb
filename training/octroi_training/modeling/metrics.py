"""Business cost, threshold choice and the evaluation figures of metrics.json.

Decision rule everywhere: refuse (predict default) when probability >= threshold.
Business cost = costFalseNegative × (defaults granted) + costFalsePositive × (good clients refused).
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import brier_score_loss, roc_auc_score, roc_curve


def cost_at(y: np.ndarray, p: np.ndarray, threshold: float, c_fn: float, c_fp: float) -> float:
    refuse = p >= threshold
    false_negatives = np.sum((y == 1) & ~refuse)
    false_positives = np.sum((y == 0) & refuse)
    return float(c_fn * false_negatives + c_fp * false_positives)


def best_threshold(y: np.ndarray, p: np.ndarray, c_fn: float, c_fp: float) -> tuple[float, float]:
    """The threshold (one of the predicted probabilities, or above all) minimising the cost, and that cost.

    Sorting once makes every candidate threshold cost O(1): refusing the k riskiest
    applicants costs c_fp × (good among them) + c_fn × (defaults among the rest).
    """
    order = np.argsort(-p, kind="stable")
    p_sorted, y_sorted = p[order], y[order].astype(np.float64)
    defaults_refused = np.concatenate([[0.0], np.cumsum(y_sorted)])
    good_refused = np.arange(len(y) + 1) - defaults_refused
    costs = c_fp * good_refused + c_fn * (defaults_refused[-1] - defaults_refused)
    # Only cut between distinct probabilities: ties are refused together.
    cut_allowed = np.concatenate([[True], p_sorted[:-1] != p_sorted[1:], [True]])
    costs = np.where(cut_allowed, costs, np.inf)
    k = int(np.argmin(costs))
    threshold = float(np.nextafter(p_sorted[0], np.inf)) if k == 0 else float(p_sorted[k - 1])
    return threshold, float(costs[k])


def held_out_threshold_cost(
    y: np.ndarray, p: np.ndarray, splits: list[tuple[np.ndarray, np.ndarray]], c_fn: float, c_fp: float
) -> dict:
    """Cost when each fold is decided at the threshold chosen on the other folds' scores: what choosing
    the cost-minimising threshold is worth on applicants it was not chosen on."""
    cost, thresholds = 0.0, []
    for fit_rows, held_rows in splits:
        threshold, _ = best_threshold(y[fit_rows], p[fit_rows], c_fn, c_fp)
        thresholds.append(threshold)
        cost += cost_at(y[held_rows], p[held_rows], threshold, c_fn, c_fp)
    return {"cost": cost, "costPerApplicant": cost / len(y), "thresholds": thresholds}


def confusion(y: np.ndarray, p: np.ndarray, threshold: float) -> dict[str, int]:
    refuse = p >= threshold
    return {
        "trueNegative": int(np.sum((y == 0) & ~refuse)),
        "falsePositive": int(np.sum((y == 0) & refuse)),
        "falseNegative": int(np.sum((y == 1) & ~refuse)),
        "truePositive": int(np.sum((y == 1) & refuse)),
    }


def calibration_table(y: np.ndarray, p: np.ndarray, bins: int = 10) -> list[dict]:
    """Applicants in deciles of predicted probability: mean prediction against observed default rate."""
    order = np.argsort(p, kind="stable")
    return [
        {
            "bin": i,
            "count": len(part),
            "meanPredicted": float(p[part].mean()),
            "observedRate": float(y[part].mean()),
            "minPredicted": float(p[part].min()),
            "maxPredicted": float(p[part].max()),
        }
        for i, part in enumerate(np.array_split(order, bins))
        if len(part)
    ]


def roc_points(y: np.ndarray, p: np.ndarray, points: int = 100) -> list[dict]:
    fpr, tpr, thresholds = roc_curve(y, p)
    keep = np.unique(np.linspace(0, len(fpr) - 1, min(points, len(fpr))).round().astype(int))
    return [{"fpr": float(fpr[i]), "tpr": float(tpr[i]), "threshold": float(min(thresholds[i], 1.0))} for i in keep]


def cost_curve(y: np.ndarray, p: np.ndarray, c_fn: float, c_fp: float, points: int = 101) -> list[dict]:
    return [
        {
            "threshold": float(t),
            "cost": cost_at(y, p, t, c_fn, c_fp),
            "costPerApplicant": cost_at(y, p, t, c_fn, c_fp) / len(y),
        }
        for t in np.linspace(0.0, 1.0, points)
    ]


def summary(y: np.ndarray, p: np.ndarray, c_fn: float, c_fp: float) -> dict:
    """AUC, Brier score and the cost-minimising threshold with its figures."""
    threshold, cost = best_threshold(y, p, c_fn, c_fp)
    matrix = confusion(y, p, threshold)
    tp, fp, fn = matrix["truePositive"], matrix["falsePositive"], matrix["falseNegative"]
    return {
        "auc": float(roc_auc_score(y, p)) if len(np.unique(y)) > 1 else 0.5,
        "brier": float(brier_score_loss(y, p)),
        "threshold": threshold,
        "cost": cost,
        "costPerApplicant": cost / len(y),
        "costAt05": cost_at(y, p, 0.5, c_fn, c_fp),
        "confusion": matrix,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
    }
