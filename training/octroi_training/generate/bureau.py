"""Credits at other lenders (bureau.csv) and their monthly statuses (bureau_balance.csv)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .draws import event_values, expand, pick, risk_tilted, scaled_counts
from .marginals import round_to

MONTH = 30.4375
HISTORY_MONTHS = 96  # the bureau reports at most eight years of monthly statuses
# Log-odds added per standard deviation of history risk.
OVERDUE_STRENGTH = 1.6
LATE_MONTH_STRENGTH = 1.4


def draw_bureau(cal: dict, rng, clients: np.ndarray, risk: np.ndarray, first_id: int):
    fit, full = cal["history"]["bureau"], cal["full_data"]
    sizes = full["bureau.csv"]
    counts = scaled_counts(
        rng,
        fit["credits_per_client"],
        len(clients),
        sizes["clients"] / full["applicants"],
        sizes["rows"] / sizes["clients"],
    )
    owner, _ = expand(counts)
    n = len(owner)
    r = risk[owner]
    opened = np.minimum(pick(fit["DAYS_CREDIT"], rng, n), -1)
    end = opened + pick(fit["duration_days"], rng, n)
    p_active = np.where(end > 0, fit["active_share_if_end_in_future"], fit["active_share_if_end_past"])
    active = rng.random(n) < p_active
    status = np.where(active, "Active", pick(fit["status_if_not_active"], rng, n))
    closed_on = np.clip(end - pick(fit["closing_days_before_end"], rng, n), opened, -1)
    closed_on = np.where(active, np.nan, closed_on)
    updated = np.where(
        active, pick(fit["update_days_if_active"], rng, n), closed_on + pick(fit["update_days_after_close"], rng, n)
    )
    updated = np.clip(np.nan_to_num(updated), opened, 0)

    kind = pick(fit["CREDIT_TYPE"], rng, n)
    amount = pick(fit["AMT_CREDIT_SUM"], rng, n)
    debt = np.where(active, round_to(amount * pick(fit["debt_share_if_active"], rng, n), 0.005), 0.0)
    limit = np.where(
        kind == "Credit card", event_values(rng, fit["card_limit"], np.full(n, fit["card_limit"]["share"])), 0.0
    )
    p_overdue = risk_tilted(fit["day_overdue_if_active"]["share"], r, OVERDUE_STRENGTH)
    days_overdue = np.where(active, event_values(rng, fit["day_overdue_if_active"], p_overdue), 0)
    overdue_share = pick(fit["sum_overdue_share_of_debt"], rng, n, default=0.1)
    sum_overdue = np.where(days_overdue > 0, round_to(debt * overdue_share, 0.005), 0.0)
    max_overdue = event_values(rng, fit["max_overdue"], risk_tilted(fit["max_overdue"]["share"], r, OVERDUE_STRENGTH))
    max_overdue = np.maximum(max_overdue, sum_overdue)

    ids = first_id + np.arange(n, dtype=np.int64)
    bureau = pd.DataFrame(
        {
            "SK_ID_CURR": clients[owner],
            "SK_ID_BUREAU": ids,
            "CREDIT_ACTIVE": status,
            "CREDIT_CURRENCY": pick(fit["CREDIT_CURRENCY"], rng, n),
            "DAYS_CREDIT": opened,
            "CREDIT_DAY_OVERDUE": days_overdue,
            "DAYS_CREDIT_ENDDATE": end,
            "DAYS_ENDDATE_FACT": closed_on,
            "AMT_CREDIT_MAX_OVERDUE": max_overdue,
            "CNT_CREDIT_PROLONG": pick(fit["CNT_CREDIT_PROLONG"], rng, n),
            "AMT_CREDIT_SUM": amount,
            "AMT_CREDIT_SUM_DEBT": debt,
            "AMT_CREDIT_SUM_LIMIT": limit,
            "AMT_CREDIT_SUM_OVERDUE": sum_overdue,
            "CREDIT_TYPE": kind,
            "DAYS_CREDIT_UPDATE": updated,
            "AMT_ANNUITY": event_values(rng, fit["annuity"], np.full(n, fit["annuity"]["share"])),
        }
    )
    balance = _draw_balance(cal, rng, bureau, r)
    return bureau, balance


def _draw_balance(cal: dict, rng, bureau: pd.DataFrame, r: np.ndarray) -> pd.DataFrame:
    """Monthly statuses from the month the credit opened (at most 8 years back) to now:
    C once closed, X when unknown, 0 when paid on time, 1-5 for growing arrears."""
    fit, full = cal["history"]["bureau_balance"], cal["full_data"]
    opened = np.floor(bureau["DAYS_CREDIT"].to_numpy() / MONTH)
    months = np.minimum(-opened, HISTORY_MONTHS).astype(np.int64) + 1
    # Only some credits are reported monthly: as many as give the full data's months per credit.
    months_per_credit = full["bureau_balance.csv"]["rows"] / full["bureau.csv"]["rows"]
    reported = rng.random(len(bureau)) < months_per_credit / max(months.mean(), 1.0)
    credit, age = expand(np.where(reported, months, 0))
    month = -age  # 0 is the current month
    closed_month = np.floor(bureau["DAYS_ENDDATE_FACT"].to_numpy() / MONTH)[credit]
    is_closed = ~np.isnan(closed_month) & (month > closed_month)
    unknown = rng.random(len(month)) < fit["unknown_share_while_open"]
    late = rng.random(len(month)) < risk_tilted(fit["late_share_while_known"], r[credit], LATE_MONTH_STRENGTH)
    late_status = pick(fit["late_status"], rng, len(month), default="1")
    status = np.where(is_closed, "C", np.where(unknown, "X", np.where(late, late_status, "0")))
    return pd.DataFrame(
        {"SK_ID_BUREAU": bureau["SK_ID_BUREAU"].to_numpy()[credit], "MONTHS_BALANCE": month, "STATUS": status}
    )
