"""Reference points the model must beat: a constant (dummy) score and a logistic regression."""

from __future__ import annotations

import logging

import numpy as np
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, QuantileTransformer
from threadpoolctl import threadpool_limits

from .lgbm import folds

log = logging.getLogger(__name__)


def dummy_oof(y: np.ndarray, n_folds: int, seed: int) -> np.ndarray:
    """Each held-out fold gets the default rate of the other folds."""
    oof = np.zeros(len(y))
    for fit_rows, held_rows in folds(y, n_folds, seed):
        oof[held_rows] = y[fit_rows].mean()
    return oof


def logistic_oof(
    x: np.ndarray, y: np.ndarray, categorical: list[int], n_folds: int, seed: int, max_rows: int
) -> np.ndarray:
    """Logistic regression on imputed, quantile-scaled numbers and one-hot categories.

    Each fold fits on at most ``max_rows`` of its training rows (a linear model gains little
    from more) and predicts every held-out row, so the figures cover all applicants."""
    numeric = [i for i in range(x.shape[1]) if i not in set(categorical)]
    prepare = ColumnTransformer(
        [
            (
                "numbers",
                make_pipeline(
                    SimpleImputer(strategy="median", keep_empty_features=True),
                    QuantileTransformer(
                        n_quantiles=100, output_distribution="normal", subsample=50_000, random_state=seed
                    ),
                ),
                numeric,
            ),
            (
                "categories",
                make_pipeline(
                    SimpleImputer(strategy="constant", fill_value=-1),
                    OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=20, sparse_output=False),
                ),
                categorical,
            ),
        ]
    )
    oof = np.zeros(len(y))
    for k, (fit_rows, held_rows) in enumerate(folds(y, n_folds, seed), start=1):
        with threadpool_limits(1):  # multi-threaded BLAS on a busy machine slows this several times
            oof[held_rows] = _fit_predict(prepare, x, y, fit_rows, held_rows, max_rows, seed)
        log.info("logistic regression fold %d/%d done", k, n_folds)
    return oof


def _fit_predict(
    prepare: ColumnTransformer,
    x: np.ndarray,
    y: np.ndarray,
    fit_rows: np.ndarray,
    held_rows: np.ndarray,
    max_rows: int,
    seed: int,
) -> np.ndarray:
    if len(fit_rows) > max_rows:
        fit_rows, _ = train_test_split(fit_rows, train_size=max_rows, stratify=y[fit_rows], random_state=seed)
    model = make_pipeline(clone(prepare), LogisticRegression(C=0.05, solver="newton-cholesky", max_iter=100))
    model.fit(x[fit_rows], y[fit_rows])
    return model.predict_proba(x[held_rows])[:, 1]
