"""History features: declared once, evaluated vectorised, following the written arithmetic contract."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from octroi_training import config, dataset, features, history_spec, spec, vectors


@pytest.fixture(scope="module")
def declared() -> dict:
    return features.build_feature_spec(None, {})


def evaluate(feature_spec: dict, tables: dict[str, pd.DataFrame], ids: list[int]) -> pd.DataFrame:
    return history_spec.history_features(feature_spec, tables.get, np.array(ids))


def test_installments_late_and_short_payments(declared: dict) -> None:
    table = pd.DataFrame(
        {
            "SK_ID_PREV": [1, 1, 1, 2],
            "SK_ID_CURR": [7, 7, 7, 8],
            "NUM_INSTALMENT_VERSION": 1.0,
            "NUM_INSTALMENT_NUMBER": [1.0, 2.0, 3.0, 1.0],
            "DAYS_INSTALMENT": [-100.0, -70.0, -40.0, -500.0],
            "DAYS_ENTRY_PAYMENT": [-105.0, -60.0, np.nan, -500.0],  # early, 10 days late, never paid
            "AMT_INSTALMENT": [100.0, 100.0, 100.0, 50.0],
            "AMT_PAYMENT": [100.0, 60.0, np.nan, 50.0],
        }
    ).astype({"SK_ID_PREV": "int32", "SK_ID_CURR": "int32"})
    out = evaluate(declared, {"installments_payments": table}, [7, 8, 9])
    assert out.loc[7, "INST_COUNT"] == 3
    assert out.loc[7, "INST_LATE_SHARE"] == np.float32(2 / 3)
    assert out.loc[7, "INST_DAYS_LATE_MAX"] == 10
    assert out.loc[7, "INST_SHORT_SHARE"] == np.float32(2 / 3)
    assert out.loc[7, "INST_SHORTFALL_MAX"] == 40
    assert out.loc[8, "INST_LATE_SHARE"] == 0
    assert np.isnan(out.loc[8, "INST_RECENT_LATE_SHARE"])  # nothing in the last year
    assert out.loc[9].isna().all(), "an applicant without rows has every history feature missing"


def test_previous_applications_approved_and_refused(declared: dict) -> None:
    table = pd.DataFrame(
        {
            "SK_ID_PREV": [1, 2, 3],
            "SK_ID_CURR": [7, 7, 7],
            "AMT_ANNUITY": 10.0,
            "AMT_APPLICATION": [100.0, 200.0, 0.0],
            "AMT_CREDIT": [100.0, 0.0, 50.0],
            "RATE_DOWN_PAYMENT": 0.0,
            "DAYS_DECISION": [-100.0, -800.0, -20.0],
            "CNT_PAYMENT": 12.0,
            "DAYS_LAST_DUE_1ST_VERSION": 300.0,
            "DAYS_LAST_DUE": [365243.0, -10.0, 365243.0],
            "NFLAG_INSURED_ON_APPROVAL": 1.0,
            "NAME_CONTRACT_TYPE": "Cash loans",
            "NAME_CONTRACT_STATUS": ["Approved", "Refused", "Approved"],
            "NAME_YIELD_GROUP": "high",
            "NAME_CLIENT_TYPE": "Repeater",
        }
    )
    out = evaluate(declared, {"previous_application": table}, [7])
    assert out.loc[7, "PREV_COUNT"] == 3 and out.loc[7, "PREV_REFUSED_COUNT"] == 1
    assert out.loc[7, "PREV_APPROVED_LAST_DAYS"] == -20 and out.loc[7, "PREV_REFUSED_LAST_DAYS"] == -800
    assert out.loc[7, "PREV_RUNNING_COUNT"] == 2
    assert out.loc[7, "PREV_GRANTED_ASKED_MIN"] == 0  # 0 / 200; 50 / 0 is missing, not infinite


def test_bureau_credits_their_months_and_a_month_of_no_known_credit(declared: dict) -> None:
    table = pd.DataFrame(
        {
            "SK_ID_CURR": [7, 7],
            "SK_ID_BUREAU": [1, 2],
            "DAYS_CREDIT": [-100.0, -1000.0],
            "CREDIT_DAY_OVERDUE": [0.0, 30.0],
            "DAYS_CREDIT_ENDDATE": [200.0, -500.0],
            "DAYS_ENDDATE_FACT": [np.nan, -600.0],
            "AMT_CREDIT_MAX_OVERDUE": np.nan,
            "CNT_CREDIT_PROLONG": 0.0,
            "AMT_CREDIT_SUM": [1000.0, 3000.0],
            "AMT_CREDIT_SUM_DEBT": [500.0, 0.0],
            "AMT_CREDIT_SUM_LIMIT": 0.0,
            "AMT_CREDIT_SUM_OVERDUE": 0.0,
            "DAYS_CREDIT_UPDATE": -10.0,
            "AMT_ANNUITY": np.nan,
            "CREDIT_ACTIVE": ["Active", "Closed"],
            "CREDIT_TYPE": ["Microloan", "Consumer credit"],
        }
    )
    balance = pd.DataFrame(
        {"SK_ID_BUREAU": [2, 1, 99, 2], "MONTHS_BALANCE": [-3, 0, -1, -30], "STATUS": ["3", "X", "5", "C"]}
    )
    out = evaluate(declared, {"bureau": table}, [7])
    assert out.loc[7, "BUREAU_ACTIVE_COUNT"] == 1 and out.loc[7, "BUREAU_MICROLOAN_COUNT"] == 1
    assert out.loc[7, "BUREAU_DEBT_CREDIT_RATIO"] == np.float32(500 / 4000)
    assert out.loc[7, "BUREAU_EARLY_END_SHARE"] == 1  # closed 100 days before the planned end
    assert np.isnan(out.loc[7, "BUREAU_WORST_STATUS"]), "no monthly statuses: missing"
    out = evaluate(declared, {"bureau": table, "bureau_balance": balance}, [7])
    assert out.loc[7, "BUREAU_MONTHS_COUNT"] == 3, "the month of credit 99, known to no applicant, is left out"
    assert out.loc[7, "BUREAU_WORST_STATUS"] == 3 and out.loc[7, "BUREAU_RECENT_LATE_MONTHS"] == 1


def test_sums_add_in_row_order_without_compensation() -> None:
    """pandas' groupby sum compensates; the contract adds one by one, which bincount does."""
    values = np.array([0.1] * 10 + [1e16, 1.0, -1e16, 1.0])
    applicants = np.array([0] * 10 + [1] * 4)
    total = history_spec.aggregate({"name": "S", "op": "sum", "input": "X"}, {"X": values}, applicants, 2)
    assert total[0] == sum([0.1] * 10, 0.0) == 0.9999999999999999
    assert pd.Series(values).groupby(applicants).sum()[0] == 1.0, "pandas compensates: another value"
    assert total[1] == ((1e16 + 1.0) + -1e16) + 1.0


# --- The vectorised evaluator against a plain reading of the contract, row by row -------------------------------


def _raw_number(value: object, missing: list[float]) -> float:
    if not spec._is_number(value):
        return math.nan
    single = float(np.float32(value)) if np.isfinite(np.float32(value)) else math.nan
    return math.nan if single in [float(np.float32(m)) for m in missing] else single


def _row_value(declared: dict, row: dict, values: dict[str, float]) -> float:
    op, inputs = declared["op"], declared["inputs"]
    a = values.get(inputs[0], math.nan) if op not in history_spec.RAW_ROW_OPS else row.get(inputs[0])
    if op == "number":
        return _raw_number(a, declared.get("missingValues", []))
    if op == "equals":
        return float(isinstance(a, str) and a in declared["values"])
    if op == "lookup":
        default = math.nan if declared.get("default") is None else declared["default"]
        return float(declared["map"].get(a, default)) if isinstance(a, str) else default
    b = values[inputs[1]] if len(inputs) > 1 else declared.get("value")
    if op == "compare":
        return float({">": a > b, ">=": a >= b, "<": a < b, "<=": a <= b, "==": a == b}[declared["test"]])
    if op == "ratio":
        return math.nan if b == 0 or math.isnan(a) or math.isnan(b) else a / b
    if op == "difference":
        return a - b
    if op == "isMissing":
        return float(math.isnan(a))
    if op in ("and", "or"):
        flags = [values[i] == 1 for i in inputs]
        return float(all(flags) if op == "and" else any(flags))
    if op == "negate":
        return -a
    if op == "clip":
        if "lower" in declared and a < declared["lower"]:
            return float(declared["lower"])
        return a
    raise AssertionError(f"the reference reads no op {op}")


def _reference(section: dict, tables: dict[str, list[dict]]) -> dict[str, float]:
    """One applicant, every row theirs; aggregates exactly as the module docstring says."""
    out: dict[str, float] = {}
    for table in section["tables"]:
        rows = tables.get(table["name"])
        if "parent" in table:
            keys = {r.get(table["parent"]["key"]) for r in tables.get(table["parent"]["table"], [])}
            rows = [r for r in rows or [] if r.get(table["parent"]["key"]) in keys]
        values = []
        for row in rows or []:
            v: dict[str, float] = {}
            for declared in table["rows"]:
                v[declared["name"]] = 0.0 if declared["op"] == "latest" else _row_value(declared, row, v)
            values.append(v)
        for declared in (d for d in table["rows"] if d["op"] == "latest"):
            best: dict[object, int] = {}
            for i, (row, v) in enumerate(zip(rows, values, strict=True)):
                key, order = row.get(declared["by"]), v[declared["inputs"][0]]
                known = spec._is_number(key) and not math.isnan(order)
                if known and (key not in best or order >= values[best[key]][declared["inputs"][0]]):
                    best[key] = i
            for i in best.values():
                values[i][declared["name"]] = 1.0
        for declared in table["aggregates"]:
            kept = [v for v in values if "where" not in declared or v[declared["where"]] == 1]
            inputs = (
                [v[declared["input"]] for v in kept if not math.isnan(v[declared["input"]])]
                if "input" in declared
                else []
            )
            op = declared["op"]
            if not values:
                result = math.nan
            elif op == "count":
                result = float(len(kept))
            elif op == "sum":
                result = math.nan if not kept else sum(inputs, 0.0)  # Python's sum adds one by one
            elif not inputs:
                result = math.nan
            else:
                result = {"mean": lambda x: sum(x, 0.0) / len(x), "min": min, "max": max}[op](inputs)
            out[declared["name"]] = result + 0.0
    for combination in section["combinations"]:
        a, b = (out[n] for n in combination["inputs"])
        out[combination["name"]] = (math.nan if b == 0 or math.isnan(a) or math.isnan(b) else a / b) + 0.0
    return out


def _random_history(rng: np.random.Generator) -> dict[str, list[dict]]:
    """Rows with missing cells, ties, zeros and placeholders, drawn from small sets so that they collide."""

    def pick(*choices):
        return choices[rng.integers(len(choices))]

    def rows(count, make):
        return [{k: v for k, v in make(i).items() if v is not None} for i in range(count)]

    n = lambda *c: pick(None, *c)  # noqa: E731
    credits = rows(
        rng.integers(0, 6),
        lambda i: {
            "SK_ID_BUREAU": int(i + 1),
            "CREDIT_ACTIVE": n("Active", "Closed", "Sold"),
            "CREDIT_TYPE": n("Credit card", "Microloan", "Car loan"),
            "DAYS_CREDIT": n(-400.0, -364.0, -10.5, 0.0),
            "DAYS_CREDIT_ENDDATE": n(-5.0, 0.0, 300.0),
            "DAYS_ENDDATE_FACT": n(-5.0, -300.0),
            "AMT_CREDIT_SUM": n(0.0, 1e10, 0.1, 12345.678),
            "AMT_CREDIT_SUM_DEBT": n(-1e10, 0.1, 0.2, -0.0),
            "AMT_ANNUITY": n(0.0, 9.99),
            "CNT_CREDIT_PROLONG": n(0, 1),
            "DAYS_CREDIT_UPDATE": n(-3.0, 7.0),
            "CREDIT_DAY_OVERDUE": n(0.0, 31.0),
            "AMT_CREDIT_MAX_OVERDUE": n(0.0, 1.5),
            "AMT_CREDIT_SUM_LIMIT": n(0.0, -1.0),
            "AMT_CREDIT_SUM_OVERDUE": n(0.0, 2.5),
        },
    )
    return {
        "bureau": credits,
        "bureau_balance": rows(
            rng.integers(0, 8),
            lambda i: {
                "SK_ID_BUREAU": pick(1, 2, 3, 99),
                "MONTHS_BALANCE": pick(0, -11, -12, -40),
                "STATUS": n("C", "X", "0", "3"),
            },
        ),
        "previous_application": rows(
            rng.integers(0, 5),
            lambda i: {
                "NAME_CONTRACT_STATUS": n("Approved", "Refused", "Canceled"),
                "DAYS_DECISION": n(-364.0, -365.0, -10.0),
                "AMT_APPLICATION": n(0.0, 100.0),
                "AMT_CREDIT": n(0.0, 90.0, 1e-8),
                "DAYS_LAST_DUE": n(365243.0, -3.0),
                "DAYS_LAST_DUE_1ST_VERSION": n(365243.0, 40.0),
                "NAME_CONTRACT_TYPE": n("Revolving loans", "XNA"),
                "AMT_ANNUITY": n(0.0, 5.5),
                "RATE_DOWN_PAYMENT": n(0.0, 0.25),
                "CNT_PAYMENT": n(12.0, 0.0),
                "NFLAG_INSURED_ON_APPROVAL": n(0, 1),
                "NAME_YIELD_GROUP": n("high", "low_normal"),
                "NAME_CLIENT_TYPE": n("New", "Repeater"),
            },
        ),
        "POS_CASH_balance": rows(
            rng.integers(0, 7),
            lambda i: {
                "SK_ID_PREV": n(1, 2),
                "MONTHS_BALANCE": n(-1, -2, -12),
                "CNT_INSTALMENT_FUTURE": n(0.0, 3.5),
                "SK_DPD": n(0.0, 4.0),
                "NAME_CONTRACT_STATUS": n("Active", "Completed"),
                "SK_DPD_DEF": n(0.0, 2.0),
                "CNT_INSTALMENT": n(6.0, 12.0),
            },
        ),
        "installments_payments": rows(
            rng.integers(0, 7),
            lambda i: {
                "DAYS_INSTALMENT": n(-400.0, -364.0, -1.0),
                "DAYS_ENTRY_PAYMENT": n(-400.0, -364.0, -1.0),
                "AMT_INSTALMENT": n(0.0, 100.01, 1e9),
                "AMT_PAYMENT": n(0.0, 100.0, 1e9),
            },
        ),
        "credit_card_balance": rows(
            rng.integers(0, 5),
            lambda i: {
                "MONTHS_BALANCE": n(-1, -6, -5),
                "AMT_BALANCE": n(-0.0, 10.0, 3e5),
                "AMT_CREDIT_LIMIT_ACTUAL": n(0.0, 3e5),
                "SK_DPD": n(0.0, 1.0),
                "AMT_INST_MIN_REGULARITY": n(0.0, 7.0),
                "AMT_PAYMENT_TOTAL_CURRENT": n(0.0, 7.0),
                "AMT_DRAWINGS_CURRENT": n(0.0, -3.0),
                "AMT_DRAWINGS_ATM_CURRENT": n(1.0),
                "CNT_DRAWINGS_CURRENT": n(0, 2),
            },
        ),
    }


def test_vectorised_evaluator_follows_the_contract_row_by_row(declared: dict) -> None:
    rng = np.random.default_rng(7)
    histories = [_random_history(rng) for _ in range(300)]
    ids = list(range(1000, 1300))
    frames = {}
    for table in history_spec.TABLES:  # all applicants in one frame per table, rows interleaved
        # Interleaved as in a file, each applicant's rows still in their own order: merged on sorted random keys.
        keyed = [
            (key, i, r)
            for i, h in zip(ids, histories, strict=True)
            for key, r in zip(np.sort(rng.random(len(h[table.table]))), h[table.table], strict=True)
        ]
        chosen = [(i, r) for _, i, r in sorted(keyed, key=lambda entry: entry[0])]
        frame = pd.DataFrame([r for _, r in chosen], dtype=object)
        if table.parent is None:
            frame[config.ID] = [i for i, _ in chosen]
        else:  # give each applicant's credits distinct ids, as a bureau file does
            frame["SK_ID_BUREAU"] = [i * 1000 + r["SK_ID_BUREAU"] for i, r in chosen]
        frames[table.table] = frame
    frames["bureau"]["SK_ID_BUREAU"] = [
        i * 1000 + r for i, r in zip(frames["bureau"][config.ID], frames["bureau"]["SK_ID_BUREAU"], strict=True)
    ]
    got = history_spec.evaluate_history(declared["history"], frames.get, np.array(ids))
    for k, history in enumerate(histories):
        expected = _reference(declared["history"], history)
        for name, value in expected.items():
            actual = got[name][k]
            assert (math.isnan(value) and math.isnan(actual)) or (
                value == actual and math.copysign(1, value) == math.copysign(1, actual)
            ), (name, k, value, actual)


# --- Declarations against the tables they read --------------------------------------------------------------------


def test_every_column_read_is_in_the_files_schema_and_the_intake_rules(declared: dict) -> None:
    rules = json.loads(config.INTAKE_RULES_FILE.read_text(encoding="utf-8"))["history"]["tables"]
    schemas = {s.file.removesuffix(".csv"): s.columns for s in dataset.SECONDARY_TABLES.values()}
    for table in declared["history"]["tables"]:
        name = table["name"]
        reads = {
            (r["inputs"][0], "string" if r["op"] in ("equals", "lookup") else "number")
            for r in table["rows"]
            if r["op"] in history_spec.RAW_ROW_OPS
        }
        reads |= {(r["by"], "number") for r in table["rows"] if r["op"] == "latest"}
        if "parent" in table:
            reads.add((table["parent"]["key"], "number"))
        for column, kind in reads:
            assert column in schemas[name], (name, column, "not read from the file")
            assert rules[name]["columns"][column]["type"] == kind, (name, column)
        names = [r["name"] for r in table["rows"]]
        assert len(names) == len(set(names)), name
        for aggregate in table["aggregates"]:
            assert aggregate["op"] in history_spec.AGGREGATE_OPS
            assert {aggregate.get("input"), aggregate.get("where")} - {None} <= set(names), aggregate


def test_history_features_are_declared_once_and_in_the_spec(declared: dict) -> None:
    history = [f for f in declared["features"] if f["source"] != "application"]
    produced = {a["name"] for t in declared["history"]["tables"] for a in t["aggregates"]}
    produced |= {c["name"] for c in declared["history"]["combinations"]}
    assert {f["name"] for f in history} <= produced
    assert len(history) == len(history_spec.HISTORY_FEATURES) >= 90


def test_the_training_path_and_a_request_give_the_same_bits_on_real_linked_rows(real_sample_folder) -> None:
    """Typed columns read from the files, and the same rows as JSON values in a request, evaluate identically."""
    feature_spec = features.build_feature_spec(None, {})
    applicants = dataset.read_applications(real_sample_folder, [])
    sample = vectors.SampledApplicants(applicants, count=60, seed=3)
    trained = features.history_features(real_sample_folder, feature_spec, applicants[config.ID], tap=sample.keep)
    assert trained.notna().any(axis=1).sum() > 100, "the linked rows reach the applicants"
    with_history = 0
    for description, raw in sample.cases():
        applicant = int(description.split()[1])
        requested = vectors.expected_features(feature_spec, raw)
        with_history += any(isinstance(v, list) and v for v in raw.values())
        for name in trained.columns:
            value, expected = trained.loc[applicant, name], requested[name]
            assert (expected is None and np.isnan(value)) or (np.float32(expected).tobytes() == value.tobytes()), (
                applicant,
                name,
                value,
                expected,
            )
    assert with_history >= 20
