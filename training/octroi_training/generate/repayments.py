"""Monthly life of approved instalment loans: POS/cash balances and instalment payments.

Each approved loan of previous_application.csv runs month by month from its first due date
to its end or to today (at most eight years back). Late and partial payments and arrears
grow with the client's history risk, so these tables carry signal of their own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .draws import ClientRisk, expand, pick, risk_tilted
from .marginals import round_to

MONTH = 30.4375
HISTORY_MONTHS = 96
LATE_STRENGTH = 1.3
UNDERPAY_STRENGTH = 1.1
DPD_STRENGTH = 1.5
# Share of approved instalment loans with monthly POS/cash balances: set so that the
# full-scale row count meets the full data's.
POS_REPORTED_SHARE = 0.92
# Instalments paid in two goes. The linked sample shows 1.4 %, but it holds only part of each
# history; about 11 % gives the full data's 13.6 M payment rows at full scale.
SPLIT_PAYMENT_SHARE = 0.11


def _loans(prev: pd.DataFrame) -> pd.DataFrame:
    approved = prev["NAME_CONTRACT_STATUS"].to_numpy() == "Approved"
    instalment = approved & (prev["NAME_CONTRACT_TYPE"].to_numpy() != "Revolving loans")
    return prev.loc[instalment & (prev["CNT_PAYMENT"].to_numpy() > 0)]


def draw_pos_cash(cal: dict, rng, prev: pd.DataFrame, risk: ClientRisk) -> pd.DataFrame:
    fit = cal["history"]["pos_cash"]
    loans = _loans(prev)
    loans = loans[rng.random(len(loans)) < POS_REPORTED_SHARE]
    first = np.floor(loans["DAYS_FIRST_DUE"].to_numpy() / MONTH)
    start = np.maximum(first, -HISTORY_MONTHS)
    terms = loans["CNT_PAYMENT"].to_numpy()
    end = np.minimum(first + terms, -1)  # the month after the last instalment, or last month
    counts = np.maximum(end - start + 1, 0).astype(np.int64)
    loan, k = expand(counts)
    month = start[loan] + k
    future = np.maximum(terms[loan] - (month - first[loan]), 0)
    status = np.where(future == 0, "Completed", "Active")
    r = risk.of(loans["SK_ID_CURR"].to_numpy())[loan]
    late = rng.random(len(loan)) < risk_tilted(fit["dpd"]["share"], r, DPD_STRENGTH)
    dpd = np.where(late, pick(fit["dpd"]["values"], rng, len(loan), default=5), 0).astype(np.int64)
    # Small arrears are tolerated: only larger ones count as "with tolerance" (SK_DPD_DEF).
    dpd_def = np.where(dpd > 30, dpd, 0)
    return pd.DataFrame(
        {
            "SK_ID_PREV": loans["SK_ID_PREV"].to_numpy()[loan],
            "SK_ID_CURR": loans["SK_ID_CURR"].to_numpy()[loan],
            "MONTHS_BALANCE": month,
            "CNT_INSTALMENT": terms[loan],
            "CNT_INSTALMENT_FUTURE": future,
            "NAME_CONTRACT_STATUS": status,
            "SK_DPD": dpd,
            "SK_DPD_DEF": dpd_def,
        }
    )


def draw_installments(cal: dict, rng, prev: pd.DataFrame, risk: ClientRisk) -> pd.DataFrame:
    fit = cal["history"]["installments"]
    loans = _loans(prev)
    first_due = loans["DAYS_FIRST_DUE"].to_numpy()
    terms = loans["CNT_PAYMENT"].to_numpy()
    due_so_far = np.clip(np.floor(-first_due / 30) + 1, 0, terms)
    skipped = np.clip(np.ceil((-HISTORY_MONTHS * MONTH - first_due) / 30), 0, due_so_far)
    loan, k = expand((due_so_far - skipped).astype(np.int64))
    number = skipped[loan] + k + 1
    due = first_due[loan] + 30 * (number - 1)
    n = len(loan)
    r = risk.of(loans["SK_ID_CURR"].to_numpy())[loan]
    late = rng.random(n) < risk_tilted(fit["late_share"], r, LATE_STRENGTH)
    delay = np.where(late, pick(fit["days_late"], rng, n, default=5), -pick(fit["days_early"], rng, n))
    paid_on = np.minimum(due + delay, -1)
    amount = loans["AMT_ANNUITY"].to_numpy()[loan]
    short = rng.random(n) < risk_tilted(fit["underpaid_share"], r, UNDERPAY_STRENGTH)
    paid = np.where(short, round_to(amount * pick(fit["paid_share_if_underpaid"], rng, n), 0.005), amount)

    # Some instalments are paid in two goes: a second row pays the rest a little later.
    split = rng.random(n) < max(fit["payments_per_instalment"] - 1, SPLIT_PAYMENT_SHARE)
    first_part = np.where(split, round_to(paid * rng.uniform(0.2, 0.8, n), 0.005), paid)
    rows = pd.DataFrame(
        {
            "SK_ID_PREV": loans["SK_ID_PREV"].to_numpy()[loan],
            "SK_ID_CURR": loans["SK_ID_CURR"].to_numpy()[loan],
            "NUM_INSTALMENT_VERSION": pick(fit["NUM_INSTALMENT_VERSION"], rng, n, default=1),
            "NUM_INSTALMENT_NUMBER": number.astype(np.int64),
            "DAYS_INSTALMENT": due,
            "DAYS_ENTRY_PAYMENT": paid_on,
            "AMT_INSTALMENT": amount,
            "AMT_PAYMENT": first_part,
        }
    )
    rest = rows[split].copy()
    rest["DAYS_ENTRY_PAYMENT"] = np.minimum(rest["DAYS_ENTRY_PAYMENT"] + rng.integers(1, 20, len(rest)), -1)
    rest["AMT_PAYMENT"] = round_to(paid[split] - first_part[split], 0.005)
    both = pd.concat([rows, rest])
    return both.iloc[np.argsort(np.r_[np.arange(n), np.flatnonzero(split)], kind="stable")]
