"""Feature importance and population statistics (importance.json, population.json)."""

from __future__ import annotations

import lightgbm as lgb
import numpy as np

HISTOGRAM_BINS = 20


def importance(booster: lgb.Booster) -> list[dict]:
    gains = booster.feature_importance("gain")
    splits = booster.feature_importance("split")
    rows = [
        {"feature": name, "gain": float(g), "split": int(s)}
        for name, g, s in zip(booster.feature_name(), gains, splits, strict=True)
    ]
    return sorted(rows, key=lambda r: -r["gain"])


def _bins_numeric(values: np.ndarray, y: np.ndarray) -> list[dict]:
    present = ~np.isnan(values)
    if not present.any():
        return []
    # Quantile edges: each bin holds about the same number of applicants, so default rates compare.
    edges = np.unique(np.quantile(values[present], np.linspace(0, 1, HISTOGRAM_BINS + 1)))
    index = np.clip(np.searchsorted(edges, values[present], side="right") - 1, 0, max(len(edges) - 2, 0))
    bins = []
    for b in range(max(len(edges) - 1, 1)):
        inside = index == b
        bins.append(
            {
                "lower": float(edges[b]),
                "upper": float(edges[min(b + 1, len(edges) - 1)]),
                "count0": int(np.sum(inside & (y[present] == 0))),
                "count1": int(np.sum(inside & (y[present] == 1))),
            }
        )
    return bins


def _bins_categorical(values: np.ndarray, y: np.ndarray, categories: list[str]) -> list[dict]:
    return [
        {
            "category": name,
            "code": code,
            "count0": int(np.sum((values == code) & (y == 0))),
            "count1": int(np.sum((values == code) & (y == 1))),
        }
        for code, name in enumerate(categories)
    ]


def population(x: np.ndarray, y: np.ndarray, features: list[dict]) -> dict:
    """Per feature, over training applicants: counts, moments, 101 quantiles, histogram by TARGET."""
    result = {}
    for i, feature in enumerate(features):
        values = x[:, i].astype(np.float64)
        present = values[~np.isnan(values)]
        missing = np.isnan(values)
        stats = {
            "count": int(present.size),
            "missing": int(missing.sum()),
            "missing0": int(np.sum(missing & (y == 0))),
            "missing1": int(np.sum(missing & (y == 1))),
            "mean": float(present.mean()) if present.size else None,
            "std": float(present.std()) if present.size else None,
            "quantiles": [float(q) for q in np.quantile(present, np.linspace(0, 1, 101))] if present.size else [],
        }
        stats["histogram"] = (
            _bins_categorical(values, y, feature["categories"])
            if feature["kind"] == "categorical"
            else _bins_numeric(values, y)
        )
        result[feature["name"]] = stats
    return {"rows": len(y), "quantileLevels": "p00..p100 in steps of 1 %", "features": result}
