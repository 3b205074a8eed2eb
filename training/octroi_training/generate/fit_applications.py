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

from .copula import nearest_correlation, to_lower_triangle
from .marginals import fit_column, fit_numeric, normal_scores, order_codes, rounding_step

DAYS_PLACEHOLDER = 365243
CONTRACT = "NAME_CONTRACT_TYPE"
# Columns only meaningful for people in work; pensioners get fixed values instead.
EMPLOYMENT_COLUMNS = ("DAYS_EMPLOYED", "ORGANIZATION_TYPE", "OCCUPATION_TYPE", "FLAG_EMP_PHONE")
# Columns rebuilt by rules after the copula draw.
RULE_COLUMNS = ("SK_ID_CURR", "TARGET", "NAME_INCOME_TYPE", "AMT_CREDIT", "AMT_ANNUITY",
                "CNT_FAM_MEMBERS")
AGE_BANDS_YEARS = [0, 45, 50, 55, 60, 65, 200]
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


def _age_years(days_birth: pd.Series) -> pd.Series:
    return -days_birth / 365.25


def fit_applications(train: pd.DataFrame, test: pd.DataFrame) -> dict:
    target = train["TARGET"]
    employed = train["DAYS_EMPLOYED"] != DAYS_PLACEHOLDER
    contract = train[CONTRACT]
    columns = [{"name": c, "dtype": _dtype(train[c], test.get(c))} for c in train.columns]

    # Derived quantities standing in for AMT_CREDIT and AMT_ANNUITY.
    derived = pd.DataFrame({
        "CREDIT_TO_GOODS": train["AMT_CREDIT"] / train["AMT_GOODS_PRICE"],
        "ANNUITY_TO_CREDIT": train["AMT_ANNUITY"] / train["AMT_CREDIT"],
    })
    by_contract = ("AMT_GOODS_PRICE", "CREDIT_TO_GOODS", "ANNUITY_TO_CREDIT")

    variables, scores = [], []
    for name in [c for c in train.columns if c not in RULE_COLUMNS] + list(derived.columns):
        values = derived[name] if name in derived else train[name]
        rows = employed if name in EMPLOYMENT_COLUMNS else values.index == values.index
        if name == "OWN_CAR_AGE":
            rows = train["FLAG_OWN_CAR"] == "Y"
        if name in by_contract:
            groups, score = {}, np.full(len(train), np.nan)
            for kind, part in values.groupby(contract):
                groups[kind] = fit_numeric(part, rounded=name == "AMT_GOODS_PRICE")
                present = part.dropna()
                score[present.index] = normal_scores(present.to_numpy(dtype=float))
            variables.append({"name": name, "kind": "by_group", "by": CONTRACT, "groups": groups})
            scores.append(score)
            continue
        if values.dtype != object:
            rows = rows & values.notna().to_numpy()  # numeric gaps come from missing_groups
        order = _risk_order(values[rows], target[rows]) if values.dtype == object else None
        marginal = fit_column(values[rows], order)
        marginal["name"] = name
        if name in EMPLOYMENT_COLUMNS:
            marginal["employed_only"] = True
        score = np.full(len(train), np.nan)
        score[rows] = normal_scores(order_codes(values[rows], marginal))
        variables.append(marginal)
        scores.append(score)

    # Numeric columns missing together (the building triples, the bureau request counts ...)
    # share one missingness switch in the copula: low draws mean "missing".
    numeric = [v["name"] for v in variables
               if v["kind"] != "categorical" and v["name"] in train.columns
               and v["name"] not in ("OWN_CAR_AGE",) and train[v["name"]].isna().any()]
    patterns: dict[bytes, list[str]] = {}
    for name in numeric:
        patterns.setdefault(train[name].isna().to_numpy().tobytes(), []).append(name)
    missing_groups = []
    for names in patterns.values():
        absent = train[names[0]].isna()
        missing_groups.append({"columns": names, "rate": round(float(absent.mean()), 6)})
        scores.append(normal_scores((~absent).to_numpy(dtype=float)))

    # Pairwise-complete correlations: a score missing for half the rows (EXT_SOURCE_1) keeps
    # its full strength. Constant columns (FLAG_MOBIL) correlate with nothing.
    corr = pd.DataFrame(np.column_stack(scores)).corr(min_periods=30).fillna(0.0).to_numpy()
    np.fill_diagonal(corr, 1.0)
    corr = nearest_correlation(corr)
    age = _age_years(train["DAYS_BIRTH"])
    band = pd.cut(age, AGE_BANDS_YEARS, right=False)
    types = train["NAME_INCOME_TYPE"].value_counts().index.tolist()
    overall = train["NAME_INCOME_TYPE"].value_counts(normalize=True)[types].to_numpy()
    income_by_age = []
    for _, part in train["NAME_INCOME_TYPE"].groupby(band, observed=False):
        counts = part.value_counts().reindex(types, fill_value=0).to_numpy()
        income_by_age.append([round(float(p), 6) for p in (counts + 5 * overall) / (counts.sum() + 5)])
    placeholder = train["DAYS_EMPLOYED"] == DAYS_PLACEHOLDER

    return {
        "columns": columns,
        "default_rate": round(float(target.mean()), 6),
        "variables": variables,
        "missing_groups": missing_groups,
        "correlation": to_lower_triangle(corr),
        "income_type_by_age": {"age_bands_years": AGE_BANDS_YEARS, "types": types,
                               "p": income_by_age},
        "placeholder_rate_by_income_type": {
            t: round(float(placeholder[train["NAME_INCOME_TYPE"] == t].mean()), 6) for t in types},
        "pensioner_values": {c: _most_common(train.loc[placeholder, c]) for c in EMPLOYMENT_COLUMNS},
        "placeholder_rate": round(float(placeholder.mean()), 6),
        "family_partner_statuses": ["Married", "Civil marriage"],
        "steps": {c: rounding_step(train[c]) for c in ("AMT_CREDIT", "AMT_ANNUITY")},
    }


def _most_common(values: pd.Series):
    top = values.value_counts(dropna=False).index[0]
    if pd.isna(top):
        return None
    return top if isinstance(top, str) else int(top)
