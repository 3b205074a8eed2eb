"""test_vectors.json: raw applications in, expected application features out.

Hand-written edge cases pin the missing-value rules of every op; a few applicants of the
training folder show ordinary values. The expected values come from the Python evaluator,
and both the pytest suite and the TypeScript evaluator must reproduce them bit for bit.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from . import config, spec
from .dataset import APPLICATION_COLUMNS

TYPICAL = {
    "NAME_CONTRACT_TYPE": "Cash loans",
    "CODE_GENDER": "F",
    "FLAG_OWN_CAR": "N",
    "FLAG_OWN_REALTY": "Y",
    "CNT_CHILDREN": 1,
    "AMT_INCOME_TOTAL": 135000.0,
    "AMT_CREDIT": 568800.0,
    "AMT_ANNUITY": 20560.5,
    "AMT_GOODS_PRICE": 450000.0,
    "NAME_INCOME_TYPE": "Working",
    "NAME_EDUCATION_TYPE": "Higher education",
    "NAME_FAMILY_STATUS": "Married",
    "DAYS_BIRTH": -12005,
    "DAYS_EMPLOYED": -4542,
    "CNT_FAM_MEMBERS": 3,
    "EXT_SOURCE_1": 0.52,
    "EXT_SOURCE_2": 0.789654,
    "EXT_SOURCE_3": 0.1595,
    "FLAG_DOCUMENT_3": 1,
}

EDGE_CASES: list[tuple[str, dict]] = [
    ("a typical application", TYPICAL),
    ("nothing filled in: every feature is missing", {}),
    ("explicit nulls are missing values", {k: None for k in TYPICAL}),
    ("DAYS_EMPLOYED = 365243 (no current job) is missing", TYPICAL | {"DAYS_EMPLOYED": 365243}),
    ("zero loan amount: ratios over it are missing", TYPICAL | {"AMT_CREDIT": 0}),
    ("zero goods price and household size", TYPICAL | {"AMT_GOODS_PRICE": 0.0, "CNT_FAM_MEMBERS": 0}),
    ("zero numerators give zero ratios", TYPICAL | {"AMT_ANNUITY": 0, "DAYS_EMPLOYED": 0}),
    (
        "unknown and miscased categories are missing",
        TYPICAL | {"CODE_GENDER": "X", "NAME_CONTRACT_TYPE": "cash loans", "ORGANIZATION_TYPE": "Spaceport"},
    ),
    ("a category sent as a number, a number sent as text", TYPICAL | {"FLAG_OWN_CAR": 1, "AMT_INCOME_TOTAL": "135000"}),
    (
        "one external score: mean is it, spread is 0, product missing",
        TYPICAL | {"EXT_SOURCE_1": None, "EXT_SOURCE_3": None},
    ),
    ("two external scores", TYPICAL | {"EXT_SOURCE_2": None}),
    (
        "numbers are rounded to float32 first",
        TYPICAL | {"AMT_INCOME_TOTAL": 123456789.123, "EXT_SOURCE_2": 0.1, "AMT_ANNUITY": 1e-50},
    ),
    ("beyond float32 range is missing", TYPICAL | {"AMT_CREDIT": 1e39}),
    (
        "negative values and equal scores",
        TYPICAL | {"EXT_SOURCE_1": 0.5, "EXT_SOURCE_2": 0.5, "EXT_SOURCE_3": 0.5, "DAYS_BIRTH": -20000.5},
    ),
    ("every document provided", TYPICAL | {f"FLAG_DOCUMENT_{i}": 1 for i in range(2, 22)}),
    (
        "bureau enquiries all present",
        TYPICAL
        | {
            f"AMT_REQ_CREDIT_BUREAU_{p}": v
            for p, v in zip(("HOUR", "DAY", "WEEK", "MON", "QRT", "YEAR"), (0, 0, 1, 2, 0, 3), strict=True)
        },
    ),
]


def _json_value(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (np.floating, float)):
        return float(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    return value


def _sample_rows(applicants: pd.DataFrame, count: int, seed: int) -> list[tuple[str, dict]]:
    rows = applicants.sample(n=min(count, len(applicants)), random_state=seed)
    result = []
    for _, row in rows.iterrows():
        raw = {c: _json_value(row[c]) for c in APPLICATION_COLUMNS if _json_value(row[c]) is not None}
        result.append((f"applicant {int(row[config.ID])} of the training folder", raw))
    return result


def build_test_vectors(
    feature_spec: dict, applicants: pd.DataFrame | None, samples: int = 12, seed: int = 42
) -> list[dict]:
    cases = EDGE_CASES + (_sample_rows(applicants, samples, seed) if applicants is not None else [])
    return [{"description": text, "raw": raw, "features": expected_features(feature_spec, raw)} for text, raw in cases]


def expected_features(feature_spec: dict, raw: dict) -> dict[str, float | None]:
    """Every model feature of one raw application, in spec order; history features are missing (null)."""
    frame = pd.DataFrame([dict(raw)], dtype=object)
    values = spec.application_features(feature_spec, frame).iloc[0]
    return {
        f["name"]: (None if f["source"] != "application" or np.isnan(values[f["name"]]) else float(values[f["name"]]))
        for f in feature_spec["features"]
    }
