"""Cross-validated training: class-imbalance choice, out-of-fold figures, threshold, final model."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import lightgbm as lgb
import numpy as np
from sklearn.model_selection import train_test_split

from .. import thin_files
from ..config import TrainingConfig
from . import baselines, lgbm, metrics

log = logging.getLogger(__name__)


@dataclass
class TrainingResult:
    booster: lgb.Booster
    params: dict
    oof: np.ndarray
    metrics: dict  # the content of metrics.json except the export parity figure
    threshold: float


def imbalance_options(y: np.ndarray) -> dict[str, dict]:
    """Ways to handle the ~8 % default rate, compared on out-of-fold cost before choosing one."""
    ratio = float((y == 0).sum() / max((y == 1).sum(), 1))
    return {
        "unweighted": {},
        "scale_pos_weight=sqrt(neg/pos)": {"scale_pos_weight": round(np.sqrt(ratio), 3)},
        "is_unbalance": {"is_unbalance": True},
    }


def compare_imbalance(
    x: np.ndarray, y: np.ndarray, columns: lgbm.Columns, cfg: TrainingConfig
) -> tuple[str, list[dict]]:
    """Cross-validate every option on a stratified subsample; keep the lowest business cost."""
    if len(y) > cfg.comparison_rows:
        rows, _ = train_test_split(np.arange(len(y)), train_size=cfg.comparison_rows, stratify=y, random_state=cfg.seed)
        x, y = x[np.sort(rows)], y[np.sort(rows)]
    results = []
    for name, extra in imbalance_options(y).items():
        cv = lgbm.selection_cv(x, y, columns, lgbm.base_params(cfg) | extra, cfg, cfg.comparison_folds, name)
        figures = metrics.summary(y, cv.oof, cfg.cost_false_negative, cfg.cost_false_positive)
        results.append(
            {
                "option": name,
                "params": extra,
                "rows": len(y),
                "folds": cfg.comparison_folds,
                "auc": figures["auc"],
                "brier": figures["brier"],
                "threshold": figures["threshold"],
                "costPerApplicant": figures["costPerApplicant"],
                "costAt05PerApplicant": figures["costAt05"] / len(y),
            }
        )
    # Cost decides; AUC breaks near-ties (within 0.2 % of the best cost).
    best_cost = min(r["costPerApplicant"] for r in results)
    close = [r for r in results if r["costPerApplicant"] <= best_cost * 1.002]
    chosen = max(close, key=lambda r: r["auc"])["option"]
    log.info("class imbalance: chose %s", chosen)
    return chosen, results


def baseline_figures(x: np.ndarray, y: np.ndarray, categorical: list[int], cfg: TrainingConfig) -> dict:
    c_fn, c_fp = cfg.cost_false_negative, cfg.cost_false_positive
    dummy = baselines.dummy_oof(y, cfg.n_folds, cfg.seed)
    logistic = baselines.logistic_oof(x, y, categorical, cfg.n_folds, cfg.seed, cfg.baseline_rows)
    keep = ("auc", "brier", "threshold", "cost", "costPerApplicant", "costAt05", "recall", "precision")
    return {
        name: {k: v for k, v in metrics.summary(y, oof, c_fn, c_fp).items() if k in keep}
        for name, oof in (("dummy", dummy), ("logisticRegression", logistic))
    }


def train(x: np.ndarray, y: np.ndarray, columns: lgbm.Columns, cfg: TrainingConfig) -> TrainingResult:
    chosen, comparison = compare_imbalance(x, y, columns, cfg)
    params = lgbm.base_params(cfg) | imbalance_options(y)[chosen]
    cv = lgbm.nested_cv(x, y, columns, params, cfg, "model", compare_remedy=True)
    c_fn, c_fp = cfg.cost_false_negative, cfg.cost_false_positive
    figures = metrics.summary(y, cv.oof, c_fn, c_fp)
    log.info("out-of-fold AUC %.4f, threshold %.4f, cost %.0f", figures["auc"], figures["threshold"], figures["cost"])
    report = {
        "rows": len(y),
        "defaultRate": float(y.mean()),
        "folds": cfg.n_folds,
        "innerFolds": cfg.inner_folds,
        "crossValidated": figures,
        "heldOutThreshold": metrics.held_out_threshold_cost(
            y, cv.oof, lgbm.folds(y, cfg.n_folds, cfg.seed), c_fn, c_fp
        ),
        "foldAuc": cv.fold_auc,
        "foldRounds": cv.fold_rounds,
        "costWeights": {"falseNegative": c_fn, "falsePositive": c_fp},
        "calibration": metrics.calibration_table(y, cv.oof),
        "roc": metrics.roc_points(y, cv.oof),
        "costCurve": metrics.cost_curve(y, cv.oof, c_fn, c_fp),
        "classImbalance": {"chosen": chosen, "comparison": comparison},
        "baselines": baseline_figures(x, y, columns.categorical, cfg),
        "params": {k: v for k, v in params.items() if k not in ("num_threads", "verbose")},
    }
    report["thinFile"] = thin_files.report(
        y,
        cv.oof,
        cv.oof_without_history,
        thin_files.has_history(x, columns.history),
        figures["threshold"],
        cfg.thin_file_share,
        cv.unremedied,
        thin_files.little_history(x, columns.names),
    )
    x_fit = lgbm.training_rows(x, columns, cfg, seed=cfg.seed)
    rounds = lgbm.choose_rounds(x_fit, y, columns, params, cfg, "final model, inner folds")
    booster = lgbm.fit_final(x_fit, y, columns, params, rounds)
    report["finalRounds"] = rounds
    return TrainingResult(booster, params, cv.oof, report, figures["threshold"])
