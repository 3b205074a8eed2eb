"""Nested cross-validation: no applicant is scored by a model that trained or stopped early on them."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from octroi_training import config
from octroi_training.modeling import lgbm


def data(rows: int = 1500, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Column 0 is the row number, so the rows a model saw can be read back from what it was given."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, 4)).astype(np.float32)
    x[:, 0] = np.arange(rows)
    y = (x[:, 1] + 0.5 * x[:, 2] + rng.normal(size=rows) > 1.2).astype(np.int32)
    return x, y


CFG = config.TrainingConfig(n_folds=4, inner_folds=3, max_rounds=80, early_stopping_rounds=10, threads=1)
COLUMNS = lgbm.Columns(names=["ROW", "A", "B", "C"], categorical=[])


def test_rounds_are_chosen_on_the_training_rows_of_each_fold_only(monkeypatch: pytest.MonkeyPatch) -> None:
    x, y = data()
    seen: list[set[int]] = []
    choose = lgbm.choose_rounds

    def recording(x_part, y_part, *args, **kwargs):
        seen.append({int(v) for v in x_part[:, 0]})
        return choose(x_part, y_part, *args, **kwargs)

    monkeypatch.setattr(lgbm, "choose_rounds", recording)
    cv = lgbm.nested_cv(x, y, COLUMNS, lgbm.base_params(CFG), CFG, "test")
    splits = lgbm.folds(y, CFG.n_folds, CFG.seed)
    assert len(seen) == CFG.n_folds
    for rows, (fit_rows, held_rows) in zip(seen, splits, strict=True):
        assert rows == set(fit_rows.tolist()) and not rows & set(held_rows.tolist())
    assert len(cv.fold_rounds) == CFG.n_folds and all(r >= 1 for r in cv.fold_rounds)
    assert cv.fold_auc == pytest.approx([roc_auc_score(y[h], cv.oof[h]) for _, h in splits])
