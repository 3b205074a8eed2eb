"""Fit the application table: marginals, missingness, a Gaussian copula and a few rules.

Most columns enter one Gaussian copula through their normal scores, which carries the
correlations between them (EXT_SOURCE scores, age and employment length, the _AVG/_MODE/_MEDI
building triples, ...). A few relationships are kept exact instead, because a copula would
blur them:
- credit, goods price and annuity are linked through two ratios, fitted per contract type;
- the income type depends on age (pensioners), and pensioners carry the 365243 placeholder
  in DAYS_EMPLOYED together with ORGANIZATION_TYPE "XNA" and no occupation;
- a car age exists exactly for car owners; the family size follows children and marriage.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..missing_values import measured, shrunk
from .copula import nearest_correlation, to_lower_triangle
from .marginals import fit_column, fit_numeric, normal_scores, order_codes, rounding_step

DAYS_PLACEHOLDER = 365243
CONTRACT = "NAME_CONTRACT_TYPE"
# Columns only meaningful for people in work; pensioners get fixed values instead.
EMPLOYMENT_COLUMNS = ("DAYS_EMPLOYED", "ORGANIZATION_TYPE", "OCCUPATION_TYPE", "FLAG_EMP_PHONE")
# Columns rebuilt by rules after the copula draw.
RULE_COLUMNS = ("SK_ID_CURR", "TARGET", "NAME_INCOME_TYPE", "AMT_CREDIT", "AMT_ANNUITY", "CNT_FAM_MEMBERS")
AGE_BANDS_YEARS = [0, 45, 50, 55, 60, 65, 200]
BY_CONTRACT = ("AMT_GOODS_PRICE", "CREDIT_TO_GOODS", "ANNUITY_TO_CREDIT")
# Pseudo-count pulling small categories' default rates toward the overall rate.
SHRINK = 50


def _dtype(train: pd.Series, test: pd.Series | None) -> str:
    if train.dtype == object:
        return "str"
    kinds = {train.dtype.kind} | ({test.dtype.kind} if test is not None else set())
    return "int" if kinds == {"i"} else "float"


def _risk_order(values: pd.Series, target: pd.Series) -> list:
    """Categories from least to most risky, so the copula keeps their link to risk."""
    keys = values.astype(object).where(values.notna(), "__missing__")
    stats = target.groupby(keys).agg(["sum", "count"])
    rate = (stats["sum"] + SHRINK * target.mean()) / (stats["count"] + SHRINK)
    return [None if k == "__missing__" else k for k in rate.sort_values(kind="stable").index]


def fit_applications(train: pd.DataFrame, test: pd.DataFrame) -> dict:
    target = train["TARGET"]
    placeholder = train["DAYS_EMPLOYED"] == DAYS_PLACEHOLDER
    derived = pd.DataFrame(
        {  # stand-ins for AMT_CREDIT and AMT_ANNUITY
            "CREDIT_TO_GOODS": train["AMT_CREDIT"] / train["AMT_GOODS_PRICE"],
            "ANNUITY_TO_CREDIT": train["AMT_ANNUITY"] / train["AMT_CREDIT"],
        }
    )
    variables, scores = [], []
    for name in [c for c in train.columns if c not in RULE_COLUMNS] + list(derived.columns):
        values = derived[name] if name in derived else train[name]
        if name in BY_CONTRACT:
            marginal, score = _fit_by_contract(name, values, train[CONTRACT])
        else:
            rows = np.ones(len(train), dtype=bool)
            if name in EMPLOYMENT_COLUMNS:
                rows = ~placeholder.to_numpy()
            if name == "OWN_CAR_AGE":
                rows = (train["FLAG_OWN_CAR"] == "Y").to_numpy()
            marginal, score = _fit_plain(name, values, rows, target)
        variables.append(marginal)
        scores.append(score)
    missing_groups = _missing_groups(train, variables)
    scores += [normal_scores((~train[g["columns"][0]].isna()).to_numpy(dtype=float)) for g in missing_groups]

    # Pairwise-complete correlations: a score missing for half the rows (EXT_SOURCE_1) keeps
    # its full strength. Constant columns (FLAG_MOBIL) correlate with nothing.
    corr = pd.DataFrame(np.column_stack(scores)).corr(min_periods=30).fillna(0.0).to_numpy()
    np.fill_diagonal(corr, 1.0)
    income_type = train["NAME_INCOME_TYPE"]
    return {
        "columns": [{"name": c, "dtype": _dtype(train[c], test.get(c))} for c in train.columns],
        "default_rate": round(float(target.mean()), 6),
        "variables": variables,
        "missing_groups": missing_groups,
        "missing_risk": _missing_risk(train, target),
        "correlation": to_lower_triangle(nearest_correlation(corr)),
        "income_type_by_age": _income_type_by_age(train),
        "placeholder_rate": round(float(placeholder.mean()), 6),
        "placeholder_rate_by_income_type": {
            t: round(float(placeholder[income_type == t].mean()), 6) for t in income_type.unique()
        },
        "pensioner_values": {c: _most_common(train.loc[placeholder, c]) for c in EMPLOYMENT_COLUMNS},
        "family_partner_statuses": ["Married", "Civil marriage"],
        "steps": {c: rounding_step(train[c]) for c in ("AMT_CREDIT", "AMT_ANNUITY")},
    }


def _fit_plain(name: str, values: pd.Series, rows: np.ndarray, target: pd.Series):
    """Marginal over the rows where the column applies, and its normal scores (NaN elsewhere)."""
    if values.dtype != object:
        rows = rows & values.notna().to_numpy()  # numeric gaps come from the missing groups
    order = _risk_order(values[rows], target[rows]) if values.dtype == object else None
    marginal = {"name": name, **fit_column(values[rows], order)}
    score = np.full(len(values), np.nan)
    score[rows] = normal_scores(order_codes(values[rows], marginal))
    return marginal, score


def _fit_by_contract(name: str, values: pd.Series, contract: pd.Series):
    """One marginal per contract type (revolving loans have round credits and short terms)."""
    groups, score = {}, np.full(len(values), np.nan)
    for kind, part in values.groupby(contract):
        groups[kind] = fit_numeric(part, rounded=name == "AMT_GOODS_PRICE")
        present = part.dropna()
        score[present.index] = normal_scores(present.to_numpy(dtype=float))
    return {"name": name, "kind": "by_group", "by": CONTRACT, "groups": groups}, score


def _missing_groups(train: pd.DataFrame, variables: list[dict]) -> list[dict]:
    """Numeric columns missing on exactly the same rows (the building triples, the bureau
    request counts ...) share one missingness switch in the copula: low draws mean missing."""
    patterns: dict[bytes, list[str]] = {}
    for v in variables:
        name = v["name"]
        if v["kind"] == "categorical" or name not in train or name == "OWN_CAR_AGE":
            continue  # labels keep "missing" as a value; car age follows car ownership
        if train[name].isna().any():
            patterns.setdefault(train[name].isna().to_numpy().tobytes(), []).append(name)
    return [{"columns": names, "rate": round(float(train[names[0]].isna().mean()), 6)} for names in patterns.values()]


def _missing_risk(train: pd.DataFrame, target: pd.Series) -> list[dict]:
    """Default rates with and without each often-missing field, and the log-odds difference the
    generator reproduces: the sample's, pulled toward none as far as its noise allows."""
    figures = measured(train, target.to_numpy(dtype=float))
    for entry in figures:
        entry["target"] = shrunk(entry["logOddsDifference"], entry["standardError"])
    return [{k: round(v, 6) if isinstance(v, float) else v for k, v in entry.items()} for entry in figures]


def _income_type_by_age(train: pd.DataFrame) -> dict:
    """Share of each income type per age band, pulled toward the overall shares (5 pseudo-rows)."""
    band = pd.cut(-train["DAYS_BIRTH"] / 365.25, AGE_BANDS_YEARS, right=False)
    counts = train["NAME_INCOME_TYPE"].value_counts()
    types, overall = counts.index.tolist(), (counts / counts.sum()).to_numpy()
    shares = []
    for _, part in train["NAME_INCOME_TYPE"].groupby(band, observed=False):
        seen = part.value_counts().reindex(types, fill_value=0).to_numpy()
        shares.append([round(float(p), 6) for p in (seen + 5 * overall) / (seen.sum() + 5)])
    return {"age_bands_years": AGE_BANDS_YEARS, "types": types, "p": shares}


def _most_common(values: pd.Series):
    top = values.value_counts(dropna=False).index[0]
    if pd.isna(top):
        return None
    return top if isinstance(top, str) else int(top)
