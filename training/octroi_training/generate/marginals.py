"""One-column distributions: fit them from real values, sample them from uniforms.

Every marginal is sampled by inverting its distribution function at a uniform draw, so the
same code serves independent draws and the Gaussian copula (which supplies correlated
uniforms). Only summary figures are kept: quantiles, value frequencies, rounding steps.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import ndtri

N_QUANTILES = 201  # one point every half percent
# Ends of the quantile grid: the 0.1 % and 99.9 % points, not the sample's extreme rows.
TAIL = 0.001
# A column with at most this many distinct values is kept as a frequency table.
MAX_DISCRETE_VALUES = 60
# Amounts in the data are multiples of round figures (incomes of 4,500, prices of 2,250 ...).
ROUND_STEPS = (22500, 4500, 2250, 1000, 500, 100, 50, 10, 5, 1, 0.5)
ROUNDING_SHARE = 0.9
# Frequency tables keep only numbers seen at least this often.
MIN_COUNT = 3


def _clean(value):
    """JSON-friendly scalar: ints stay ints, floats lose binary noise."""
    if isinstance(value, (np.integer, int)):
        return int(value)
    value = float(value)
    return int(value) if value.is_integer() else round(value, 10)


def rounding_step(values: pd.Series) -> float:
    """Largest round figure that at least 90 % of the values are multiples of."""
    v = values.dropna().to_numpy(dtype=float)
    if len(v) == 0:
        return 1.0
    steps = list(ROUND_STEPS) + [10.0**-d for d in range(1, 10)]
    for step in steps:
        ratio = v / step
        if np.mean(np.abs(ratio - np.round(ratio)) < 1e-6) >= ROUNDING_SHARE:
            return step
    return 1e-9


def fit_numeric(values: pd.Series, rounded: bool = True) -> dict:
    """Quantiles of the present values and their rounding step (none for ratios)."""
    v = values.dropna().to_numpy(dtype=float)
    levels = np.linspace(TAIL, 1 - TAIL, N_QUANTILES)
    return {
        "kind": "numeric",
        "quantiles": [_clean(q) for q in np.quantile(v, levels)],
        "step": _clean(rounding_step(values)) if rounded else None,
    }


def fit_frequencies(values: pd.Series, order: list | None = None, kind: str = "discrete") -> dict:
    """Share of each value (missing counted as the value None), in the given order.

    The order matters for the copula: a uniform draw below the first cumulative share picks
    the first value, and so on.
    """
    counts = values.value_counts(dropna=False)
    if kind == "discrete":  # a number seen once or twice could point at a person: drop it
        counts = counts[counts >= MIN_COUNT] if (counts >= MIN_COUNT).any() else counts
    keys = [None if pd.isna(k) else k for k in counts.index]
    shares = dict(zip(keys, counts.to_numpy() / counts.sum(), strict=True))
    if order is None:
        present = sorted(k for k in keys if k is not None)
        order = present + ([None] if None in shares else [])
    return {
        "kind": kind,
        "values": [None if k is None else _clean(k) if kind == "discrete" else k for k in order],
        "p": [round(float(shares.get(k, 0.0)), 6) for k in order],
    }


def fit_column(values: pd.Series, order: list | None = None) -> dict:
    """Frequency table for labels and few-valued numbers, quantiles otherwise."""
    if values.dtype == object:
        return fit_frequencies(values, order, kind="categorical")
    if values.nunique() <= MAX_DISCRETE_VALUES:
        return fit_frequencies(values, order)
    return fit_numeric(values)


def normal_scores(codes: np.ndarray) -> np.ndarray:
    """Map values (already ordered as the marginal samples them) to N(0, 1) scores.

    Ties share their mid-rank, so a binary column becomes a two-valued score. NaN gets 0.
    """
    s = pd.Series(codes, dtype=float)
    present = s.notna()
    ranks = s[present].rank(method="average").to_numpy()
    out = np.zeros(len(s))
    out[present.to_numpy()] = ndtri((ranks - 0.5) / present.sum())
    return out


def order_codes(values: pd.Series, marginal: dict) -> np.ndarray:
    """Position of each value in the marginal's order (numeric columns: the values)."""
    if marginal["kind"] == "numeric":
        return values.to_numpy(dtype=float)
    position = {v: i for i, v in enumerate(marginal["values"])}
    keys = values.astype(object).where(values.notna(), None)
    return np.array([position.get(k, np.nan) for k in keys], dtype=float)


def sample(marginal: dict, u: np.ndarray) -> np.ndarray:
    """Invert the marginal at uniforms u; frequency tables return an object or float array."""
    if marginal["kind"] == "numeric":
        q = np.asarray(marginal["quantiles"], dtype=float)
        x = np.interp(u, np.linspace(TAIL, 1 - TAIL, len(q)), q)
        return x if marginal["step"] is None else round_to(x, marginal["step"])
    cum = np.cumsum(marginal["p"])
    idx = np.minimum(np.searchsorted(cum / cum[-1], u, side="right"), len(cum) - 1)
    if marginal["kind"] == "categorical":
        return np.asarray(marginal["values"], dtype=object)[idx]
    values = np.array([np.nan if v is None else v for v in marginal["values"]], dtype=float)
    return values[idx]


def round_to(x: np.ndarray, step: float) -> np.ndarray:
    """Round to a multiple of step, then drop the binary noise left by the division."""
    decimals = max(0, int(np.ceil(-np.log10(step))) + 1) if step < 1 else 0
    return np.round(np.round(x / step) * step, decimals)


def draw(marginal: dict, rng: np.random.Generator, n: int) -> np.ndarray:
    """Independent draws from a marginal."""
    return sample(marginal, rng.random(n))
