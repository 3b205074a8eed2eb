"""Paths, file names and defaults, defined once for the whole pipeline."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
TRAINING_DIR = REPO_ROOT / "training"

# The real sample rows live outside the repository; tests and benchmarks find them here.
SAMPLE_DATA_DIR = (REPO_ROOT / os.environ.get("HOME_CREDIT_DATA", "../shared/data/home-credit")).resolve()

COLUMN_DESCRIPTIONS_FILE = "HomeCredit_columns_description.csv"

# What a new application must hold to be scored, defined once for the services and recorded in the bundle.
INTAKE_RULES_FILE = REPO_ROOT / "packages" / "contracts" / "src" / "intake" / "intake-rules.json"

# Standard file names of the Home Credit Default Risk tables.
APPLICATION_TRAIN = "application_train.csv"
APPLICATION_TEST = "application_test.csv"
BUREAU = "bureau.csv"
BUREAU_BALANCE = "bureau_balance.csv"
PREVIOUS_APPLICATION = "previous_application.csv"
POS_CASH = "POS_CASH_balance.csv"
INSTALLMENTS = "installments_payments.csv"
CREDIT_CARD = "credit_card_balance.csv"

ID = "SK_ID_CURR"
TARGET = "TARGET"

# The Home Credit extract writes 365243 days (1000 years) where a date does not apply.
DAYS_PLACEHOLDER = 365243.0

# "Recent history" means the last year before the application.
RECENT_DAYS = 365
RECENT_MONTHS = 12


@dataclass(frozen=True)
class TrainingConfig:
    """Knobs of one training run; the defaults are the shipped settings."""

    n_folds: int = 5
    # Folds inside each training part that choose the number of boosting rounds (early stopping).
    inner_folds: int = 3
    # Share of training applicants whose credit history is removed, so the model learns to score
    # an application alone (thin files; see thin_files.py).
    thin_file_share: float = 0.2
    seed: int = 42
    cost_false_negative: float = 10.0  # granting a loan that defaults
    cost_false_positive: float = 1.0  # refusing a loan that would have been repaid
    learning_rate: float = 0.04
    max_rounds: int = 2500
    early_stopping_rounds: int = 120
    # The class-imbalance comparison runs on a stratified subsample to keep the run short.
    comparison_rows: int = 60_000
    comparison_folds: int = 3
    # The logistic regression baseline fits on at most this many rows of each training fold.
    baseline_rows: int = 50_000
    threads: int = field(default_factory=lambda: os.cpu_count() or 2)


def wait_passively_for_threads() -> None:
    """LightGBM's OpenMP threads spin while waiting for each other; on a machine shared with other
    work that spinning steals the CPU they wait for, and two threads run several times slower than
    one. Passive waiting keeps multi-threading a gain. OpenMP reads the setting once, when lightgbm
    is first loaded: commands call this before importing the modelling code (a choice already made
    in the environment is kept)."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


BUNDLE_FILES = (
    "model.onnx",
    "model.lgb.json",
    "model.lgb.txt",
    "feature_spec.json",
    "decision.json",
    "policy.json",
    "metrics.json",
    "importance.json",
    "population.json",
    "applicants.arrow",
    "features.arrow",
    "shap_reference.json",
    "test_vectors.json",
    "model_card.md",
)
