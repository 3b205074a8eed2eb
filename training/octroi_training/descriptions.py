"""Column documentation from HomeCredit_columns_description.csv (latin-1 encoded)."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from . import config

log = logging.getLogger(__name__)

APPLICATION_TABLE = "application_{train|test}.csv"


def find_descriptions(data_dir: Path) -> Path | None:
    """The description file of the input folder, else the one next to the real sample."""
    for folder in (data_dir, config.SAMPLE_DATA_DIR):
        path = folder / config.COLUMN_DESCRIPTIONS_FILE
        if path.exists():
            return path
    log.warning("%s not found: raw fields will have no description", config.COLUMN_DESCRIPTIONS_FILE)
    return None


def application_descriptions(path: Path | None) -> dict[str, str]:
    """Description of every application column by name (empty when the file is unknown)."""
    if path is None:
        return {}
    table = pd.read_csv(path, encoding="latin-1", usecols=["Table", "Row", "Description"])
    rows = table[table["Table"] == APPLICATION_TABLE]
    return {str(row.Row).strip(): " ".join(str(row.Description).split()) for row in rows.itertuples()}
