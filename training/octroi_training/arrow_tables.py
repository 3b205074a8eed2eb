"""applicants.arrow and features.arrow (Arrow IPC file format, uncompressed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from . import config
from .dataset import APPLICATION_COLUMNS, APPLICATION_TEXT_COLUMNS


def write_ipc(table: pa.Table, path: Path) -> None:
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)


def applicants_table(applicants: pd.DataFrame) -> pa.Table:
    """Identifier, known outcome (null when unknown) and every raw column (text as dictionaries)."""
    columns = {
        config.ID: pa.array(applicants[config.ID].to_numpy(np.int32)),
        config.TARGET: pa.array(applicants[config.TARGET].to_numpy(np.float32), from_pandas=True),
    }
    for name in APPLICATION_COLUMNS:
        values = applicants[name]
        if name in APPLICATION_TEXT_COLUMNS:
            columns[name] = pa.array(
                values.astype(object).where(values.notna(), None), type=pa.string()
            ).dictionary_encode()
        else:
            columns[name] = pa.array(values.to_numpy(np.float32), from_pandas=True)  # NaN → null
    return pa.table(columns)


def features_table(
    ids: np.ndarray, target: np.ndarray, probability: np.ndarray, x: np.ndarray, names: list[str]
) -> pa.Table:
    """Identifier, TARGET (NaN unknown), the exported model's score, then every feature (NaN missing)."""
    columns = {
        config.ID: pa.array(ids.astype(np.int32)),
        config.TARGET: pa.array(target.astype(np.float32)),
        "PROBABILITY": pa.array(probability.astype(np.float32)),
    }
    for i, name in enumerate(names):
        columns[name] = pa.array(np.ascontiguousarray(x[:, i], dtype=np.float32))
    return pa.table(columns)
