"""Shared fixtures: the real sample folder (outside the repo) laid out under standard names."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from octroi_training import config  # noqa: E402

SAMPLE_ROWS = 400  # enough to meet real shapes and values, small enough to stay fast


@pytest.fixture(scope="session")
def real_sample_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """First rows of the real sample renamed to the standard file names, in a temporary folder."""
    source = config.SAMPLE_DATA_DIR
    if not (source / "application_train_sample.csv").exists():
        pytest.fail(f"the real sample folder is needed (set HOME_CREDIT_DATA); looked in {source}")
    folder = tmp_path_factory.mktemp("home-credit")
    with (source / "application_train_sample.csv").open(encoding="utf-8") as src, \
            (folder / config.APPLICATION_TRAIN).open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i > SAMPLE_ROWS:
                break
            dst.write(line)
    for table in (source / "linked").glob("*.csv"):
        shutil.copy(table, folder / table.name)
    return folder
