"""The latent credit risk behind TARGET and behind the history tables.

Each applicant's risk has two parts:
- what the application shows: EXT_SOURCE scores, age, length of employment, the loan's
  price and term, and a few profile columns (categories enter through the copula ordered
  from safest to riskiest, so their normal scores already point toward risk);
- a history part, shared with the secondary tables: it raises bureau arrears, late
  instalments, refusals and card utilisation. It is partly known to the external scores.
The default probability is a logistic function of both. The strengths below are chosen so
that a gradient-boosting model reaches a cross-validated AUC close to the real data's.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit

from .applications import Applications

# Log-odds of default per standard deviation of each copula score (positive = riskier).
APPLICATION_WEIGHTS = {
    "EXT_SOURCE_1": -0.28,
    "EXT_SOURCE_2": -0.40,
    "EXT_SOURCE_3": -0.48,
    "DAYS_BIRTH": 0.07,  # younger applicants (days closer to 0) default more
    "DAYS_EMPLOYED": 0.14,  # so do recent hires
    "CREDIT_TO_GOODS": 0.10,  # borrowing beyond the goods price
    "CODE_GENDER": 0.10,
    "NAME_EDUCATION_TYPE": 0.10,
    "OCCUPATION_TYPE": 0.06,
    "ORGANIZATION_TYPE": 0.06,
    "REGION_RATING_CLIENT_W_CITY": 0.08,
    "DAYS_ID_PUBLISH": 0.05,
    "DAYS_LAST_PHONE_CHANGE": 0.07,
    "FLAG_OWN_CAR": 0.04,
    "NAME_FAMILY_STATUS": 0.04,
}
# Short and very long repayment terms both go with more defaults.
TERM_CURVE = 0.10
# Share of a large annuity in the income.
BURDEN_WEIGHT = 0.10
BURDEN_CENTRE, BURDEN_SPREAD = np.log(0.16), 0.5  # log annuity/income: typical value, spread
PENSIONER_SHIFT = -0.15
# How much of the history risk the external scores already know.
HISTORY_SEEN_BY_SCORES = 0.45
HISTORY_WEIGHT = 0.7


def application_risk(apps: Applications) -> np.ndarray:
    s = apps.scores
    risk = sum(w * s[name] for name, w in APPLICATION_WEIGHTS.items())
    risk = risk + TERM_CURVE * (s["ANNUITY_TO_CREDIT"] ** 2 - 1)
    annuity = apps.table["AMT_ANNUITY"].to_numpy(dtype=float)
    burden = np.log(np.maximum(annuity, 1.0) / apps.table["AMT_INCOME_TOTAL"].to_numpy(dtype=float))
    risk = risk + BURDEN_WEIGHT * (burden - BURDEN_CENTRE) / BURDEN_SPREAD
    return np.nan_to_num(risk + PENSIONER_SHIFT * apps.pensioner)


def history_risk(apps: Applications, rng) -> np.ndarray:
    """N(0, 1) risk shown by the client's past credits."""
    s = apps.scores
    known = -(s["EXT_SOURCE_1"] + s["EXT_SOURCE_2"] + s["EXT_SOURCE_3"]) / np.sqrt(3)
    known = known / known.std() if len(known) > 1 else known
    c = HISTORY_SEEN_BY_SCORES
    return c * known + np.sqrt(1 - c * c) * rng.standard_normal(len(known))


def default_probability(app_risk: np.ndarray, hist_risk: np.ndarray, intercept: float) -> np.ndarray:
    return expit(intercept + app_risk + HISTORY_WEIGHT * hist_risk)


def intercept_for_rate(app_risk: np.ndarray, hist_risk: np.ndarray, rate: float) -> float:
    """Intercept giving the wanted average default probability (bisection)."""
    low, high = -10.0, 5.0
    for _ in range(60):
        mid = (low + high) / 2
        if default_probability(app_risk, hist_risk, mid).mean() > rate:
            high = mid
        else:
            low = mid
    return (low + high) / 2
