"""LightGBM settings and cross-validated fitting."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import lightgbm as lgb
import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

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
    best_rounds: int  # the same for every fold
    fold_auc: list[float]


def folds(y: np.ndarray, n_folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    return list(StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y))


@dataclass(frozen=True)
class Columns:
    """What LightGBM must know about the feature matrix's columns."""

    names: list[str]
    categorical: list[int]


def dataset(x: np.ndarray, y: np.ndarray, columns: Columns, reference: lgb.Dataset | None = None) -> lgb.Dataset:
    return lgb.Dataset(x, label=y, feature_name=columns.names, categorical_feature=columns.categorical,
                       reference=reference, free_raw_data=False, params={"verbose": -1, "max_bin": 255})


def _progress(label: str, every: int = 100):
    """Log line every ``every`` rounds: where the cross-validated AUC stands, and the time spent."""
    start = time.perf_counter()

    def callback(env: lgb.callback.CallbackEnv) -> None:
        if (env.iteration + 1) % every == 0:
            auc = next((r[2] for r in env.evaluation_result_list if r[1] == "auc"), float("nan"))
            log.info("%s: round %d, mean held-out AUC %.4f, %.0f s", label, env.iteration + 1, auc,
                     time.perf_counter() - start)
    return callback


def cross_validate(x: np.ndarray, y: np.ndarray, columns: Columns, params: dict, cfg: TrainingConfig,
                   n_folds: int, label: str) -> CrossValidation:
    """Stratified K-fold; early stopping on the mean held-out AUC over the folds (steadier than
    stopping each fold on its own noisy curve), then out-of-fold predictions at that round."""
    splits = folds(y, n_folds, cfg.seed)
    start = time.perf_counter()
    result = lgb.cv(params, dataset(x, y, columns), num_boost_round=cfg.max_rounds, folds=splits,
                    return_cvbooster=True, callbacks=[lgb.early_stopping(cfg.early_stopping_rounds, verbose=False),
                                                      _progress(label)])
    boosters = result["cvbooster"]
    rounds = int(boosters.best_iteration)
    oof = np.zeros(len(y), dtype=np.float64)
    aucs = []
    for k, (booster, (_, held_rows)) in enumerate(zip(boosters.boosters, splits), start=1):
        oof[held_rows] = booster.predict(x[held_rows], num_iteration=rounds)
        aucs.append(float(roc_auc_score(y[held_rows], oof[held_rows])))
        log.info("%s fold %d/%d: AUC %.4f", label, k, n_folds, aucs[-1])
    log.info("%s: %d folds, best round %d, %.0f s", label, n_folds, rounds, time.perf_counter() - start)
    return CrossValidation(oof, rounds, aucs)


def fit_final(x: np.ndarray, y: np.ndarray, columns: Columns, params: dict, rounds: int) -> lgb.Booster:
    """Refit on every training row; a little more rounds than the folds since there is more data."""
    log.info("fitting the final model on %d rows, %d rounds", len(y), rounds)
    return lgb.train(params, dataset(x, y, columns), num_boost_round=rounds)
