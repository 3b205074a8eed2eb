"""Often-missing application fields and how their absence goes with default.

Missing is not neutral. In the real sample a missing occupation goes with fewer defaults (most
are pensioners) and a missing external score with more. The same figures serve three purposes:
the generator's calibration (the relation it must reproduce), the model card (the relation in the
training data and in the real sample), and a check that the model rewards missing information
only where the data says it is less risky.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import spec
from .config import DAYS_PLACEHOLDER

BUREAU_ENQUIRIES = tuple(f"AMT_REQ_CREDIT_BUREAU_{p}" for p in ("HOUR", "DAY", "WEEK", "MON", "QRT", "YEAR"))


@dataclass(frozen=True)
class OftenMissing:
    field: str  # the column whose absence is measured
    columns: tuple[str, ...]  # the raw columns missing together with it
    en: str
    fr: str


OFTEN_MISSING = (
    OftenMissing("EXT_SOURCE_1", ("EXT_SOURCE_1",), "External credit score 1", "Score de crédit externe 1"),
    OftenMissing("EXT_SOURCE_3", ("EXT_SOURCE_3",), "External credit score 3", "Score de crédit externe 3"),
    OftenMissing("OCCUPATION_TYPE", ("OCCUPATION_TYPE",), "Occupation", "Profession"),
    OftenMissing("DAYS_EMPLOYED", ("DAYS_EMPLOYED",), "Current job (none: 365243)", "Emploi actuel (aucun : 365243)"),
    OftenMissing(
        "AMT_REQ_CREDIT_BUREAU_YEAR", BUREAU_ENQUIRIES, "Credit bureau enquiries", "Consultations du fichier de crédit"
    ),
    OftenMissing("OWN_CAR_AGE", ("OWN_CAR_AGE",), "Age of the car (none: no car)", "Âge de la voiture (aucune)"),
    OftenMissing("TOTALAREA_MODE", ("TOTALAREA_MODE",), "Building described", "Immeuble décrit"),
    OftenMissing("COMMONAREA_AVG", ("COMMONAREA_AVG",), "Building: common area", "Immeuble : parties communes"),
)


def is_missing(applications: pd.DataFrame, field: str) -> np.ndarray:
    """Where the field is absent; for DAYS_EMPLOYED, where it holds the no-current-job placeholder."""
    values = applications[field]
    if field == "DAYS_EMPLOYED":
        return (values == DAYS_PLACEHOLDER).to_numpy()
    return values.isna().to_numpy()


def logit(p: float) -> float:
    return float(np.log(p / (1 - p)))


def default_rates(missing: np.ndarray, target: np.ndarray) -> dict:
    """Default rate with and without the field, their log-odds difference and its standard error.

    ``target`` is a 0/1 outcome or, for a generator checking its own draws, a probability."""
    rates, counts, information = [], [], 0.0
    for rows in (missing, ~missing):
        count = int(rows.sum())
        rate = float(target[rows].mean()) if count else float("nan")
        rates.append(rate)
        counts.append(count)
        information += 1 / (count * rate * (1 - rate)) if count and 0 < rate < 1 else np.inf
    difference = logit(rates[0]) - logit(rates[1]) if all(0 < r < 1 for r in rates) else 0.0
    return {
        "missing": counts[0],
        "present": counts[1],
        "defaultRateMissing": rates[0],
        "defaultRatePresent": rates[1],
        "logOddsDifference": difference,
        "standardError": float(np.sqrt(information)),
    }


def shrunk(difference: float, standard_error: float) -> float:
    """The difference pulled toward none as far as its noise allows (a difference within one
    standard error counts for nothing): what a generator should reproduce without copying the
    sample's noise."""
    if difference == 0 or not np.isfinite(standard_error):
        return 0.0
    return difference * max(0.0, 1 - (standard_error / difference) ** 2)


def measured(applications: pd.DataFrame, target: np.ndarray) -> list[dict]:
    """The figures of every often-missing field, for applications with a known outcome."""
    return [
        {"field": f.field, "columns": list(f.columns), **default_rates(is_missing(applications, f.field), target)}
        for f in OFTEN_MISSING
    ]


def own_features(feature_spec: dict, field: OftenMissing) -> list[int]:
    """Indexes of the model features that read nothing but the field's columns: the ones whose
    contribution says what the model makes of the field being absent."""
    sources = spec.raw_sources(feature_spec)
    columns = set(field.columns)
    return [
        i for i, f in enumerate(feature_spec["features"]) if sources.get(f["name"]) and sources[f["name"]] <= columns
    ]


def report(
    applications: pd.DataFrame,
    target: np.ndarray,
    contributions: np.ndarray,
    feature_spec: dict,
    real_sample: list[dict],
) -> list[dict]:
    """Per often-missing field: default rates without and with it in the training data and in the real
    sample, and the model's mean contribution (log-odds) of the field's own features where it is missing."""
    real = {entry["field"]: entry for entry in real_sample}
    entries = []
    for field in OFTEN_MISSING:
        missing = is_missing(applications, field.field)
        own = own_features(feature_spec, field)
        effect = float(contributions[np.ix_(missing, own)].sum(axis=1).mean()) if missing.any() and own else None
        keep = ("missing", "present", "defaultRateMissing", "defaultRatePresent", "logOddsDifference", "standardError")
        entries.append(
            {
                "field": field.field,
                "label": {"en": field.en, "fr": field.fr},
                **default_rates(missing, target),
                "ownFeatures": [feature_spec["features"][i]["name"] for i in own],
                "modelEffectWhenMissing": effect,
                "realSample": {k: real[field.field][k] for k in keep} if field.field in real else None,
            }
        )
    return entries


# A mean contribution above this (log-odds, about 0.1 point of probability) does not lower the risk.
NEUTRAL = -0.01


def rewarded_wrongly(entries: list[dict], real_sample: list[dict]) -> list[str]:
    """Fields whose absence lowers the model's risk although the real sample shows more defaults
    without them (beyond the sample's noise): missing information rewarded where it should not be."""
    target = {entry["field"]: entry["target"] for entry in real_sample}
    return [
        e["field"]
        for e in entries
        if e["modelEffectWhenMissing"] is not None
        and target.get(e["field"], 0.0) > 0
        and e["modelEffectWhenMissing"] < NEUTRAL
    ]
