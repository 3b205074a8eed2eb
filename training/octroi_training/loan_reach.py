"""How far changing the loan alone can take a refused applicant: the ceiling of counterfactual suggestions.

The explain service offers a refused client the smallest change of the loan itself (a longer term, a down payment,
cheaper goods, a smaller loan) that the scoring service confirms. Whether most refused clients can get one depends
on the model: this measures, with the shipped model, the share of refused applicants that some change of the loan
within broad bounds would get granted (the amount down to a tenth, the term up to three times as long, the price of
the goods kept or lowered alike, the intake rules' minimum amounts respected), and what weighs most in the
refusals. ``scripts/counterfactual-coverage.ts`` measures what the service itself finds.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from . import config, spec

AMOUNT_FACTORS = (0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1)
TERM_FACTORS = (1.0, 1.25, 1.5, 2.0, 3.0)


def _minimum(field: str) -> float:
    rules = json.loads(config.INTAKE_RULES_FILE.read_text(encoding="utf-8"))["application"]["bounds"]
    return float(rules[field]["minimum"])


def _changed(raw: pd.DataFrame, amount: float, term: float, cheaper_goods: bool) -> pd.DataFrame:
    changed = raw.copy()
    changed["AMT_CREDIT"] = np.floor(raw["AMT_CREDIT"].to_numpy(np.float64) * amount / 100) * 100
    changed["AMT_ANNUITY"] = np.round(raw["AMT_ANNUITY"].to_numpy(np.float64) * amount / term)
    if cheaper_goods:
        changed["AMT_GOODS_PRICE"] = np.floor(raw["AMT_GOODS_PRICE"].to_numpy(np.float64) * amount / 100) * 100
    return changed


def loan_reach(
    booster,
    feature_spec: dict,
    applicants: pd.DataFrame,
    x: np.ndarray,
    probability: np.ndarray,
    threshold: float,
    top: int = 5,
) -> dict:
    """The refused applicants (all served ones), how many some change of the loan would get granted, and why not."""
    rows = np.nonzero(probability >= threshold)[0]
    if len(rows) == 0:
        return {"refused": 0, "reachable": 0, "share": 0.0, "topReasons": []}
    raw = applicants.iloc[rows].reset_index(drop=True)
    application = [i for i, f in enumerate(feature_spec["features"]) if f["source"] == "application"]
    lowest = np.full(len(rows), np.inf)
    for amount in AMOUNT_FACTORS:
        for term in TERM_FACTORS:
            for cheaper_goods in (False, True):
                changed = _changed(raw, amount, term, cheaper_goods)
                plausible = (changed["AMT_CREDIT"] >= _minimum("AMT_CREDIT")) & (
                    changed["AMT_ANNUITY"] >= _minimum("AMT_ANNUITY")
                )
                features = x[rows].copy()
                features[:, application] = spec.application_features(feature_spec, changed).to_numpy(np.float32)
                predicted = np.where(plausible.to_numpy(), booster.predict(features), np.inf)
                lowest = np.minimum(lowest, predicted)
    reachable = int((lowest < threshold).sum())
    contributions = booster.predict(x[rows], pred_contrib=True)[:, :-1]
    weight = np.clip(contributions, 0, None).mean(axis=0)
    features = feature_spec["features"]
    return {
        "refused": len(rows),
        "reachable": reachable,
        "share": reachable / len(rows),
        "grid": {"amountFactors": list(AMOUNT_FACTORS), "termFactors": list(TERM_FACTORS)},
        "topReasons": [
            {"feature": features[i]["name"], "label": features[i]["label"]["en"]} for i in np.argsort(-weight)[:top]
        ],
    }
