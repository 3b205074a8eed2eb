"""Where the generator reads its calibration and the real sample rows."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]

# The committed fitted figures: the generator needs nothing else.
CALIBRATION_FILE = Path(__file__).resolve().parent / "calibration.json"


def real_data_dir() -> Path:
    """Folder of real Home Credit sample rows (outside the repository, never committed).

    HOME_CREDIT_DATA may be absolute or relative to the repository root, so tests and
    commands behave the same from any working directory.
    """
    return (REPO_ROOT / os.environ.get("HOME_CREDIT_DATA", "../shared/data/home-credit")).resolve()
