"""Fit the credit-history tables from the linked sample rows.

The linked rows cover about a thousand clients and only part of each history, and their
gaps were imputed. So the fit keeps shapes and proportions that survive this (value
distributions, per-client count shapes, late-payment and overdue shares), fitted on the
rows where they mean something (closed credits for closing dates, refused applications for
reject reasons ...). Levels of row counts come from schema.FULL_DATA.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .marginals import fit_column, fit_frequencies, fit_numeric

PLACEHOLDER = 365243


def read_linked(folder: Path, name: str) -> pd.DataFrame:
    # Some linked files start with a byte-order mark.
    return pd.read_csv(folder / name, encoding="utf-8-sig")


def _share(mask) -> float:
    return round(float(np.mean(mask)), 6) if len(mask) else 0.0


def _positive(values: pd.Series) -> dict:
    """Share of positive values and the distribution of those."""
    pos = values[values > 0]
    return {"share": _share(values > 0), "values": fit_column(pos) if len(pos) else None}


def _counts(ids: pd.Series) -> dict:
    """Rows per parent among parents with at least one row."""
    return fit_frequencies(ids.value_counts())


def _by_group(frame: pd.DataFrame, by: str, column: str, **kw) -> dict:
    return {k: fit_column(part[column], **kw) for k, part in frame.groupby(by)}


def fit_bureau(folder: Path) -> dict:
    b = read_linked(folder, "bureau.csv")
    active = b["CREDIT_ACTIVE"] == "Active"
    closed = b["CREDIT_ACTIVE"] == "Closed"
    future_end = b["DAYS_CREDIT_ENDDATE"] > 0
    card = b["CREDIT_TYPE"] == "Credit card"
    debt_share = (b["AMT_CREDIT_SUM_DEBT"] / b["AMT_CREDIT_SUM"]).clip(0, 1)[active & (b["AMT_CREDIT_SUM"] > 0)]
    return {
        "credits_per_client": _counts(b["SK_ID_CURR"]),
        "DAYS_CREDIT": fit_numeric(b["DAYS_CREDIT"]),
        "duration_days": fit_numeric(b["DAYS_CREDIT_ENDDATE"] - b["DAYS_CREDIT"]),
        "active_share_if_end_in_future": _share(active[future_end]),
        "active_share_if_end_past": _share(active[~future_end]),
        "status_if_not_active": fit_frequencies(b.loc[~active, "CREDIT_ACTIVE"], kind="categorical"),
        "closing_days_before_end": fit_numeric((b["DAYS_CREDIT_ENDDATE"] - b["DAYS_ENDDATE_FACT"])[closed]),
        "update_days_if_active": fit_numeric(b.loc[active, "DAYS_CREDIT_UPDATE"]),
        "update_days_after_close": fit_numeric((b["DAYS_CREDIT_UPDATE"] - b["DAYS_ENDDATE_FACT"])[closed]),
        "CREDIT_CURRENCY": fit_column(b["CREDIT_CURRENCY"]),
        "CREDIT_TYPE": fit_column(b["CREDIT_TYPE"]),
        "CNT_CREDIT_PROLONG": fit_column(b["CNT_CREDIT_PROLONG"]),
        "AMT_CREDIT_SUM": fit_numeric(b["AMT_CREDIT_SUM"]),
        "debt_share_if_active": fit_numeric(debt_share, rounded=False),
        "card_limit": _positive(b.loc[card, "AMT_CREDIT_SUM_LIMIT"]),
        "day_overdue_if_active": _positive(b.loc[active, "CREDIT_DAY_OVERDUE"]),
        "max_overdue": _positive(b["AMT_CREDIT_MAX_OVERDUE"]),
        "sum_overdue_share_of_debt": fit_numeric(
            (b["AMT_CREDIT_SUM_OVERDUE"] / b["AMT_CREDIT_SUM_DEBT"]).clip(0, 1)[
                (b["AMT_CREDIT_SUM_OVERDUE"] > 0) & (b["AMT_CREDIT_SUM_DEBT"] > 0)
            ],
            rounded=False,
        )
        if ((b["AMT_CREDIT_SUM_OVERDUE"] > 0) & (b["AMT_CREDIT_SUM_DEBT"] > 0)).sum() > 2
        else None,
        "annuity": _positive(b["AMT_ANNUITY"]),
    }


def fit_bureau_balance(folder: Path) -> dict:
    bb = read_linked(folder, "bureau_balance.csv")
    status = bb["STATUS"].astype(str)
    open_months = status[status != "C"]
    known = open_months[open_months != "X"]
    late = known[known != "0"]
    return {
        "months_per_credit": _counts(bb["SK_ID_BUREAU"]),
        "unknown_share_while_open": _share(open_months == "X"),
        "late_share_while_known": _share(known != "0"),
        "late_status": fit_frequencies(late, kind="categorical") if len(late) else None,
    }


def fit_previous(folder: Path) -> dict:
    p = read_linked(folder, "previous_application.csv")
    kind = "NAME_CONTRACT_TYPE"
    approved = p["NAME_CONTRACT_STATUS"] == "Approved"
    refused = p["NAME_CONTRACT_STATUS"] == "Refused"
    priced = (p["CNT_PAYMENT"] > 0) & (p["AMT_CREDIT"] > 0) & (p["AMT_ANNUITY"] > 0)
    applied = p["AMT_APPLICATION"] > 0
    p["CREDIT_TO_APPLICATION"] = (p["AMT_CREDIT"] / p["AMT_APPLICATION"]).where(applied)
    p["REPAID_TO_CREDIT"] = (p["AMT_ANNUITY"] * p["CNT_PAYMENT"] / p["AMT_CREDIT"]).where(priced)
    labels = [
        "NAME_CONTRACT_STATUS",
        "WEEKDAY_APPR_PROCESS_START",
        "FLAG_LAST_APPL_PER_CONTRACT",
        "NAME_CASH_LOAN_PURPOSE",
        "NAME_PAYMENT_TYPE",
        "NAME_TYPE_SUITE",
        "NAME_CLIENT_TYPE",
        "NAME_GOODS_CATEGORY",
        "NAME_PORTFOLIO",
        "NAME_PRODUCT_TYPE",
        "CHANNEL_TYPE",
        "NAME_SELLER_INDUSTRY",
        "NAME_YIELD_GROUP",
        "PRODUCT_COMBINATION",
        "HOUR_APPR_PROCESS_START",
        "NFLAG_LAST_APPL_IN_DAY",
    ]
    first_due = p["DAYS_FIRST_DUE"].where(p["DAYS_FIRST_DUE"] != PLACEHOLDER)
    return {
        "applications_per_client": _counts(p["SK_ID_CURR"]),
        "NAME_CONTRACT_TYPE": fit_column(p[kind]),
        "by_contract_type": {
            k: {
                **{c: fit_column(part[c]) for c in labels},
                "AMT_APPLICATION": fit_numeric(part.loc[applied, "AMT_APPLICATION"])
                if applied[part.index].sum() > 2
                else None,
                "CREDIT_TO_APPLICATION": fit_numeric(part["CREDIT_TO_APPLICATION"], rounded=False)
                if part["CREDIT_TO_APPLICATION"].notna().sum() > 2
                else None,
                "CNT_PAYMENT": fit_column(part.loc[part["CNT_PAYMENT"] > 0, "CNT_PAYMENT"])
                if (part["CNT_PAYMENT"] > 0).sum() > 2
                else None,
                "REPAID_TO_CREDIT": fit_numeric(part["REPAID_TO_CREDIT"], rounded=False)
                if part["REPAID_TO_CREDIT"].notna().sum() > 2
                else None,
            }
            for k, part in p.groupby(kind)
        },
        "reject_reason_if_refused": fit_column(p.loc[refused, "CODE_REJECT_REASON"]),
        "reject_reason_otherwise": fit_column(p.loc[~refused, "CODE_REJECT_REASON"]),
        "DAYS_DECISION": fit_numeric(p["DAYS_DECISION"]),
        "SELLERPLACE_AREA": fit_numeric(p["SELLERPLACE_AREA"]),
        "down_payment_rate": _positive(p.loc[p[kind] == "Consumer loans", "RATE_DOWN_PAYMENT"]),
        "first_due_after_decision": fit_numeric((first_due - p["DAYS_DECISION"])[approved]),
        "first_drawing_placeholder_share": _share(p.loc[approved, "DAYS_FIRST_DRAWING"] == PLACEHOLDER),
        "insured_share_if_approved": _share(p.loc[approved, "NFLAG_INSURED_ON_APPROVAL"] == 1),
    }


def fit_pos_cash(folder: Path) -> dict:
    pos = read_linked(folder, "POS_CASH_balance.csv")
    return {"months_per_loan": _counts(pos["SK_ID_PREV"]), "dpd": _positive(pos["SK_DPD"])}


def fit_installments(folder: Path) -> dict:
    ins = read_linked(folder, "installments_payments.csv")
    delay = ins["DAYS_ENTRY_PAYMENT"] - ins["DAYS_INSTALMENT"]
    paid_less = ins["AMT_PAYMENT"] < ins["AMT_INSTALMENT"] - 1
    instalments = ins.groupby(["SK_ID_PREV", "NUM_INSTALMENT_NUMBER", "NUM_INSTALMENT_VERSION"]).ngroups
    return {
        "rows_per_loan": _counts(ins["SK_ID_PREV"]),
        "late_share": _share(delay > 0),
        "days_late": fit_column(delay[delay > 0]),
        "days_early": fit_column(-delay[delay <= 0]),
        "underpaid_share": _share(paid_less),
        "paid_share_if_underpaid": fit_numeric((ins["AMT_PAYMENT"] / ins["AMT_INSTALMENT"])[paid_less], rounded=False),
        "payments_per_instalment": round(len(ins) / instalments, 4),
        "NUM_INSTALMENT_VERSION": fit_column(ins["NUM_INSTALMENT_VERSION"].clip(upper=3)),
    }


def fit_credit_card(folder: Path) -> dict:
    cc = read_linked(folder, "credit_card_balance.csv")
    limit = cc["AMT_CREDIT_LIMIT_ACTUAL"]
    used = (cc["AMT_BALANCE"] / limit).where(limit > 0).clip(0, 1.5)
    return {
        "months_per_card": _counts(cc["SK_ID_PREV"]),
        "limit": fit_column(limit[limit > 0]),
        "utilisation": fit_numeric(used.dropna(), rounded=False),
        "drawing_month_share": _share(cc["AMT_DRAWINGS_CURRENT"] > 0),
        "dpd": _positive(cc["SK_DPD"]),
    }


def fit_history(folder: Path) -> dict:
    return {
        "bureau": fit_bureau(folder),
        "bureau_balance": fit_bureau_balance(folder),
        "previous_application": fit_previous(folder),
        "pos_cash": fit_pos_cash(folder),
        "installments": fit_installments(folder),
        "credit_card": fit_credit_card(folder),
    }
