"""Draw application rows: one Gaussian-copula draw, then the exact rules.

The copula's normal scores are returned too: the latent risk reads them, so a score that
ends up missing in the table (EXT_SOURCE_1 is missing for half the applicants) still shapes
the applicant's risk, as an unobserved quantity would.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import ndtr

from .copula import from_lower_triangle, nearest_correlation
from .marginals import round_to, sample
from .writer import typed

YEAR = 365.25
ADULT_YEARS = 18  # nobody works or borrows before
ID_DOCUMENT_YEARS = 14  # identity documents are issued from this age


@dataclass
class Applications:
    table: pd.DataFrame  # every application column except TARGET, in file order
    scores: dict[str, np.ndarray]  # copula normal score of each variable
    pensioner: np.ndarray  # DAYS_EMPLOYED holds the 365243 placeholder


class ApplicationModel:
    def __init__(self, calibration: dict):
        self.cal = calibration["applications"]
        self.variables = self.cal["variables"]
        self.groups = self.cal["missing_groups"]
        self.dtypes = {c["name"]: c["dtype"] for c in self.cal["columns"] if c["name"] != "TARGET"}
        self.chol = np.linalg.cholesky(nearest_correlation(from_lower_triangle(self.cal["correlation"])))

    def draw(self, rng: np.random.Generator, n: int) -> Applications:
        z = rng.standard_normal((n, self.chol.shape[0])) @ self.chol.T
        u = ndtr(z)
        names = [v["name"] for v in self.variables]
        scores = {name: z[:, j] for j, name in enumerate(names)}
        cols: dict[str, np.ndarray] = {}
        for j, var in enumerate(self.variables):  # plain marginals first: groups need them
            if var["kind"] != "by_group":
                cols[var["name"]] = sample(var, u[:, j])
        for j, var in enumerate(self.variables):
            if var["kind"] == "by_group":
                cols[var["name"]] = _sample_by_group(var, cols[var["by"]], u[:, j])
        for k, group in enumerate(self.groups):
            absent = u[:, len(self.variables) + k] < group["rate"]
            for name in group["columns"]:
                cols[name] = np.where(absent, np.nan, cols[name])

        pensioner = self._employment(rng, cols)
        self._amounts(cols)
        self._dates(cols)
        cols["OWN_CAR_AGE"] = np.where(cols["FLAG_OWN_CAR"] == "Y", cols["OWN_CAR_AGE"], np.nan)
        partner = np.isin(cols["NAME_FAMILY_STATUS"], self.cal["family_partner_statuses"])
        cols["CNT_FAM_MEMBERS"] = cols["CNT_CHILDREN"] + 1 + partner
        cols["SK_ID_CURR"] = np.zeros(n, dtype=np.int64)  # set by the caller
        return Applications(typed(pd.DataFrame(cols), self.dtypes), scores, pensioner)

    def _employment(self, rng, cols) -> np.ndarray:
        """Income type from age; pensioners get the placeholder and no employer."""
        table = self.cal["income_type_by_age"]
        age = -cols["DAYS_BIRTH"] / YEAR
        band = np.clip(np.searchsorted(table["age_bands_years"], age, side="right") - 1, 0, len(table["p"]) - 1)
        cum = np.cumsum(np.asarray(table["p"]), axis=1)[band]
        pick = np.minimum((rng.random(len(age))[:, None] > cum).sum(axis=1), len(table["types"]) - 1)
        types = np.asarray(table["types"], dtype=object)[pick]
        cols["NAME_INCOME_TYPE"] = types
        rate = np.array([self.cal["placeholder_rate_by_income_type"][t] for t in types])
        pensioner = rng.random(len(age)) < rate
        for column, value in self.cal["pensioner_values"].items():
            cols[column] = np.where(pensioner, np.nan if value is None else value, cols[column])
        working_life = cols["DAYS_BIRTH"] + ADULT_YEARS * YEAR
        cols["DAYS_EMPLOYED"] = np.where(
            pensioner, cols["DAYS_EMPLOYED"], np.maximum(cols["DAYS_EMPLOYED"], np.round(working_life))
        )
        return pensioner

    def _amounts(self, cols) -> None:
        """Credit follows the goods price, the annuity follows the credit."""
        goods = cols["AMT_GOODS_PRICE"]
        steps = self.cal["steps"]
        # A missing goods price (some revolving loans) still has a credit: use the median ratio.
        base = np.where(np.isnan(goods), np.nanmedian(goods), goods)
        credit = round_to(base * cols.pop("CREDIT_TO_GOODS"), steps["AMT_CREDIT"])
        cols["AMT_CREDIT"] = credit
        cols["AMT_ANNUITY"] = round_to(credit * cols.pop("ANNUITY_TO_CREDIT"), steps["AMT_ANNUITY"])

    def _dates(self, cols) -> None:
        """Identity documents are issued from age 14, registration cannot precede birth."""
        birth = cols["DAYS_BIRTH"]
        documents = np.round(birth + ID_DOCUMENT_YEARS * YEAR)
        cols["DAYS_ID_PUBLISH"] = np.maximum(cols["DAYS_ID_PUBLISH"], documents)
        cols["DAYS_REGISTRATION"] = np.maximum(cols["DAYS_REGISTRATION"], birth)


def _sample_by_group(var: dict, groups: np.ndarray, u: np.ndarray) -> np.ndarray:
    out = np.full(len(u), np.nan)
    for key, marginal in var["groups"].items():
        rows = groups == key
        out[rows] = sample(marginal, u[rows])
    return out
