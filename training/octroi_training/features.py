"""The model's features: application-level (by evaluating the specification) plus history aggregates.

``build_feature_spec`` writes the declarations down as ``feature_spec.json``;
``build_features`` turns an input folder into one float32 matrix in specification order.
Secondary tables are read, aggregated and released one at a time so the full data set
is never held twice.
"""

from __future__ import annotations

import gc
import json
import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from . import config, dataset, history_spec, policy, spec
from .application_features import DECLARED, RAW_ONLY, Declared
from .history import HistoryFeature
from .history_spec import HISTORY_FEATURES

log = logging.getLogger(__name__)

GROUP_PREFIXES = [
    ("external_scores", ("EXT_SOURCE",)),
    ("documents", ("FLAG_DOCUMENT",)),
    (
        "contact",
        (
            "FLAG_MOBIL",
            "FLAG_EMP_PHONE",
            "FLAG_WORK_PHONE",
            "FLAG_CONT_MOBILE",
            "FLAG_PHONE",
            "FLAG_EMAIL",
            "DAYS_LAST_PHONE_CHANGE",
        ),
    ),
    ("identity", ("SK_ID_CURR", "CODE_GENDER", "DAYS_BIRTH", "DAYS_ID_PUBLISH", "DAYS_REGISTRATION")),
    ("family", ("CNT_CHILDREN", "CNT_FAM_MEMBERS", "NAME_FAMILY_STATUS", "NAME_TYPE_SUITE")),
    (
        "income_credit",
        ("NAME_CONTRACT_TYPE", "AMT_INCOME", "AMT_CREDIT", "AMT_ANNUITY", "AMT_GOODS", "NAME_INCOME_TYPE"),
    ),
    ("employment", ("DAYS_EMPLOYED", "OCCUPATION_TYPE", "ORGANIZATION_TYPE", "NAME_EDUCATION_TYPE")),
    (
        "housing",
        (
            "FLAG_OWN_REALTY",
            "NAME_HOUSING_TYPE",
            "REGION_",
            "FONDKAPREMONT",
            "HOUSETYPE",
            "WALLSMATERIAL",
            "EMERGENCYSTATE",
            "TOTALAREA",
            *dataset.HOUSING_MEASURES,
        ),
    ),
]


def reading_group(field: str) -> str:
    for group, prefixes in GROUP_PREFIXES:
        if field.startswith(prefixes):
            return group
    return "other"


def _categories(declared: Declared, applicants: pd.DataFrame | None) -> list[str]:
    """Known categories first (stable codes), then any other value seen in the data, sorted."""
    known = list(declared.categories)
    if applicants is None or declared.name not in applicants:
        return known
    seen = {v for v in applicants[declared.name].dropna().unique() if isinstance(v, str)}
    return known + sorted(seen - set(known))


def intake_rules() -> dict:
    """The application's intake rules (required fields, bounds) as the services check them."""
    return json.loads(config.INTAKE_RULES_FILE.read_text(encoding="utf-8"))["application"]


def _bounds(name: str, rules: dict) -> dict:
    if name == "DAYS_BIRTH":  # the age rule, in the column's negative day counts
        age, year = rules["ageYears"], rules["daysPerYear"]
        return {"minimum": -age["maximum"] * year, "maximum": -age["minimum"] * year}
    named = rules["bounds"].get(name)
    if named is None:
        named = next((rule for rule in rules["boundsByPattern"] if re.search(rule["pattern"], name)), {})
    return {key: value for key, value in named.items() if key != "pattern"}


def _raw_fields(categories: dict[str, list[str]], descriptions: dict[str, str]) -> list[dict]:
    """Every application column, with the intake rules' choice of required fields and bounds recorded."""
    rules = intake_rules()
    fields = []
    for name in [config.ID, *dataset.APPLICATION_COLUMNS]:
        text = name in dataset.APPLICATION_TEXT_COLUMNS
        field = {
            "name": name,
            "type": "string" if text else "number",
            "group": reading_group(name),
            "description": descriptions.get(name, ""),
            "required": name in rules["required"],
        }
        if name in categories:
            field["categories"] = categories[name]
        if not text and _bounds(name, rules):
            field["bounds"] = _bounds(name, rules)
        fields.append(field)
    return fields


def _derivation(declared: Declared, categories: dict[str, list[str]]) -> dict:
    entry: dict = {"name": declared.name, "op": declared.op, "inputs": list(declared.inputs)}
    if declared.missing_values:
        entry["missingValues"] = list(declared.missing_values)
    if declared.op == "category":
        entry["categories"] = categories[declared.name]
    return entry


def _application_feature(declared: Declared, categories: dict[str, list[str]], descriptions: dict[str, str]) -> dict:
    feature = {
        "name": declared.name,
        "kind": declared.kind,
        "source": "application",
        "description": declared.description or descriptions.get(declared.name) or declared.en,
        "label": {"en": declared.en, "fr": declared.fr},
        "unit": declared.unit,
    }
    if declared.op == "category":
        feature["categories"] = categories[declared.name]
    return feature


def _history_feature(declared: HistoryFeature) -> dict:
    return {
        "name": declared.name,
        "kind": "numeric",
        "source": declared.source,
        "description": f"{declared.en} (from {declared.source} records).",
        "label": {"en": declared.en, "fr": declared.fr},
        "unit": declared.unit,
    }


def build_feature_spec(
    applicants: pd.DataFrame | None, descriptions: dict[str, str], protected: Iterable[str] = policy.PROTECTED
) -> dict:
    """The feature specification written to feature_spec.json (the categories follow the data).

    No feature reads a ``protected`` attribute, directly or through a derivation; the derivations
    kept are those the features need."""
    categories = {d.name: _categories(d, applicants) for d in DECLARED + RAW_ONLY if d.op == "category"}
    derivations = [_derivation(d, categories) for d in DECLARED]
    sources = spec.raw_sources({"derivations": derivations})
    blocked = set(protected)
    allowed = [d for d in DECLARED if d.is_feature and not sources[d.name] & blocked]
    features = [_application_feature(d, categories, descriptions) for d in allowed]
    features += [_history_feature(h) for h in HISTORY_FEATURES]
    for index, feature in enumerate(features):
        feature["index"] = index
    return {
        "version": spec.SPEC_VERSION,
        "target": config.TARGET,
        "id": config.ID,
        "rawFields": _raw_fields(categories, descriptions),
        "features": features,
        "derivations": _needed(derivations, {d.name for d in allowed}),
        "history": history_spec.history_section(),
    }


def _needed(derivations: list[dict], wanted: set[str]) -> list[dict]:
    """The derivations the wanted values read, directly or not, in their order."""
    needed = set(wanted)
    for derivation in reversed(derivations):
        if derivation["name"] in needed and derivation["op"] not in spec.RAW_OPS:
            needed |= set(derivation["inputs"])
    return [d for d in derivations if d["name"] in needed]


# Shown each secondary table as it is read (to keep a few applicants' rows for the test vectors).
Tap = Callable[[str, pd.DataFrame], None]


def table_loader(folder: Path, tap: Tap | None = None) -> history_spec.Load:
    """Reads a secondary table of the folder by its name (None when absent), logging and releasing as it goes."""
    schemas = {schema.file.removesuffix(".csv"): schema for schema in dataset.SECONDARY_TABLES.values()}

    def load(name: str) -> pd.DataFrame | None:
        gc.collect()  # the previous table's rows go before the next one is read
        log.info("aggregating %s", name)
        frame = dataset.read_table(folder, schemas[name])
        if frame is not None and tap is not None:
            tap(name, frame)
        return frame

    return load


def history_features(folder: Path, feature_spec: dict, ids: pd.Series, tap: Tap | None = None) -> pd.DataFrame:
    """Every history feature for the given applicants (NaN where a table or a client is absent)."""
    return history_spec.history_features(feature_spec, table_loader(folder, tap), ids.to_numpy())


def build_features(folder: Path, feature_spec: dict, applicants: pd.DataFrame, tap: Tap | None = None) -> pd.DataFrame:
    """The model matrix (float32, specification order, one row per applicant, same order)."""
    application = spec.application_features(feature_spec, applicants)
    history = history_features(folder, feature_spec, applicants[config.ID], tap)
    history.index = application.index
    matrix = pd.concat([application, history], axis=1)
    names = [f["name"] for f in feature_spec["features"]]
    return matrix[names].astype(np.float32)
