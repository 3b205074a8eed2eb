"""Monthly card balances (credit_card_balance.csv) and card repayments.

Each approved revolving loan of previous_application.csv is a card reported every month from
its opening (at most eight years back) to last month. Riskier clients run their cards closer
to the limit and miss more payments.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import ndtr

from .draws import ClientRisk, expand, pick, risk_tilted
from .marginals import round_to, sample

MONTH = 30.4375
HISTORY_MONTHS = 96
DPD_STRENGTH = 1.5
# Rank correlation between a client's history risk and how much of the limit they use.
UTILISATION_RISK_CORRELATION = 0.6
CARD_MINIMUM = 0.05  # minimum monthly repayment, share of the balance
PAYING_MONTH_SHARE = 0.9  # months with a repayment, among months with a balance and no arrears


def draw_credit_card(cal: dict, rng, prev: pd.DataFrame, risk: ClientRisk) -> pd.DataFrame:
    fit = cal["history"]["credit_card"]
    approved = prev["NAME_CONTRACT_STATUS"].to_numpy() == "Approved"
    cards = prev.loc[approved & (prev["NAME_CONTRACT_TYPE"].to_numpy() == "Revolving loans")]
    start = np.maximum(np.floor(cards["DAYS_DECISION"].to_numpy() / MONTH), -HISTORY_MONTHS)
    card, k = expand((-start).astype(np.int64))  # every month up to last month
    n, m = len(card), len(cards)
    month = start[card] + k
    r_card = risk.of(cards["SK_ID_CURR"].to_numpy())
    limit = pick(fit["limit"], rng, m, default=135000.0)
    # Riskier clients run their cards closer to the limit.
    c = UTILISATION_RISK_CORRELATION
    habit = sample(fit["utilisation"], ndtr(c * r_card + np.sqrt(1 - c * c) * rng.standard_normal(m)))
    used = np.clip(habit[card] + 0.08 * rng.standard_normal(n), 0, 1.1)
    balance = round_to(limit[card] * used, 0.005)
    drawing = rng.random(n) < fit["drawing_month_share"]
    drawn = np.where(drawing, round_to(limit[card] * rng.uniform(0.01, 0.25, n), 0.005), 0.0)
    atm = np.where(rng.random(n) < 0.4, drawn, 0.0)
    pos = drawn - atm
    count_atm = np.where(atm > 0, rng.integers(1, 4, n), 0)
    count_pos = np.where(pos > 0, rng.integers(1, 8, n), 0)
    minimum = round_to(balance * CARD_MINIMUM, 0.005)
    late = rng.random(n) < risk_tilted(fit["dpd"]["share"], r_card[card], DPD_STRENGTH)
    pays = ~late & (balance > 0) & (rng.random(n) < PAYING_MONTH_SHARE)
    payment = np.where(pays, round_to(minimum * rng.uniform(1, 3, n), 0.005), 0.0)
    dpd = np.where(late, pick(fit["dpd"]["values"], rng, n, default=10), 0).astype(np.int64)
    # Instalments paid so far: a running count of paying months, restarted on each card's
    # first row (a card's months are consecutive rows).
    paid_so_far = np.cumsum(pays)
    months_per_card = np.bincount(card, minlength=m)
    first_row = np.cumsum(months_per_card) - months_per_card
    matured = paid_so_far - (paid_so_far[first_row] - pays[first_row])[card]
    quiet = (drawn == 0) & (rng.random(n) < 0.6)  # months without activity report no drawings

    def blank(values):
        return np.where(quiet, np.nan, values)

    return pd.DataFrame(
        {
            "SK_ID_PREV": cards["SK_ID_PREV"].to_numpy()[card],
            "SK_ID_CURR": cards["SK_ID_CURR"].to_numpy()[card],
            "MONTHS_BALANCE": month,
            "AMT_BALANCE": balance,
            "AMT_CREDIT_LIMIT_ACTUAL": limit[card],
            "AMT_DRAWINGS_ATM_CURRENT": blank(atm),
            "AMT_DRAWINGS_CURRENT": drawn,
            "AMT_DRAWINGS_OTHER_CURRENT": blank(np.zeros(n)),
            "AMT_DRAWINGS_POS_CURRENT": blank(pos),
            "AMT_INST_MIN_REGULARITY": minimum,
            "AMT_PAYMENT_CURRENT": np.where(payment > 0, payment, np.nan),
            "AMT_PAYMENT_TOTAL_CURRENT": payment,
            "AMT_RECEIVABLE_PRINCIPAL": round_to(balance * 0.96, 0.005),
            "AMT_RECIVABLE": balance,
            "AMT_TOTAL_RECEIVABLE": balance,
            "CNT_DRAWINGS_ATM_CURRENT": blank(count_atm),
            "CNT_DRAWINGS_CURRENT": count_atm + count_pos,
            "CNT_DRAWINGS_OTHER_CURRENT": blank(np.zeros(n)),
            "CNT_DRAWINGS_POS_CURRENT": blank(count_pos),
            "CNT_INSTALMENT_MATURE_CUM": matured.astype(float),
            "NAME_CONTRACT_STATUS": "Active",
            "SK_DPD": dpd,
            "SK_DPD_DEF": np.where(dpd > 30, dpd, 0),
        }
    )


def card_payments(cards: pd.DataFrame) -> pd.DataFrame:
    """Card repayments also appear among instalment payments (version 0): the minimum due
    at the end of each month, and what was paid."""
    paid = cards[cards["AMT_PAYMENT_TOTAL_CURRENT"].to_numpy() > 0]
    due = paid["MONTHS_BALANCE"].to_numpy() * MONTH + MONTH - 1
    return pd.DataFrame(
        {
            "SK_ID_PREV": paid["SK_ID_PREV"].to_numpy(),
            "SK_ID_CURR": paid["SK_ID_CURR"].to_numpy(),
            "NUM_INSTALMENT_VERSION": 0.0,
            "NUM_INSTALMENT_NUMBER": paid["CNT_INSTALMENT_MATURE_CUM"].to_numpy(),  # this payment included
            "DAYS_INSTALMENT": np.round(due),
            "DAYS_ENTRY_PAYMENT": np.minimum(np.round(due) - (paid["SK_DPD"].to_numpy() == 0) * 3, -1),
            "AMT_INSTALMENT": paid["AMT_INST_MIN_REGULARITY"].to_numpy(),
            "AMT_PAYMENT": paid["AMT_PAYMENT_TOTAL_CURRENT"].to_numpy(),
        }
    )
