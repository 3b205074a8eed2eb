"""Correlation matrices for the Gaussian copula, stored as a rounded lower triangle."""

from __future__ import annotations

import numpy as np


def nearest_correlation(m: np.ndarray, floor: float = 1e-4) -> np.ndarray:
    """Closest usable correlation matrix: clip negative eigenvalues, restore the unit diagonal.

    Pairwise-complete estimates and JSON rounding can both leave a matrix slightly
    indefinite, which a Cholesky factorisation refuses.
    """
    w, v = np.linalg.eigh((m + m.T) / 2)
    fixed = (v * np.maximum(w, floor)) @ v.T
    d = np.sqrt(np.diag(fixed))
    return fixed / d[:, None] / d[None, :]


def to_lower_triangle(m: np.ndarray, decimals: int = 4) -> list[list[float]]:
    return [[round(float(x), decimals) for x in row[: i + 1]] for i, row in enumerate(m)]


def from_lower_triangle(lower: list[list[float]]) -> np.ndarray:
    n = len(lower)
    m = np.zeros((n, n))
    for i, row in enumerate(lower):
        m[i, : i + 1] = row
    return m + np.tril(m, -1).T
