"""History aggregates: one row per client from each secondary table.

Each module declares its features (name, unit, readable labels) next to the code computing them,
and exposes ``aggregate(...)`` returning a frame indexed by SK_ID_CURR with exactly those columns.
A client absent from a table, or a table absent from the input folder, gives missing values.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..config import ID


@dataclass(frozen=True)
class HistoryFeature:
    name: str
    source: str
    unit: str
    en: str
    fr: str


def declare(source: str, rows: list[tuple[str, str, str, str]]) -> list[HistoryFeature]:
    return [HistoryFeature(name, source, unit, en, fr) for name, unit, en, fr in rows]


def by_client(frame: pd.DataFrame, mask: pd.Series | None = None):
    """Group rows (optionally only those matching ``mask``) by client."""
    rows = frame if mask is None else frame.loc[mask]
    return rows.groupby(ID, sort=False)


def share(flag: pd.Series, keys: pd.Series) -> pd.Series:
    """Per client, the share of rows where ``flag`` holds."""
    return flag.astype(np.float64).groupby(keys, sort=False).mean()


def count(flag: pd.Series, keys: pd.Series) -> pd.Series:
    return flag.astype(np.float64).groupby(keys, sort=False).sum()


def safe_ratio(a: pd.Series, b: pd.Series) -> pd.Series:
    """a / b with missing values where b is 0 (so an empty limit never looks like infinite use)."""
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    return (a64 / b64.where(b64 != 0)).astype(np.float64)


def assemble(columns: dict[str, pd.Series], declared: list[HistoryFeature]) -> pd.DataFrame:
    frame = pd.DataFrame(columns)
    frame.index.name = ID
    return frame[[f.name for f in declared]].astype(np.float32)
