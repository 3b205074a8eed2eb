"""Thin files: history removed for a share of the training rows, and how scores move without it."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from octroi_training import config, thin_files
from octroi_training.modeling import lgbm


def test_history_is_removed_for_about_the_share_asked_and_nothing_else() -> None:
    x = np.arange(20_000, dtype=np.float32).reshape(5_000, 4)
    masked = thin_files.mask_history(x, [2, 3], 0.2, seed=1)
    lost = np.isnan(masked[:, 2])
    assert lost.mean() == pytest.approx(0.2, abs=0.02)
    assert np.array_equal(lost, np.isnan(masked[:, 3])) and not np.isnan(masked[:, :2]).any()
    np.testing.assert_array_equal(masked[~lost], x[~lost])
    assert not np.isnan(x).any()  # the input is left as it was
    np.testing.assert_array_equal(thin_files.mask_history(x, [2, 3], 0.2, seed=1), masked)
    assert thin_files.mask_history(x, [], 0.5, seed=1) is x
    assert thin_files.has_history(masked, [2, 3]).tolist() == (~lost).tolist()


def test_the_report_measures_moves_of_clients_with_a_history_only() -> None:
    rng = np.random.default_rng(0)
    y = (rng.random(2_000) < 0.2).astype(int)
    p = np.clip(0.15 + 0.3 * y + rng.normal(0, 0.1, 2_000), 0, 1)
    had = np.arange(2_000) < 1_500
    removed = np.where(had, np.clip(p + 0.05, 0, 1), p)
    report = thin_files.report(y, p, removed, had, threshold=0.3, share=0.2)
    assert report["withHistory"] == 1_500 and report["withoutHistory"] == 500
    assert report["scoreShift"]["mean"] == pytest.approx(np.mean(removed[had] - p[had]))
    assert report["scoreShift"]["refusedThenGranted"] == 0
    expected = np.mean((p[had] < 0.3) & (removed[had] >= 0.3))
    assert report["scoreShift"]["grantedThenRefused"] == pytest.approx(expected)
    assert report["aucNoHistory"] is not None and report["aucWithHistory"] > 0.8


def test_the_remedy_is_measured_against_a_model_fitted_without_it() -> None:
    rng = np.random.default_rng(3)
    application = rng.normal(size=2_000)
    history = application + rng.normal(scale=0.3, size=2_000)
    history[:300] = np.nan  # natural thin files
    y = (application + np.nan_to_num(history) + rng.normal(size=2_000) > 1.5).astype(np.int32)
    x = np.column_stack([application, history]).astype(np.float32)
    columns = lgbm.Columns(names=["APPLICATION", "HISTORY"], categorical=[], history=[1])

    def cv(share: float, compare: bool = True) -> lgbm.CrossValidation:
        cfg = config.TrainingConfig(
            n_folds=3, inner_folds=3, max_rounds=40, early_stopping_rounds=10, threads=1, thin_file_share=share
        )
        return lgbm.nested_cv(x, y, columns, lgbm.base_params(cfg), cfg, "test", compare_remedy=compare)

    remedied = cv(0.2)
    plain, plain_removed = remedied.unremedied
    assert not np.allclose(plain, remedied.oof)  # fitted on the rows with their history intact
    # Without any history removed, the model fitted "without the remedy" is the same model.
    untouched = cv(0.0)
    np.testing.assert_allclose(untouched.unremedied[0], untouched.oof)
    np.testing.assert_allclose(untouched.unremedied[1], untouched.oof_without_history)
    assert cv(0.2, compare=False).unremedied is None

    had = thin_files.has_history(x, columns.history)
    report = thin_files.report(y, remedied.oof, remedied.oof_without_history, had, 0.5, 0.2, remedied.unremedied)
    before = report["withoutRemedy"]
    assert before["aucHistoryRemoved"] == pytest.approx(roc_auc_score(y, plain_removed))
    assert before["aucNoHistory"] == pytest.approx(roc_auc_score(y[~had], plain[~had]))
    assert report["aucNoHistory"] == pytest.approx(roc_auc_score(y[~had], remedied.oof[~had]))
    assert thin_files.report(y, plain, plain_removed, had, 0.5, 0.2)["withoutRemedy"] is None
    little = np.arange(2_000) >= 1_400
    few = thin_files.report(y, remedied.oof, remedied.oof_without_history, had, 0.5, 0.2, remedied.unremedied, little)
    assert few["littleHistory"]["count"] == 600
    assert few["littleHistory"]["auc"] == pytest.approx(roc_auc_score(y[little], remedied.oof[little]))
    assert few["littleHistory"]["aucWithoutRemedy"] == pytest.approx(roc_auc_score(y[little], plain[little]))


def test_little_history_is_a_known_history_of_one_credit_at_most() -> None:
    nan = np.nan
    x = np.array(
        [
            [0.5, 0, 1],  # one earlier application
            [0.5, 1, 1],  # two credits
            [0.5, nan, nan],  # no history at all: not "little"
            [0.5, 1, nan],  # one credit at another lender, no earlier application here
            [0.5, 0, 0],  # a history without a credit
        ],
        dtype=np.float32,
    )
    names = ["EXT_SOURCE_2", "BUREAU_CREDIT_COUNT", "PREV_COUNT"]
    assert thin_files.little_history(x, names).tolist() == [True, False, False, True, True]
    assert not thin_files.little_history(x, ["A", "B", "C"]).any()
