"""shap_reference.json: exact TreeSHAP values from LightGBM for the explain service's tests."""

from __future__ import annotations

import lightgbm as lgb
import numpy as np


def _json_rows(matrix: np.ndarray) -> list[list[float | None]]:
    return [[None if np.isnan(v) else float(v) for v in row] for row in matrix.astype(np.float64)]


def reference_rows(x: np.ndarray, features: list[dict], count: int = 300, seed: int = 42) -> np.ndarray:
    """A mix of ordinary applicants, applicants with missing categories or no history, and
    two synthetic rows (everything missing; every category unknown)."""
    rng = np.random.default_rng(seed)
    categorical = [i for i, f in enumerate(features) if f["kind"] == "categorical"]
    history = [i for i, f in enumerate(features) if f["source"] != "application"]
    missing_category = np.flatnonzero(np.isnan(x[:, categorical]).any(axis=1)) if categorical else np.array([], int)
    no_history = np.flatnonzero(np.isnan(x[:, history]).all(axis=1)) if history else np.array([], int)
    picks = [rng.choice(len(x), size=min(len(x), count - 60), replace=False)]
    for pool in (missing_category, no_history):
        if len(pool):
            picks.append(rng.choice(pool, size=min(len(pool), 29), replace=False))
    rows = x[np.unique(np.concatenate(picks))]
    all_missing = np.full((1, x.shape[1]), np.nan, dtype=np.float32)
    unknown = rows[:1].copy()
    unknown[0, categorical] = np.nan
    return np.vstack([rows, all_missing, unknown]).astype(np.float32)


def shap_reference(booster: lgb.Booster, x: np.ndarray, features: list[dict]) -> dict:
    rows = reference_rows(x, features)
    contributions = booster.predict(rows, pred_contrib=True)
    raw_score = booster.predict(rows, raw_score=True)
    return {
        "features": _json_rows(rows),
        "contributions": _json_rows(contributions),
        "rawScore": [float(v) for v in raw_score],
        "note": "contributions: one value per feature in spec order, expected value last (log-odds)",
    }
