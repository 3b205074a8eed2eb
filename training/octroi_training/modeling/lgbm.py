"""LightGBM settings and cross-validated fitting."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import lightgbm as lgb
import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from .. import thin_files
from ..config import TrainingConfig

log = logging.getLogger(__name__)


def base_params(cfg: TrainingConfig) -> dict:
    """Shallow, heavily regularised trees: the signal is spread over many weak features, and
    the model must generalise from a few thousand rows (real sample) to millions."""
    return {
        "objective": "binary",
        # Early stopping on AUC: ranking is what the threshold uses, and unlike log-loss it is
        # not distorted by class weights, so the imbalance options compare fairly.
        "metric": "auc",
        "learning_rate": cfg.learning_rate,
        "num_leaves": 15,
        "max_depth": 6,
        "min_child_samples": 60,
        "min_sum_hessian_in_leaf": 1.0,
        "feature_fraction": 0.3,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 20.0,
        "max_bin": 255,
        "cat_smooth": 20.0,
        "cat_l2": 10.0,
        "min_data_per_group": 100,
        "max_cat_threshold": 16,
        "num_threads": cfg.threads,
        "seed": cfg.seed,
        "deterministic": True,
        "force_col_wise": True,
        "verbose": -1,
    }


@dataclass
class CrossValidation:
    oof: np.ndarray  # out-of-fold probability of default, one per training row
    fold_rounds: list[int]  # boosting rounds of each fold's model
    fold_auc: list[float]
    # The same held-out applicants scored with their credit history removed (thin files).
    oof_without_history: np.ndarray | None = None
    # Both again by a model fitted without the thin-file remedy (same rounds), when asked for.
    unremedied: tuple[np.ndarray, np.ndarray] | None = None


def folds(y: np.ndarray, n_folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    return list(StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y))


@dataclass(frozen=True)
class Columns:
    """What LightGBM must know about the feature matrix's columns."""

    names: list[str]
    categorical: list[int]
    history: list[int] = field(default_factory=list)  # features aggregating the credit history


def dataset(x: np.ndarray, y: np.ndarray, columns: Columns, reference: lgb.Dataset | None = None) -> lgb.Dataset:
    return lgb.Dataset(
        x,
        label=y,
        feature_name=columns.names,
        categorical_feature=columns.categorical,
        reference=reference,
        free_raw_data=False,
        params={"verbose": -1, "max_bin": 255},
    )


def _progress(label: str, every: int = 100):
    """Log line every ``every`` rounds: where the cross-validated AUC stands, and the time spent."""
    start = time.perf_counter()

    def callback(env: lgb.callback.CallbackEnv) -> None:
        if (env.iteration + 1) % every == 0:
            auc = next((r[2] for r in env.evaluation_result_list if r[1] == "auc"), float("nan"))
            log.info(
                "%s: round %d, mean held-out AUC %.4f, %.0f s",
                label,
                env.iteration + 1,
                auc,
                time.perf_counter() - start,
            )

    return callback


# Rounds chosen on inner folds are stretched this much when refitting on all their rows: a model
# fitted on more data keeps improving a little longer.
REFIT_GROWTH = 1.1


def early_stopped_cv(
    x: np.ndarray, y: np.ndarray, columns: Columns, params: dict, cfg: TrainingConfig, n_folds: int, label: str
) -> tuple[lgb.CVBooster, list[tuple[np.ndarray, np.ndarray]]]:
    """Stratified K-fold with early stopping on the mean held-out AUC over the folds (steadier than
    stopping each fold on its own noisy curve). The held-out rows have chosen the round: their
    scores are fit for choosing, not for reporting."""
    splits = folds(y, n_folds, cfg.seed)
    result = lgb.cv(
        params,
        dataset(x, y, columns),
        num_boost_round=cfg.max_rounds,
        folds=splits,
        return_cvbooster=True,
        callbacks=[lgb.early_stopping(cfg.early_stopping_rounds, verbose=False), _progress(label)],
    )
    return result["cvbooster"], splits


def choose_rounds(x: np.ndarray, y: np.ndarray, columns: Columns, params: dict, cfg: TrainingConfig, label: str) -> int:
    """Rounds for a model fitted on all of ``x``: early stopping on its inner folds, stretched for the refit."""
    boosters, _ = early_stopped_cv(x, y, columns, params, cfg, cfg.inner_folds, label)
    return max(1, round(boosters.best_iteration * REFIT_GROWTH))


def selection_cv(
    x: np.ndarray, y: np.ndarray, columns: Columns, params: dict, cfg: TrainingConfig, n_folds: int, label: str
) -> CrossValidation:
    """Out-of-fold scores of an early-stopped K-fold, to compare settings with each other (the same
    optimism for all): the held-out rows chose the round, so these are not the model's figures."""
    start = time.perf_counter()
    boosters, splits = early_stopped_cv(x, y, columns, params, cfg, n_folds, label)
    rounds = int(boosters.best_iteration)
    oof = np.zeros(len(y), dtype=np.float64)
    for booster, (_, held_rows) in zip(boosters.boosters, splits, strict=True):
        oof[held_rows] = booster.predict(x[held_rows], num_iteration=rounds)
    log.info("%s: %d folds, best round %d, %.0f s", label, n_folds, rounds, time.perf_counter() - start)
    return CrossValidation(oof, [rounds] * n_folds, [float(roc_auc_score(y[h], oof[h])) for _, h in splits])


def nested_cv(
    x: np.ndarray,
    y: np.ndarray,
    columns: Columns,
    params: dict,
    cfg: TrainingConfig,
    label: str,
    compare_remedy: bool = False,
) -> CrossValidation:
    """Out-of-fold scores of the whole training procedure: in each outer fold, the training rows lose
    the history of a share of them (``training_rows``), the rounds are chosen on inner folds of those
    rows only, a model is refitted on them, and the held-out fold, never seen before, is scored, as
    it is and with its history removed. With ``compare_remedy``, a model fitted on the same rows with
    their history intact (same rounds) scores the held-out fold both ways too: the remedy's worth."""
    start = time.perf_counter()
    oof, without = np.zeros(len(y), dtype=np.float64), np.zeros(len(y), dtype=np.float64)
    plain, plain_without = np.zeros(len(y), dtype=np.float64), np.zeros(len(y), dtype=np.float64)
    rounds, aucs = [], []
    splits = folds(y, cfg.n_folds, cfg.seed)
    for k, (fit_rows, held_rows) in enumerate(splits, start=1):
        name = f"{label} fold {k}/{cfg.n_folds}"
        x_fit = training_rows(x[fit_rows], columns, cfg, seed=cfg.seed + k)
        rounds.append(choose_rounds(x_fit, y[fit_rows], columns, params, cfg, f"{name}, inner folds"))
        booster = lgb.train(params, dataset(x_fit, y[fit_rows], columns), num_boost_round=rounds[-1])
        held, held_without = x[held_rows], thin_files.without_history(x[held_rows], columns.history)
        oof[held_rows], without[held_rows] = booster.predict(held), booster.predict(held_without)
        if compare_remedy:
            unremedied = lgb.train(params, dataset(x[fit_rows], y[fit_rows], columns), num_boost_round=rounds[-1])
            plain[held_rows], plain_without[held_rows] = unremedied.predict(held), unremedied.predict(held_without)
        aucs.append(float(roc_auc_score(y[held_rows], oof[held_rows])))
        log.info("%s: %d rounds, held-out AUC %.4f, %.0f s", name, rounds[-1], aucs[-1], time.perf_counter() - start)
    return CrossValidation(oof, rounds, aucs, without, (plain, plain_without) if compare_remedy else None)


def training_rows(x: np.ndarray, columns: Columns, cfg: TrainingConfig, seed: int) -> np.ndarray:
    """What a model is fitted on: the rows with the history of ``cfg.thin_file_share`` of them removed."""
    return thin_files.mask_history(x, columns.history, cfg.thin_file_share, seed)


def fit_final(x: np.ndarray, y: np.ndarray, columns: Columns, params: dict, rounds: int) -> lgb.Booster:
    log.info("fitting the final model on %d rows, %d rounds", len(y), rounds)
    return lgb.train(params, dataset(x, y, columns), num_boost_round=rounds)
