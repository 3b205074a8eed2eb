"""The feature specification and the one Python evaluator of its derivations.

The specification (``feature_spec.json`` in the bundle) is the contract with the TypeScript
services: they derive application features from a raw application with the same ops, and
``test_vectors.json`` pins the results bit for bit. The training pipeline computes its
application features by evaluating the specification here, never by a second code path.

Semantics shared by every implementation:
- A raw number is first rounded to float32 (the precision the tables are read with), then every
  op computes in float64, and every model feature is finally rounded to float32.
- ``number`` reads one raw field; a value that is absent, not a finite number, or listed in
  ``missingValues`` (the documented placeholders such as DAYS_EMPLOYED = 365243) is missing (NaN).
- ``category`` reads one raw text field and gives the index of the value in ``categories``;
  an absent or unknown value is NaN.
- ``ratio`` a / b: NaN when a or b is NaN or b is 0.
- ``product``, ``sum``: folded left to right over the inputs; NaN when any input is NaN.
- ``difference`` a - b: NaN when a or b is NaN.
- ``mean``, ``min``, ``max``, ``std``: over the inputs that are not NaN, NaN when none is;
  the mean is the left-to-right sum (from 0) divided by the count; ``std`` is the population
  standard deviation (ddof = 0): sqrt(sum((x - mean) * (x - mean)) / count), summed left to right;
  ``min``/``max`` keep the earlier input on ties.
Only ``number`` and ``category`` read raw fields; every other op reads earlier derivations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

Column = np.ndarray  # float64, one value per applicant

SPEC_VERSION = 1
RAW_OPS = ("number", "category")
DERIVED_OPS = ("ratio", "product", "sum", "difference", "mean", "min", "max", "std")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _number(values: pd.Series, missing_values: list[float]) -> Column:
    if values.dtype == object:  # rows as users send them: text is never read as a number
        values = pd.Series([v if _is_number(v) else np.nan for v in values], dtype=np.float64)
    numbers = values.to_numpy(dtype=np.float64, na_value=np.nan)
    with np.errstate(over="ignore", invalid="ignore"):
        numbers = numbers.astype(np.float32).astype(np.float64)
    numbers[~np.isfinite(numbers)] = np.nan
    for placeholder in missing_values:
        numbers[numbers == np.float64(np.float32(placeholder))] = np.nan
    return numbers


def _category(values: pd.Series, categories: list[str]) -> Column:
    codes = {category: float(i) for i, category in enumerate(categories)}
    return np.array([codes.get(v, np.nan) if isinstance(v, str) else np.nan for v in values], dtype=np.float64)


def _ratio(a: Column, b: Column) -> Column:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b == 0, np.nan, a / b)


def _fold(inputs: list[Column], combine: Callable[[Column, Column], Column]) -> Column:
    result = inputs[0].copy()
    for column in inputs[1:]:
        result = combine(result, column)
    return result


def _nan_stat(inputs: list[Column], stat: str) -> Column:
    present = [~np.isnan(c) for c in inputs]
    count = np.sum(present, axis=0).astype(np.float64)
    total = np.zeros_like(inputs[0])
    for column, ok in zip(inputs, present, strict=True):
        total = total + np.where(ok, column, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = total / count
        if stat == "mean":
            return np.where(count > 0, mean, np.nan)
        if stat == "std":
            squares = np.zeros_like(total)
            for column, ok in zip(inputs, present, strict=True):
                deviation = column - mean
                squares = squares + np.where(ok, deviation * deviation, 0.0)
            return np.where(count > 0, np.sqrt(squares / count), np.nan)
    best = np.full_like(total, np.nan)
    for column, ok in zip(inputs, present, strict=True):
        better = column < best if stat == "min" else column > best
        best = np.where(ok & (np.isnan(best) | better), column, best)
    return best


def _derive(op: str, inputs: list[Column]) -> Column:
    if op == "ratio":
        return _ratio(inputs[0], inputs[1])
    if op == "product":
        return _fold(inputs, lambda a, b: a * b)
    if op == "sum":
        return _fold(inputs, lambda a, b: a + b)
    if op == "difference":
        return inputs[0] - inputs[1]
    if op in ("mean", "min", "max", "std"):
        return _nan_stat(inputs, op)
    raise ValueError(f"unknown derivation op {op!r}")


def evaluate_derivations(spec: Mapping, raw: pd.DataFrame) -> dict[str, Column]:
    """Every derivation of the specification, in order, as float64 columns."""
    values: dict[str, Column] = {}
    for derivation in spec["derivations"]:
        op, inputs = derivation["op"], derivation["inputs"]
        if op in RAW_OPS:
            field = inputs[0]
            column = raw[field] if field in raw else pd.Series([None] * len(raw), dtype=object)
            values[derivation["name"]] = (
                _number(column, derivation.get("missingValues", []))
                if op == "number"
                else _category(column, derivation["categories"])
            )
        else:
            values[derivation["name"]] = _derive(op, [values[name] for name in inputs])
    return values


def application_features(spec: Mapping, raw: pd.DataFrame) -> pd.DataFrame:
    """The application-source model features of raw applications, rounded to float32."""
    values = evaluate_derivations(spec, raw)
    names = [f["name"] for f in spec["features"] if f["source"] == "application"]
    return pd.DataFrame({name: values[name].astype(np.float32) for name in names}, index=raw.index)


def raw_inputs(spec: Mapping) -> list[str]:
    """The raw application fields the derivations read."""
    return sorted({d["inputs"][0] for d in spec["derivations"] if d["op"] in RAW_OPS})


def raw_sources(spec: Mapping) -> dict[str, set[str]]:
    """For every derivation, the raw fields it reads, through any chain of derivations."""
    reads: dict[str, set[str]] = {}
    for derivation in spec["derivations"]:
        if derivation["op"] in RAW_OPS:
            reads[derivation["name"]] = {derivation["inputs"][0]}
        else:
            reads[derivation["name"]] = set().union(*(reads[name] for name in derivation["inputs"]))
    return reads
