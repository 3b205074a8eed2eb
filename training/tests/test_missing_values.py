"""Missing information: default rates with and without a field, and what the shipped model makes of it."""

from __future__ import annotations

import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from octroi_training import config, missing_values
from octroi_training.generate.calibration import load

BUNDLE = config.REPO_ROOT / "models" / "home-credit-generated"


def test_default_rates_and_their_log_odds_difference() -> None:
    missing = np.array([True] * 100 + [False] * 300)
    target = np.array([1] * 20 + [0] * 80 + [1] * 30 + [0] * 270, dtype=float)
    figures = missing_values.default_rates(missing, target)
    assert (figures["missing"], figures["present"]) == (100, 300)
    assert (figures["defaultRateMissing"], figures["defaultRatePresent"]) == (0.2, 0.1)
    assert figures["logOddsDifference"] == pytest.approx(np.log(0.25) - np.log(1 / 9))
    assert figures["standardError"] == pytest.approx(np.sqrt(1 / (100 * 0.2 * 0.8) + 1 / (300 * 0.1 * 0.9)))


def test_a_difference_within_its_noise_counts_for_nothing() -> None:
    assert missing_values.shrunk(0.1, 0.2) == 0.0
    assert missing_values.shrunk(-0.4, 0.1) == pytest.approx(-0.4 * (1 - 1 / 16))
    assert missing_values.shrunk(0.3, 0.0) == 0.3


def test_no_current_job_is_the_placeholder_not_a_gap() -> None:
    frame = pd.DataFrame({"DAYS_EMPLOYED": [-100.0, 365243.0, np.nan], "EXT_SOURCE_1": [0.5, np.nan, 0.2]})
    assert missing_values.is_missing(frame, "DAYS_EMPLOYED").tolist() == [False, True, False]
    assert missing_values.is_missing(frame, "EXT_SOURCE_1").tolist() == [False, True, False]


def read_arrow(name: str) -> pa.Table:
    with pa.memory_map(str(BUNDLE / name)) as source:
        return pa.ipc.open_file(source).read_all()


def test_the_shipped_model_rewards_a_missing_field_only_where_real_data_shows_fewer_defaults() -> None:
    """Mean contribution of a field's own features where it is missing, computed here from LightGBM:
    never a lower risk where the real sample shows more defaults without the field.
    The bundle is trained on generated data: this checks the generator and the model together."""
    spec = json.loads((BUNDLE / "feature_spec.json").read_text(encoding="utf-8"))
    features, applicants = read_arrow("features.arrow"), read_arrow("applicants.arrow")
    known = ~np.isnan(features[config.TARGET].to_numpy())
    names = [f["name"] for f in spec["features"]]
    x = np.column_stack([features[n].to_numpy() for n in names]).astype(np.float32)[known]
    contributions = lgb.Booster(model_file=str(BUNDLE / "model.lgb.txt")).predict(x, pred_contrib=True)
    raw = applicants.select([f.field for f in missing_values.OFTEN_MISSING]).to_pandas()[known]
    checked = 0
    for entry in load()["applications"]["missing_risk"]:
        field = next(f for f in missing_values.OFTEN_MISSING if f.field == entry["field"])
        own = missing_values.own_features(spec, field)
        missing = missing_values.is_missing(raw, field.field)
        assert own and missing.any(), field.field
        effect = contributions[np.ix_(missing, own)].sum(axis=1).mean()
        if entry["target"] > 0:  # more defaults without the field, beyond the sample's noise
            assert effect >= missing_values.NEUTRAL, (field.field, effect)
            checked += 1
    assert checked >= 4  # external scores 1 and 3, bureau enquiries, building description
