"""The feature specification, its evaluator, and the bundle's test vectors."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from octroi_training import config, features, spec
from octroi_training.vectors import EDGE_CASES, expected_features

BUNDLE = config.REPO_ROOT / "models" / "home-credit-generated"


@pytest.fixture(scope="module")
def declared() -> dict:
    return features.build_feature_spec(None, {})


def derive(feature_spec: dict, raw: dict) -> dict:
    return expected_features(feature_spec, raw)


def f32(x: float) -> float:
    return float(np.float32(x))


def test_every_feature_is_labelled_and_indexed(declared: dict) -> None:
    names = [f["name"] for f in declared["features"]]
    assert len(names) == len(set(names)) and 150 <= len(names) <= 250
    for i, feature in enumerate(declared["features"]):
        assert feature["index"] == i
        assert feature["label"]["en"] and feature["label"]["fr"] and feature["description"], feature["name"]
        assert feature["kind"] in ("numeric", "categorical")
        assert feature["kind"] == "numeric" or feature["categories"]


def test_derivations_only_read_what_exists(declared: dict) -> None:
    raw_fields = {f["name"] for f in declared["rawFields"]}
    seen: set[str] = set()
    for derivation in declared["derivations"]:
        assert derivation["op"] in spec.RAW_OPS + spec.DERIVED_OPS
        for name in derivation["inputs"]:
            assert name in (raw_fields if derivation["op"] in spec.RAW_OPS else seen), (derivation, name)
        seen.add(derivation["name"])
    application = {f["name"] for f in declared["features"] if f["source"] == "application"}
    assert application <= seen


def test_placeholder_and_zero_denominators() -> None:
    # Every declared feature, those the policy keeps out of the model included: the ops are the same.
    declared = features.build_feature_spec(None, {}, protected=())
    out = derive(declared, {"DAYS_EMPLOYED": 365243, "DAYS_BIRTH": -10000, "AMT_CREDIT": 0, "AMT_ANNUITY": 5000})
    assert out["DAYS_EMPLOYED"] is None and out["EMPLOYED_AGE_RATIO"] is None
    assert out["ANNUITY_CREDIT_RATIO"] is None  # zero denominator
    out = derive(declared, {"DAYS_EMPLOYED": -2500, "DAYS_BIRTH": -10000, "AMT_CREDIT": 50000, "AMT_ANNUITY": 0})
    assert out["EMPLOYED_AGE_RATIO"] == 0.25 and out["ANNUITY_CREDIT_RATIO"] == 0.0


def test_categories_codes_and_unknowns(declared: dict) -> None:
    out = derive(declared, {"NAME_CONTRACT_TYPE": "Revolving loans", "FLAG_OWN_REALTY": "X", "FLAG_OWN_CAR": 1})
    assert out["NAME_CONTRACT_TYPE"] == 1.0
    assert out["FLAG_OWN_REALTY"] is None and out["FLAG_OWN_CAR"] is None


def test_external_score_statistics(declared: dict) -> None:
    out = derive(declared, {"EXT_SOURCE_1": 0.2, "EXT_SOURCE_3": 0.6})
    a, b = f32(0.2), f32(0.6)
    mean = (a + b) / 2
    assert out["EXT_SOURCE_MEAN"] == f32(mean)
    assert out["EXT_SOURCE_MIN"] == a and out["EXT_SOURCE_MAX"] == b
    assert out["EXT_SOURCE_STD"] == f32(math.sqrt(((a - mean) ** 2 + (b - mean) ** 2) / 2))  # ddof 0
    assert out["EXT_SOURCE_PRODUCT"] is None  # one input missing
    single = derive(declared, {"EXT_SOURCE_2": 0.5})
    assert single["EXT_SOURCE_STD"] == 0.0 and single["EXT_SOURCE_MEAN"] == 0.5
    assert derive(declared, {})["EXT_SOURCE_MEAN"] is None


def test_numbers_are_read_as_float32(declared: dict) -> None:
    out = derive(declared, {"AMT_INCOME_TOTAL": 123456789.123, "CNT_FAM_MEMBERS": 3})
    assert out["AMT_INCOME_TOTAL"] == f32(123456789.123)
    assert out["INCOME_PER_PERSON"] == f32(f32(123456789.123) / 3)
    assert derive(declared, {"AMT_CREDIT": 1e39})["AMT_CREDIT"] is None  # beyond float32


@pytest.mark.filterwarnings("ignore:overflow encountered")  # 1e39 does not fit a float32, on purpose
def test_python_evaluator_matches_training_frame_path(declared: dict) -> None:
    """Typed columns (as the loaders give them) and raw JSON rows evaluate identically."""
    rows = [
        raw
        for _, raw in EDGE_CASES
        if all(
            not isinstance(v, str) or k in {d["inputs"][0] for d in declared["derivations"] if d["op"] == "category"}
            for k, v in raw.items()
        )
    ]
    typed = pd.DataFrame(rows)
    for column in typed:
        if typed[column].map(lambda v: isinstance(v, str)).any():
            typed[column] = typed[column].astype(object)
        else:
            typed[column] = pd.to_numeric(typed[column]).astype(np.float32)
    matrix = spec.application_features(declared, typed)
    for i, raw in enumerate(rows):
        expected = derive(declared, raw)
        for name, value in expected.items():
            if name in matrix:
                got = matrix[name].iloc[i]
                assert (value is None and np.isnan(got)) or got == value, (name, raw)


def test_bundle_test_vectors_match_the_evaluator() -> None:
    bundle_spec = json.loads((BUNDLE / "feature_spec.json").read_text(encoding="utf-8"))
    vectors = json.loads((BUNDLE / "test_vectors.json").read_text(encoding="utf-8"))
    assert len(vectors) >= 10
    for vector in vectors:
        got = expected_features(bundle_spec, vector["raw"])
        for name, value in vector["features"].items():
            assert got[name] == value or (got[name] is None and value is None), (vector["description"], name)


def test_the_specification_records_the_intake_rules(declared: dict) -> None:
    """Required fields and bounds come from the rules the services check (packages/contracts), recorded as they are."""
    rules = features.intake_rules()
    fields = {f["name"]: f for f in declared["rawFields"]}
    assert sorted(n for n, f in fields.items() if f["required"]) == sorted(rules["required"])
    assert fields["AMT_CREDIT"]["bounds"] == rules["bounds"]["AMT_CREDIT"]
    assert fields["FLAG_DOCUMENT_3"]["bounds"] == {"minimum": 0, "maximum": 1, "integer": True}
    assert "bounds" not in fields["NAME_CONTRACT_TYPE"]
