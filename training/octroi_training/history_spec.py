"""The history section of the feature specification, and the one Python evaluator of it.

The section (``feature_spec.json`` → ``history``) declares, for each Home Credit secondary table, values computed on
each row, aggregates over an applicant's rows, then combinations of aggregates. The services evaluate the same
section in TypeScript (packages/model-bundle/src/history.ts) on the tables a request carries or a batch file lies
beside; ``test_vectors.json`` pins both evaluators to the same bits. Training computes its history features here,
vectorised over every applicant at once.

Arithmetic contract, shared by every evaluator:
- A raw number is read as in the application derivations (``number``): rounded to float32, missing (NaN) when
  absent, not a number (text is never parsed), not finite, or one of ``missingValues``. Every row value is then
  computed in float64.
- Row ops. Raw: ``number``; ``equals`` (1 when the raw text is one of ``values``, else 0, missing text included);
  ``lookup`` (the number ``map`` gives the raw text, ``default`` for any other text or none; a null default is NaN).
  On earlier row values: ``ratio``, ``difference``, ``sum``, ``product`` as in the application derivations;
  ``compare`` (1 when ``a test b`` holds, b being the second input or ``value``; 0 when either side is NaN);
  ``isMissing`` (1 when NaN); ``and``/``or`` (1 when all/any inputs equal 1); ``negate`` (-a); ``clip`` (``lower``
  when a < lower, ``upper`` when a > upper, else a; NaN stays NaN); ``latest`` (1 on the row whose input is the
  greatest among the applicant's rows with the same raw identifier ``by``, the later row on ties; 0 elsewhere and
  where the input or the identifier is missing).
- A table with a ``parent`` gives each row to the applicant of the first of the applicants' parent rows with the
  same ``key``; a row matching none is left out.
- Aggregates over an applicant's rows, in the order of the rows (the file's, or the request's), restricted to the
  rows where ``where`` equals 1: ``count`` the number of those rows; ``sum`` the float64 sum of their non-NaN
  inputs added one by one from +0 in row order (no compensated summation), NaN when no row matches; ``mean`` that
  sum divided by the number of non-NaN inputs, NaN when there is none; ``min``/``max`` the smallest/largest
  non-NaN input, NaN when there is none. An applicant with no row in a table has NaN for every aggregate of it.
- Every aggregate and combination is normalised by adding +0 (a -0 becomes +0), and every feature is finally
  rounded to float32.
- ``combinations`` apply the application derivation ops (``ratio``, ...) to aggregates, in float64.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from . import config, spec
from .history import HistoryFeature, TableDeclaration
from .history.bureau import BUREAU, BUREAU_BALANCE
from .history.credit_card import CREDIT_CARD
from .history.installments import INSTALLMENTS
from .history.pos_cash import POS_CASH
from .history.previous import PREVIOUS

TABLES: list[TableDeclaration] = [BUREAU, BUREAU_BALANCE, PREVIOUS, POS_CASH, INSTALLMENTS, CREDIT_CARD]
HISTORY_FEATURES: list[HistoryFeature] = [f for t in TABLES for f in t.features]

RAW_ROW_OPS = ("number", "equals", "lookup")
ROW_OPS = (
    *RAW_ROW_OPS,
    "ratio",
    "difference",
    "sum",
    "product",
    "compare",
    "isMissing",
    "and",
    "or",
    "negate",
    "clip",
    "latest",
)
AGGREGATE_OPS = ("count", "sum", "mean", "min", "max")

# Loads one secondary table (None when absent); the evaluator asks for each table once, in order.
Load = Callable[[str], "pd.DataFrame | None"]


def history_section() -> dict:
    """The ``history`` section of feature_spec.json."""
    tables = []
    for t in TABLES:
        entry: dict = {"name": t.table, "source": t.source}
        if t.parent:
            entry["parent"] = t.parent
        tables.append(entry | {"rows": t.rows, "aggregates": t.aggregates})
    return {"tables": tables, "combinations": [c for t in TABLES for c in t.combinations]}


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame else pd.Series([None] * len(frame), dtype=object, index=frame.index)


def _equals(values: pd.Series, accepted: list[str]) -> np.ndarray:
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.isin(accepted).to_numpy(dtype=np.float64)
    return np.array([isinstance(v, str) and v in accepted for v in values], dtype=np.float64)


def _lookup(values: pd.Series, mapping: dict[str, float], default: float | None) -> np.ndarray:
    otherwise = np.nan if default is None else float(default)
    if isinstance(values.dtype, pd.CategoricalDtype):  # translate the few levels, not the millions of rows
        levels = np.array([mapping.get(str(c), otherwise) for c in values.cat.categories] + [otherwise], dtype=float)
        return levels[values.cat.codes.to_numpy()]  # code -1 (missing) reads the last entry
    return np.array([mapping.get(v, otherwise) if isinstance(v, str) else otherwise for v in values], dtype=float)


def _identifier(values: pd.Series) -> np.ndarray:
    """An identifier column as exact numbers (no float32 rounding), NaN where it is not a number."""
    if values.dtype == object:
        return np.array([float(v) if spec._is_number(v) else np.nan for v in values], dtype=np.float64)
    return values.to_numpy(dtype=np.float64, na_value=np.nan)


def _latest(order: np.ndarray, by: np.ndarray, applicants: np.ndarray) -> np.ndarray:
    """1 on the last row of each (applicant, identifier) group sorted by order then by row position."""
    result = np.zeros(len(order))
    rows = np.nonzero(~np.isnan(order) & ~np.isnan(by))[0]
    if len(rows) == 0:
        return result
    ranked = rows[np.lexsort((rows, order[rows], by[rows], applicants[rows]))]
    a, b = applicants[ranked], by[ranked]
    last = np.ones(len(ranked), dtype=bool)
    last[:-1] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    result[ranked[last]] = 1.0
    return result


def _compare(test: str, a: np.ndarray, b: np.ndarray | float) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        outcome = {">": np.greater, ">=": np.greater_equal, "<": np.less, "<=": np.less_equal, "==": np.equal}[test](
            a, b
        )
    return outcome.astype(np.float64)


def _derived_row(declared: Mapping, inputs: list[np.ndarray]) -> np.ndarray:
    op = declared["op"]
    if op == "compare":
        other = inputs[1] if len(inputs) > 1 else float(declared["value"])
        return _compare(declared["test"], inputs[0], other)
    if op == "isMissing":
        return np.isnan(inputs[0]).astype(np.float64)
    if op == "and":
        return np.logical_and.reduce([x == 1 for x in inputs]).astype(np.float64)
    if op == "or":
        return np.logical_or.reduce([x == 1 for x in inputs]).astype(np.float64)
    if op == "negate":
        return -inputs[0]
    if op == "clip":
        clipped = inputs[0]
        if "lower" in declared:
            clipped = np.where(clipped < declared["lower"], float(declared["lower"]), clipped)
        if "upper" in declared:
            clipped = np.where(clipped > declared["upper"], float(declared["upper"]), clipped)
        return clipped
    if op in ("ratio", "difference", "sum", "product"):
        return spec._derive(op, inputs)
    raise ValueError(f"feature_spec.json history: unknown row op {op!r}")


def evaluate_rows(rows: list[Mapping], frame: pd.DataFrame, applicants: np.ndarray) -> dict[str, np.ndarray]:
    """Every row value of one table, in declaration order (float64, one per row)."""
    values: dict[str, np.ndarray] = {}
    for declared in rows:
        op, inputs = declared["op"], declared["inputs"]
        if op == "number":
            value = spec._number(_column(frame, inputs[0]), declared.get("missingValues", []))
        elif op == "equals":
            value = _equals(_column(frame, inputs[0]), declared["values"])
        elif op == "lookup":
            value = _lookup(_column(frame, inputs[0]), declared["map"], declared.get("default"))
        elif op == "latest":
            value = _latest(values[inputs[0]], _identifier(_column(frame, declared["by"])), applicants)
        else:
            value = _derived_row(declared, [values[name] for name in inputs])
        values[declared["name"]] = value
    return values


def aggregate(declared: Mapping, values: Mapping[str, np.ndarray], applicants: np.ndarray, count: int) -> np.ndarray:
    """One aggregate for every applicant (NaN for those with no row: the caller marks them)."""
    matching = values[declared["where"]] == 1 if "where" in declared else np.ones(len(applicants), dtype=bool)
    matched = np.bincount(applicants[matching], minlength=count)
    op = declared["op"]
    if op == "count":
        return matched.astype(np.float64)
    x = values[declared["input"]]
    kept = matching & ~np.isnan(x)
    present = np.bincount(applicants[kept], minlength=count)
    with np.errstate(invalid="ignore", divide="ignore"):
        if op in ("sum", "mean"):
            # bincount adds the weights one by one, in row order, from 0: the contract's plain float64 sum.
            total = np.bincount(applicants[kept], weights=x[kept], minlength=count)
            if op == "sum":
                return np.where(matched > 0, total, np.nan)
            return np.where(present > 0, total / present, np.nan)
        if op in ("min", "max"):
            best = np.full(count, np.inf if op == "min" else -np.inf)
            (np.minimum if op == "min" else np.maximum).at(best, applicants[kept], x[kept])
            return np.where(present > 0, best, np.nan)
    raise ValueError(f"feature_spec.json history: unknown aggregate op {op!r}")


def _first_owner(keys: np.ndarray, owners: np.ndarray) -> tuple[pd.Index, np.ndarray]:
    index = pd.Index(keys)
    first = ~index.duplicated(keep="first")
    return index[first], owners[first]


def evaluate_history(section: Mapping, load: Load, ids: np.ndarray) -> dict[str, np.ndarray]:
    """Every aggregate and combination of the section for the applicants ``ids`` (float64, normalised)."""
    count = len(ids)
    applicant_index = pd.Index(ids)
    values: dict[str, np.ndarray] = {}
    parents: dict[str, tuple[pd.Index, np.ndarray]] = {}
    parent_keys = {t["parent"]["table"]: t["parent"]["key"] for t in section["tables"] if "parent" in t}
    for table in section["tables"]:
        frame = load(table["name"])
        if frame is None:
            values |= {a["name"]: np.full(count, np.nan) for a in table["aggregates"]}
            continue
        if "parent" in table:
            known, owners = parents.get(table["parent"]["table"], (pd.Index([]), np.zeros(0, dtype=np.int64)))
            position = known.get_indexer(_identifier(_column(frame, table["parent"]["key"])))
            applicants = np.where(position >= 0, owners[position] if len(owners) else -1, -1)
        else:
            applicants = applicant_index.get_indexer(frame[config.ID])
        kept = np.nonzero(applicants >= 0)[0]
        rows, applicants = frame.iloc[kept].reset_index(drop=True), applicants[kept].astype(np.int64)
        del frame
        if table["name"] in parent_keys:
            parents[table["name"]] = _first_owner(_identifier(_column(rows, parent_keys[table["name"]])), applicants)
        row_values = evaluate_rows(table["rows"], rows, applicants)
        absent = np.bincount(applicants, minlength=count) == 0
        for declared in table["aggregates"]:
            result = aggregate(declared, row_values, applicants, count)
            result[absent] = np.nan
            values[declared["name"]] = result + 0.0
    for combination in section["combinations"]:
        values[combination["name"]] = spec._derive(combination["op"], [values[n] for n in combination["inputs"]]) + 0.0
    return values


def history_features(feature_spec: Mapping, load: Load, ids: np.ndarray) -> pd.DataFrame:
    """The history-source model features of the applicants ``ids``, rounded to float32, in their order."""
    values = evaluate_history(feature_spec["history"], load, ids)
    names = [f["name"] for f in feature_spec["features"] if f["source"] != "application"]
    return pd.DataFrame({name: values[name].astype(np.float32) for name in names}, index=pd.Index(ids, name=config.ID))
