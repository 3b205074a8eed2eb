"""Thin files: applicants whose credit history is unknown to the model.

A first-time borrower, or an application sent without its history tables, reaches the model with
every history feature missing. A model that only ever saw complete files treats that absence by
chance, through whatever the few natural thin files of its training data taught it. The remedy
kept here: train with the history of a share of applicants removed (each time the training rows
are drawn), so the model learns to score the application alone as well as it can, while the
other applicants keep teaching it what a history says. The report measures how scores move when
a known client's history is removed, and how well the model ranks applicants without it.
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import roc_auc_score

# Natural thin files fewer than this, or with fewer defaults, get no AUC of their own.
MIN_ROWS, MIN_DEFAULTS = 200, 10
# The credits a client is known by: at other lenders (credit bureau) and earlier applications here.
CREDIT_COUNTS = ("BUREAU_CREDIT_COUNT", "PREV_COUNT")
# A thin file with some history: no more credits known than this.
FEW_CREDITS = 1


def without_history(x: np.ndarray, history: list[int]) -> np.ndarray:
    """The same applicants with every history feature missing."""
    out = x.copy()
    out[:, history] = np.nan
    return out


def mask_history(x: np.ndarray, history: list[int], share: float, seed: int) -> np.ndarray:
    """The training rows with the history of a random ``share`` of them removed."""
    if not history or share <= 0:
        return x
    out = x.copy()
    rows = np.random.default_rng(seed).random(len(x)) < share
    out[np.ix_(rows, history)] = np.nan
    return out


def has_history(x: np.ndarray, history: list[int]) -> np.ndarray:
    if not history:
        return np.zeros(len(x), dtype=bool)
    return ~np.isnan(x[:, history]).all(axis=1)


def little_history(x: np.ndarray, names: list[str]) -> np.ndarray:
    """Applicants with a history that knows of no more than ``FEW_CREDITS`` credits."""
    counted = [names.index(n) for n in CREDIT_COUNTS if n in names]
    if not counted:
        return np.zeros(len(x), dtype=bool)
    known = ~np.isnan(x[:, counted]).all(axis=1)
    return known & (np.nansum(x[:, counted], axis=1) <= FEW_CREDITS)


def _auc(y: np.ndarray, p: np.ndarray) -> float | None:
    enough = len(y) >= MIN_ROWS and y.sum() >= MIN_DEFAULTS and (1 - y).sum() >= MIN_DEFAULTS
    return float(roc_auc_score(y, p)) if enough else None


def _aucs(y: np.ndarray, p: np.ndarray, p_removed: np.ndarray, h: np.ndarray) -> dict:
    """AUC of all applicants, of those with a history and of those without, as scored and history removed."""
    return {
        "aucWhole": _auc(y, p),
        "aucHistoryRemoved": _auc(y, p_removed),
        "aucWithHistory": _auc(y[h], p[h]),
        "aucWithHistoryRemoved": _auc(y[h], p_removed[h]),
        "aucNoHistory": _auc(y[~h], p[~h]),
    }


def report(
    y: np.ndarray,
    p: np.ndarray,
    p_removed: np.ndarray,
    had_history: np.ndarray,
    threshold: float,
    share: float,
    unremedied: tuple[np.ndarray, np.ndarray] | None = None,
    little: np.ndarray | None = None,
) -> dict:
    """AUC with and without history, with the remedy and (``unremedied``: the same scores by a model
    fitted without it) before it, of the applicants with ``little`` history too, and how the scores of
    clients with a history move without it."""
    h = had_history
    few = np.zeros(len(y), dtype=bool) if little is None else little
    shift = p_removed[h] - p[h]
    refused, refused_removed = p[h] >= threshold, p_removed[h] >= threshold
    return {
        "remedy": "history removed for a share of the training applicants",
        "maskedShare": share,
        "withHistory": int(h.sum()),
        "withoutHistory": int((~h).sum()),
        **_aucs(y, p, p_removed, h),
        "withoutRemedy": None if unremedied is None else _aucs(y, *unremedied, h),
        "littleHistory": {
            "fewCredits": FEW_CREDITS,
            "count": int(few.sum()),
            "auc": _auc(y[few], p[few]),
            "aucWithoutRemedy": None if unremedied is None else _auc(y[few], unremedied[0][few]),
        },
        "scoreShift": {
            "mean": float(shift.mean()) if h.any() else None,
            "meanAbsolute": float(np.abs(shift).mean()) if h.any() else None,
            "p90Absolute": float(np.quantile(np.abs(shift), 0.9)) if h.any() else None,
            "grantedThenRefused": float((~refused & refused_removed).mean()) if h.any() else None,
            "refusedThenGranted": float((refused & ~refused_removed).mean()) if h.any() else None,
        },
    }
