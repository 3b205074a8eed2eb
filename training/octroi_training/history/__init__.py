"""Declarations of the history features: one module per Home Credit secondary table.

Each module declares, for its table, the values computed on each row (``ROWS``), the aggregates over an
applicant's rows (``AGGREGATES``, the features among them with their labels) and, when needed, combinations of
aggregates (``COMBINATIONS``). These declarations become the ``history`` section of ``feature_spec.json``; the
values are computed only by evaluating that section (``history_spec.py`` here, ``history.ts`` in the services),
so training and serving cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class HistoryFeature:
    """A model feature computed from a secondary table (or a combination of its aggregates)."""

    name: str
    source: str  # the feature source of the specification: bureau, previous_application, pos_cash, ...
    unit: str
    en: str
    fr: str


@dataclass(frozen=True)
class TableDeclaration:
    """The rows, aggregates and combinations of one secondary table."""

    table: str  # the file's name without .csv: how requests and folders name it
    source: str
    rows: list[dict]
    aggregates: list[dict]
    features: list[HistoryFeature]
    combinations: list[dict] = field(default_factory=list)
    parent: dict | None = None


def row(name: str, op: str, *inputs: str, **params: object) -> dict:
    """A value computed on each row of the table, from raw columns or earlier row values."""
    return {"name": name, "op": op, "inputs": list(inputs), **params}


def aggregate(name: str, op: str, of: str | None = None, where: str | None = None) -> dict:
    """An aggregate of the applicant's rows (those where ``where`` holds), not a feature by itself."""
    entry: dict = {"name": name, "op": op}
    if of is not None:
        entry["input"] = of
    if where is not None:
        entry["where"] = where
    return entry


class Declarations:
    """Collects a table's aggregates and combinations with the features they are, in declaration order."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.aggregates: list[dict] = []
        self.combinations: list[dict] = []
        self.features: list[HistoryFeature] = []

    def feature(
        self, name: str, op: str, of: str | None = None, where: str | None = None, *, unit: str, en: str, fr: str
    ) -> None:
        self.aggregates.append(aggregate(name, op, of, where))
        self.features.append(HistoryFeature(name, self.source, unit, en, fr))

    def hidden(self, name: str, op: str, of: str | None = None, where: str | None = None) -> None:
        self.aggregates.append(aggregate(name, op, of, where))

    def combined(self, name: str, op: str, *inputs: str, unit: str, en: str, fr: str) -> None:
        self.combinations.append({"name": name, "op": op, "inputs": list(inputs)})
        self.features.append(HistoryFeature(name, self.source, unit, en, fr))
