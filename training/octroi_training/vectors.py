"""test_vectors.json: new applications in (with their history tables, as a request carries them), features out.

Hand-written edge cases pin the missing-value rules of every op and the arithmetic of the history aggregates;
a few applicants of the training folder, with their history rows, show ordinary values. The expected values come
from the Python evaluators, and both the pytest suite and the TypeScript evaluators must reproduce them bit for bit.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from . import config, history_spec, spec
from .dataset import APPLICATION_COLUMNS
from .history_spec import TABLES

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


# A complete application (the intake rules accept it), to carry the history cases.
COMPLETE = TYPICAL | {"NAME_HOUSING_TYPE": "House / apartment"}

_CREDIT = {"CREDIT_ACTIVE": "Active", "CREDIT_TYPE": "Consumer credit", "CREDIT_CURRENCY": "currency 1"}
_PAID = {"NUM_INSTALMENT_VERSION": 1, "SK_ID_PREV": 7}

HISTORY_CASES: list[tuple[str, dict]] = [
    ("history tables sent empty: every history feature is missing", COMPLETE | {table.table: [] for table in TABLES}),
    (
        "bureau credits with their monthly statuses, one credit without any",
        COMPLETE
        | {
            "bureau": [
                _CREDIT
                | {
                    "SK_ID_BUREAU": 1,
                    "DAYS_CREDIT": -200,
                    "AMT_CREDIT_SUM": 100000,
                    "AMT_CREDIT_SUM_DEBT": 40000,
                    "AMT_ANNUITY": 5000,
                    "DAYS_CREDIT_ENDDATE": 500,
                    "CREDIT_DAY_OVERDUE": 0,
                },
                _CREDIT
                | {
                    "SK_ID_BUREAU": 2,
                    "CREDIT_ACTIVE": "Closed",
                    "CREDIT_TYPE": "Credit card",
                    "DAYS_CREDIT": -900,
                    "AMT_CREDIT_SUM": 30000.5,
                    "DAYS_CREDIT_ENDDATE": -100,
                    "DAYS_ENDDATE_FACT": -300,
                    "AMT_CREDIT_MAX_OVERDUE": 1200.75,
                },
                _CREDIT
                | {
                    "SK_ID_BUREAU": 3,
                    "CREDIT_ACTIVE": "Sold",
                    "CREDIT_TYPE": "Microloan",
                    "DAYS_CREDIT": -40,
                    "CNT_CREDIT_PROLONG": 2,
                    "AMT_CREDIT_SUM_OVERDUE": 350.25,
                },
            ],
            "bureau_balance": [
                {"SK_ID_BUREAU": 1, "MONTHS_BALANCE": 0, "STATUS": "0"},
                {"SK_ID_BUREAU": 1, "MONTHS_BALANCE": -1, "STATUS": "2"},
                {"SK_ID_BUREAU": 2, "MONTHS_BALANCE": -20, "STATUS": "5"},
                {"SK_ID_BUREAU": 2, "MONTHS_BALANCE": -21, "STATUS": "C"},
                {"SK_ID_BUREAU": 1, "MONTHS_BALANCE": -2, "STATUS": "X"},
            ],
        },
    ),
    (
        "a sum of debts in row order, without compensation: 9999998976 + 1e-7 - 9999998976 + 1e-7",
        COMPLETE
        | {
            "bureau": [
                _CREDIT | {"DAYS_CREDIT": -10, "AMT_CREDIT_SUM_DEBT": debt, "AMT_CREDIT_SUM": 1}
                for debt in (9999998976, 1e-7, -9999998976, 1e-7)
            ],
        },
    ),
    (
        "previous applications: approved, refused, running, a zero amount asked, placeholders",
        COMPLETE
        | {
            "previous_application": [
                {
                    "NAME_CONTRACT_TYPE": "Cash loans",
                    "NAME_CONTRACT_STATUS": "Approved",
                    "DAYS_DECISION": -100,
                    "AMT_APPLICATION": 90000,
                    "AMT_CREDIT": 100000,
                    "AMT_ANNUITY": 4500.5,
                    "CNT_PAYMENT": 24,
                    "DAYS_LAST_DUE_1ST_VERSION": 365243,
                    "DAYS_LAST_DUE": 365243,
                    "NAME_YIELD_GROUP": "high",
                    "NAME_CLIENT_TYPE": "Repeater",
                    "NFLAG_INSURED_ON_APPROVAL": 1,
                    "RATE_DOWN_PAYMENT": 0.1,
                },
                {
                    "NAME_CONTRACT_TYPE": "Revolving loans",
                    "NAME_CONTRACT_STATUS": "Refused",
                    "DAYS_DECISION": -800,
                    "AMT_APPLICATION": 0,
                    "AMT_CREDIT": 0,
                    "NAME_CLIENT_TYPE": "New",
                },
                {
                    "NAME_CONTRACT_TYPE": "Consumer loans",
                    "NAME_CONTRACT_STATUS": "Approved",
                    "DAYS_DECISION": -1500,
                    "AMT_APPLICATION": 30000,
                    "AMT_CREDIT": 27000,
                    "DAYS_LAST_DUE_1ST_VERSION": -1000,
                    "DAYS_LAST_DUE": -1200,
                },
            ],
        },
    ),
    (
        "shop loan snapshots: a tie on the latest month goes to the later row",
        COMPLETE
        | {
            "POS_CASH_balance": [
                {
                    "SK_ID_PREV": 5,
                    "MONTHS_BALANCE": -3,
                    "NAME_CONTRACT_STATUS": "Active",
                    "CNT_INSTALMENT": 12,
                    "CNT_INSTALMENT_FUTURE": 4,
                    "SK_DPD": 0,
                    "SK_DPD_DEF": 0,
                },
                {
                    "SK_ID_PREV": 5,
                    "MONTHS_BALANCE": -1,
                    "NAME_CONTRACT_STATUS": "Active",
                    "CNT_INSTALMENT": 12,
                    "CNT_INSTALMENT_FUTURE": 2,
                    "SK_DPD": 15,
                    "SK_DPD_DEF": 3,
                },
                {
                    "SK_ID_PREV": 5,
                    "MONTHS_BALANCE": -1,
                    "NAME_CONTRACT_STATUS": "Completed",
                    "CNT_INSTALMENT": 12,
                    "CNT_INSTALMENT_FUTURE": 0,
                    "SK_DPD": 0,
                    "SK_DPD_DEF": 0,
                },
                {
                    "SK_ID_PREV": 6,
                    "MONTHS_BALANCE": -30,
                    "NAME_CONTRACT_STATUS": "Active",
                    "CNT_INSTALMENT": 6.5,
                    "CNT_INSTALMENT_FUTURE": 6,
                },
            ],
        },
    ),
    (
        "instalments: on time (no negative zero), early, late, short, never paid, last year",
        COMPLETE
        | {
            "installments_payments": [
                _PAID
                | {"DAYS_INSTALMENT": -400, "DAYS_ENTRY_PAYMENT": -400, "AMT_INSTALMENT": 1000, "AMT_PAYMENT": 1000},
                _PAID
                | {"DAYS_INSTALMENT": -370, "DAYS_ENTRY_PAYMENT": -380, "AMT_INSTALMENT": 1000, "AMT_PAYMENT": 1000},
                _PAID
                | {"DAYS_INSTALMENT": -100, "DAYS_ENTRY_PAYMENT": -90, "AMT_INSTALMENT": 1000.3, "AMT_PAYMENT": 600.1},
                _PAID | {"DAYS_INSTALMENT": -40, "AMT_INSTALMENT": 1000},
                _PAID | {"DAYS_INSTALMENT": -10, "DAYS_ENTRY_PAYMENT": -10, "AMT_INSTALMENT": 0, "AMT_PAYMENT": 0},
            ],
        },
    ),
    (
        "a credit card with an empty limit (use missing) and months in and out of the last half-year",
        COMPLETE
        | {
            "credit_card_balance": [
                {
                    "MONTHS_BALANCE": -1,
                    "AMT_BALANCE": 5000,
                    "AMT_CREDIT_LIMIT_ACTUAL": 0,
                    "SK_DPD": 0,
                    "AMT_PAYMENT_TOTAL_CURRENT": 300,
                    "AMT_INST_MIN_REGULARITY": 250,
                    "CNT_DRAWINGS_CURRENT": 3,
                },
                {
                    "MONTHS_BALANCE": -2,
                    "AMT_BALANCE": 45000.7,
                    "AMT_CREDIT_LIMIT_ACTUAL": 90000,
                    "SK_DPD": 4,
                    "AMT_DRAWINGS_CURRENT": 1200,
                    "AMT_DRAWINGS_ATM_CURRENT": 1000,
                },
                {
                    "MONTHS_BALANCE": -9,
                    "AMT_BALANCE": -20,
                    "AMT_CREDIT_LIMIT_ACTUAL": 90000,
                    "AMT_PAYMENT_TOTAL_CURRENT": 0,
                    "AMT_INST_MIN_REGULARITY": 0,
                },
            ],
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


def _json_rows(frame: pd.DataFrame) -> list[dict]:
    return [
        {c: _json_value(v) for c, v in row.items() if _json_value(v) is not None}
        for row in frame.to_dict(orient="records")
    ]


class SampledApplicants:
    """A few applicants of the training folder, and their history rows gathered while the tables are read."""

    def __init__(self, applicants: pd.DataFrame, count: int = 12, seed: int = 42) -> None:
        self.applicants = applicants.sample(n=min(count, len(applicants)), random_state=seed)
        self.ids = set(self.applicants[config.ID].astype(int))
        self.history: dict[str, pd.DataFrame] = {}

    def keep(self, table: str, frame: pd.DataFrame) -> None:
        """Called with each secondary table as training reads it: the sampled applicants' rows, in file order."""
        parent = next((t.parent for t in TABLES if t.table == table and t.parent), None)
        if parent is None:
            self.history[table] = frame[frame[config.ID].isin(self.ids)]
        else:
            owners = self.history.get(parent["table"], pd.DataFrame({parent["key"]: []}))
            self.history[table] = frame[frame[parent["key"]].isin(owners[parent["key"]])].merge(
                owners[[parent["key"], config.ID]], on=parent["key"], how="left"
            )

    def cases(self) -> list[tuple[str, dict]]:
        result = []
        for _, row in self.applicants.iterrows():
            applicant = int(row[config.ID])
            raw = {c: _json_value(row[c]) for c in APPLICATION_COLUMNS if _json_value(row[c]) is not None}
            for table, rows in self.history.items():
                mine = rows[rows[config.ID] == applicant]
                if table in _CHILD_TABLES:
                    mine = mine.drop(columns=[config.ID])
                raw[table] = _json_rows(mine)
            result.append((f"applicant {applicant} of the training folder, with the history the folder holds", raw))
        return result


_CHILD_TABLES = {t.table for t in TABLES if t.parent}


def build_test_vectors(feature_spec: dict, sample: SampledApplicants | None) -> list[dict]:
    cases = EDGE_CASES + HISTORY_CASES + (sample.cases() if sample is not None else [])
    return [{"description": text, "raw": raw, "features": expected_features(feature_spec, raw)} for text, raw in cases]


def _history_of(raw: dict) -> history_spec.Load:
    """The tables of one request as frames of JSON values, every row the applicant's (id 0)."""
    children = _CHILD_TABLES

    def load(table: str) -> pd.DataFrame | None:
        rows = raw.get(table)
        if rows is None:
            return None
        frame = pd.DataFrame([dict(r) for r in rows], dtype=object)
        if table not in children:
            frame[config.ID] = 0
        return frame

    return load


def expected_features(feature_spec: dict, raw: dict) -> dict[str, float | None]:
    """Every model feature of one new application as a request carries it (history tables included), spec order."""
    fields = {k: v for k, v in raw.items() if not isinstance(v, list)}
    frame = pd.DataFrame([fields], dtype=object)
    values = spec.application_features(feature_spec, frame).iloc[0].to_dict()
    values |= history_spec.history_features(feature_spec, _history_of(raw), np.array([0])).iloc[0].to_dict()
    return {
        f["name"]: None if np.isnan(values[f["name"]]) else float(values[f["name"]]) for f in feature_spec["features"]
    }
