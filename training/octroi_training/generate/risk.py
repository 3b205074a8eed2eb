"""The latent credit risk behind TARGET and behind the history tables.

Each applicant's risk has two parts:
- what the application shows: EXT_SOURCE scores, age, length of employment, the loan's
  price and term, and a few profile columns (categories enter through the copula ordered
  from safest to riskiest, so their normal scores already point toward risk);
- a history part, shared with the secondary tables: it raises bureau arrears, late
  instalments, refusals and card utilisation. It is partly known to the external scores;
- what is missing from the application: each often-missing field (external scores, occupation,
  bureau enquiries, no current job, building, car) shifts the risk so that the default rates
  with and without it differ as in the real sample (``fit_missing_weights``). Without this
  part, a score missing at random would tell nothing, where the real data says it tells a lot.
The default probability is a logistic function of both. The strengths below are chosen so
that a gradient-boosting model reaches a cross-validated AUC close to the real data's.
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit

from ..missing_values import OFTEN_MISSING, is_missing, logit
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
# Fitting the missingness weights: damped steps toward the targets, on expected probabilities.
MISSING_FIT_STEPS = 30
MISSING_FIT_DAMPING = 0.8
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
    return np.nan_to_num(risk)


def missing_indicators(apps: Applications) -> np.ndarray:
    """One column per often-missing field: 1 where the application lacks it."""
    return np.column_stack([is_missing(apps.table, f.field) for f in OFTEN_MISSING]).astype(float)


def fit_missing_weights(
    other_risk: np.ndarray, missing: np.ndarray, targets: np.ndarray, rate: float
) -> tuple[np.ndarray, float]:
    """Weights of the missing indicators (and the intercept) giving each field the target log-odds
    difference of default between applicants without and with it, at the wanted default rate.

    The fields go missing together (pensioners have no job and no occupation), so the weights are
    found jointly, by damped steps on the differences of expected default rates."""
    weights = np.zeros(missing.shape[1])
    for _ in range(MISSING_FIT_STEPS):
        risk = other_risk + missing @ weights
        intercept = intercept_for_rate(risk, np.zeros_like(risk), rate)
        p = expit(intercept + risk)
        achieved = np.array([_difference(p, column > 0) for column in missing.T])
        weights += MISSING_FIT_DAMPING * (targets - achieved)
    risk = other_risk + missing @ weights
    return weights, intercept_for_rate(risk, np.zeros_like(risk), rate)


def _difference(p: np.ndarray, missing: np.ndarray) -> float:
    if missing.all() or not missing.any():
        return 0.0
    return logit(p[missing].mean()) - logit(p[~missing].mean())


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
