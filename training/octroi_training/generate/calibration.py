"""Fit the generator's figures from the real sample folder and save them as JSON.

    python -m octroi_training.generate.calibration        # reads HOME_CREDIT_DATA

Only fitted figures are written (quantiles, shares, correlations), never rows. The
generator reads the committed JSON, so it runs without the real folder.
"""

from __future__ import annotations

import argparse
import json
from functools import cache
from pathlib import Path

import pandas as pd

from .fit_applications import fit_applications
from .fit_history import fit_history
from .paths import CALIBRATION_FILE, real_data_dir
from .schema import FULL_DATA, FULL_DATA_MISSING

TRAIN_SAMPLE = "application_train_sample.csv"
TEST_SAMPLE = "application_test_sample.csv"


def fit(folder: Path) -> dict:
    train = pd.read_csv(folder / TRAIN_SAMPLE)
    test = pd.read_csv(folder / TEST_SAMPLE)
    return {
        "about": "Figures fitted on the Home Credit sample rows; no rows are stored here.",
        "fitted_on": {"application_rows": len(train), "linked_clients": "about 1,000"},
        "applications": fit_applications(train, test),
        "history": fit_history(folder / "linked"),
        "full_data": FULL_DATA,
        "full_data_missing": FULL_DATA_MISSING,
    }


def save(calibration: dict, path: Path = CALIBRATION_FILE) -> None:
    path.write_text(json.dumps(calibration, separators=(",", ":"), ensure_ascii=False) + "\n")


@cache
def _load(path: str) -> str:
    return Path(path).read_text()


def load(path: Path = CALIBRATION_FILE) -> dict:
    """A fresh copy of the calibration (callers may modify it)."""
    return json.loads(_load(str(path)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=real_data_dir(), help="folder of real sample rows (default: HOME_CREDIT_DATA)"
    )
    parser.add_argument("--out", type=Path, default=CALIBRATION_FILE)
    args = parser.parse_args()
    save(fit(args.data), args.out)
    print(f"calibration written to {args.out}")


if __name__ == "__main__":
    main()
