"""Small vectorised building blocks shared by the history tables."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import expit, logit

from .marginals import sample


def risk_tilted(base_share: float, risk: np.ndarray, strength: float) -> np.ndarray:
    """Probability of an adverse event for each risk level.

    The base share is the sample's proportion; a client one standard deviation riskier
    has `strength` more log-odds of the event. This is where history carries signal.
    """
    p = min(max(base_share, 1e-4), 1 - 1e-4)
    return expit(logit(p) + strength * risk)


def expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Parent index and 0-based position of every child row, for per-parent counts."""
    counts = np.asarray(counts, dtype=np.int64)
    parent = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    return parent, np.arange(len(parent)) - starts[parent]


def scaled_counts(rng, shape: dict, n: int, coverage: float, mean: float) -> np.ndarray:
    """Children per parent: none for a share 1 - coverage, otherwise the fitted shape
    stretched to the full data's mean (the linked sample only holds part of each history)."""
    raw = sample(shape, rng.random(n))
    factor = mean / _mean(shape)
    stretched = np.floor(raw * factor + rng.random(n)).astype(np.int64)
    has_any = rng.random(n) < coverage
    return np.where(has_any, np.maximum(stretched, 1), 0)


def _mean(shape: dict) -> float:
    p = np.asarray(shape["p"], dtype=float)
    return float(np.dot(shape["values"], p / p.sum()))


def pick(marginal: dict | None, rng, n: int, default=0):
    """Draws from a marginal, or a constant when the sample had none to fit."""
    if marginal is None:
        return np.full(n, default, dtype=object if isinstance(default, str) else float)
    return sample(marginal, rng.random(n))


def event_values(rng, fitted: dict, p: np.ndarray) -> np.ndarray:
    """Positive value where an event happens (with probability p), 0 elsewhere."""
    happens = rng.random(len(p)) < p
    values = pick(fitted["values"], rng, len(p), default=1.0)
    return np.where(happens, values, 0.0)


@dataclass
class ClientRisk:
    """History risk of a chunk's clients, looked up by SK_ID_CURR (consecutive in a chunk)."""

    first_id: int
    values: np.ndarray

    def of(self, client_ids: np.ndarray) -> np.ndarray:
        return self.values[client_ids - self.first_id]
