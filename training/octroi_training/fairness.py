"""Fairness of the decisions by gender and by age band, from cross-validated probabilities.

Gender is never a model input (see policy.py); it stays in the data for this measurement only.
For each group: how many are approved and how that compares with the most approved group (the
four-fifths rule: a ratio under 0.8 is a warning sign of adverse impact), the true- and
false-positive rates of the refusal (defaults refused, good clients refused) and their gaps, and
calibration: the mean predicted probability against the observed default rate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

YEAR = 365.25
AGE_BANDS = (("<25", 0, 25), ("25–40", 25, 40), ("40–60", 40, 60), ("≥60", 60, 200))
FOUR_FIFTHS = 0.8
# Groups smaller than this are listed but not compared: their rates are mostly noise.
MIN_GROUP = 30
CALIBRATION_BINS = 5


def groups(applications: pd.DataFrame) -> dict[str, dict[str, np.ndarray]]:
    """Row masks of every gender and every age band (at the application date)."""
    gender = applications["CODE_GENDER"].astype(object).to_numpy()
    age = -applications["DAYS_BIRTH"].to_numpy(dtype=float) / YEAR
    return {
        "gender": {g: gender == g for g in sorted({v for v in gender if isinstance(v, str)})},
        "ageBand": {name: (age >= low) & (age < high) for name, low, high in AGE_BANDS},
    }


def _rate(mask: np.ndarray, among: np.ndarray) -> float | None:
    return float(mask[among].mean()) if among.any() else None


def _calibration(y: np.ndarray, p: np.ndarray) -> list[dict]:
    order = np.argsort(p, kind="stable")
    return [
        {"meanPredicted": float(p[part].mean()), "observedRate": float(y[part].mean()), "count": len(part)}
        for part in np.array_split(order, CALIBRATION_BINS)
        if len(part)
    ]


def group_figures(y: np.ndarray, p: np.ndarray, threshold: float, rows: np.ndarray) -> dict:
    yg, pg = y[rows], p[rows]
    refused = pg >= threshold
    return {
        "count": int(rows.sum()),
        "defaultRate": float(yg.mean()) if rows.any() else None,
        "approvalRate": _rate(~refused, np.ones(len(yg), dtype=bool)),
        "truePositiveRate": _rate(refused, yg == 1),
        "falsePositiveRate": _rate(refused, yg == 0),
        "meanPredicted": float(pg.mean()) if rows.any() else None,
        "calibration": _calibration(yg, pg) if len(yg) >= CALIBRATION_BINS else [],
    }


def _spread(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return float(max(known) - min(known)) if len(known) > 1 else None


def attribute_report(y: np.ndarray, p: np.ndarray, threshold: float, masks: dict[str, np.ndarray]) -> dict:
    """Figures of every group of one attribute, the approval ratios and the error-rate gaps."""
    figures = [{"group": name, **group_figures(y, p, threshold, rows)} for name, rows in masks.items()]
    compared = [f for f in figures if f["count"] >= MIN_GROUP]
    best = max((f["approvalRate"] for f in compared), default=None)
    for f in figures:
        f["compared"] = f["count"] >= MIN_GROUP
        f["approvalRatio"] = f["approvalRate"] / best if f["compared"] and best else None
    ratios = [f["approvalRatio"] for f in compared if f["approvalRatio"] is not None]
    return {
        "groups": figures,
        "lowestApprovalRatio": min(ratios) if ratios else None,
        "fourFifthsMet": bool(ratios) and min(ratios) >= FOUR_FIFTHS,
        "truePositiveRateGap": _spread([f["truePositiveRate"] for f in compared]),
        "falsePositiveRateGap": _spread([f["falsePositiveRate"] for f in compared]),
    }


def report(applications: pd.DataFrame, y: np.ndarray, p: np.ndarray, threshold: float) -> dict:
    """The fairness figures of cross-validated probabilities ``p`` decided at ``threshold``."""
    return {
        "threshold": threshold,
        "fourFifths": FOUR_FIFTHS,
        "minGroupSize": MIN_GROUP,
        **{name: attribute_report(y, p, threshold, masks) for name, masks in groups(applications).items()},
    }
