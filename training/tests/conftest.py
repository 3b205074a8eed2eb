"""Shared fixtures: the real sample folder (outside the repository) laid out under standard names.

The real sample is not part of the repository. Without it, the tests that read it are skipped
with a reason naming the missing data; under CI (``CI=true``) or with
``OCTROI_REQUIRE_REAL_DATA=1`` its absence is a failure instead.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from octroi_training import config

config.wait_passively_for_threads()

SAMPLE_ROWS = 400  # enough to meet real shapes and values, small enough to stay fast


def real_data_required() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("OCTROI_REQUIRE_REAL_DATA") == "1"


def require_real_data(path: Path) -> None:
    """Skip (or fail, when the real data is required) unless ``path`` exists."""
    if path.exists():
        return
    reason = (
        f"needs the real Home Credit sample, not found: {path} "
        "(set HOME_CREDIT_DATA to the folder holding application_train_sample.csv and linked/)"
    )
    if real_data_required():
        pytest.fail(reason + "; required because CI=true or OCTROI_REQUIRE_REAL_DATA=1", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def real_sample_dir() -> Path:
    """The real sample folder itself (read only)."""
    require_real_data(config.SAMPLE_DATA_DIR / "application_train_sample.csv")
    return config.SAMPLE_DATA_DIR


@pytest.fixture(scope="session")
def real_sample_folder(real_sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """First rows of the real sample renamed to the standard file names, in a temporary folder."""
    folder = tmp_path_factory.mktemp("home-credit")
    with (
        (real_sample_dir / "application_train_sample.csv").open(encoding="utf-8") as src,
        (folder / config.APPLICATION_TRAIN).open("w", encoding="utf-8") as dst,
    ):
        for i, line in enumerate(src):
            if i > SAMPLE_ROWS:
                break
            dst.write(line)
    for table in (real_sample_dir / "linked").glob("*.csv"):
        shutil.copy(table, folder / table.name)
    return folder


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Name every test not run for lack of the real data, one line each, for the suite's summary."""
    skipped = [
        r for r in terminalreporter.stats.get("skipped", []) if "needs the real Home Credit sample" in str(r.longrepr)
    ]
    if skipped:
        terminalreporter.section("not run: the real Home Credit sample is missing")
        for report in skipped:
            terminalreporter.write_line(f"NOT RUN {report.nodeid}")
