"""Credits reported by other institutions (bureau.csv) and their monthly status (bureau_balance.csv)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import ID, RECENT_DAYS, RECENT_MONTHS
from . import assemble, by_client, count, declare, safe_ratio, share

FEATURES = declare(
    "bureau",
    [
        ("BUREAU_CREDIT_COUNT", "count", "Credits at other lenders", "Crédits auprès d'autres organismes"),
        (
            "BUREAU_ACTIVE_COUNT",
            "count",
            "Ongoing credits at other lenders",
            "Crédits en cours auprès d'autres organismes",
        ),
        (
            "BUREAU_ACTIVE_SHARE",
            "ratio",
            "Share of other credits still ongoing",
            "Part des autres crédits encore en cours",
        ),
        (
            "BUREAU_RECENT_COUNT",
            "count",
            "Credits opened elsewhere in the last year",
            "Crédits ouverts ailleurs dans l'année",
        ),
        ("BUREAU_MICROLOAN_COUNT", "count", "Microloans at other lenders", "Microcrédits auprès d'autres organismes"),
        (
            "BUREAU_CARD_SHARE",
            "ratio",
            "Share of other credits that are credit cards",
            "Part de cartes de crédit parmi les autres crédits",
        ),
        (
            "BUREAU_DAYS_CREDIT_MIN",
            "days",
            "Age of the oldest other credit (days)",
            "Ancienneté du plus ancien autre crédit (jours)",
        ),
        (
            "BUREAU_DAYS_CREDIT_MAX",
            "days",
            "Age of the latest other credit (days)",
            "Ancienneté du dernier autre crédit (jours)",
        ),
        (
            "BUREAU_DAYS_CREDIT_MEAN",
            "days",
            "Average age of other credits (days)",
            "Ancienneté moyenne des autres crédits (jours)",
        ),
        (
            "BUREAU_DAYS_UPDATE_MEAN",
            "days",
            "Days since other credits were last updated",
            "Jours depuis la mise à jour des autres crédits",
        ),
        (
            "BUREAU_OVERDUE_DAYS_MAX",
            "days",
            "Longest current delay on other credits (days)",
            "Plus long retard en cours sur les autres crédits (jours)",
        ),
        (
            "BUREAU_MAX_OVERDUE_AMOUNT",
            "currency",
            "Largest amount ever overdue elsewhere",
            "Plus gros montant impayé ailleurs",
        ),
        (
            "BUREAU_OVERDUE_AMOUNT_SUM",
            "currency",
            "Amount currently overdue elsewhere",
            "Montant actuellement impayé ailleurs",
        ),
        ("BUREAU_PROLONG_COUNT", "count", "Times other credits were prolonged", "Prolongations des autres crédits"),
        ("BUREAU_CREDIT_SUM", "currency", "Total of other credits", "Total des autres crédits"),
        ("BUREAU_CREDIT_MEAN", "currency", "Average amount of other credits", "Montant moyen des autres crédits"),
        (
            "BUREAU_DEBT_SUM",
            "currency",
            "Debt still owed to other lenders",
            "Dette restante auprès d'autres organismes",
        ),
        (
            "BUREAU_DEBT_CREDIT_RATIO",
            "ratio",
            "Share of other credits still to repay",
            "Part des autres crédits restant à rembourser",
        ),
        (
            "BUREAU_LIMIT_SUM",
            "currency",
            "Credit card limits at other lenders",
            "Plafonds de cartes auprès d'autres organismes",
        ),
        ("BUREAU_ACTIVE_CREDIT_SUM", "currency", "Total of ongoing other credits", "Total des autres crédits en cours"),
        ("BUREAU_ACTIVE_DEBT_SUM", "currency", "Debt on ongoing other credits", "Dette des autres crédits en cours"),
        (
            "BUREAU_ACTIVE_ANNUITY_SUM",
            "currency",
            "Repayments due on ongoing other credits",
            "Échéances des autres crédits en cours",
        ),
        (
            "BUREAU_ACTIVE_END_MAX",
            "days",
            "Days until the last ongoing credit ends",
            "Jours avant la fin du dernier crédit en cours",
        ),
        (
            "BUREAU_CLOSED_COUNT",
            "count",
            "Closed credits at other lenders",
            "Crédits soldés auprès d'autres organismes",
        ),
        (
            "BUREAU_CLOSED_LAST_END",
            "days",
            "Days since the last credit was closed",
            "Jours depuis le dernier crédit soldé",
        ),
        (
            "BUREAU_CLOSED_CREDIT_MEAN",
            "currency",
            "Average amount of closed credits",
            "Montant moyen des crédits soldés",
        ),
        (
            "BUREAU_EARLY_END_SHARE",
            "ratio",
            "Share of closed credits repaid early",
            "Part des crédits soldés remboursés en avance",
        ),
        ("BUREAU_MONTHS_COUNT", "count", "Months of credit history reported", "Mois d'historique de crédit déclarés"),
        (
            "BUREAU_LATE_MONTH_SHARE",
            "ratio",
            "Share of months paid late on other credits",
            "Part des mois en retard sur les autres crédits",
        ),
        (
            "BUREAU_WORST_STATUS",
            "score",
            "Worst delay reported (0 none, 5 over 120 days)",
            "Pire retard déclaré (0 aucun, 5 plus de 120 jours)",
        ),
        (
            "BUREAU_RECENT_LATE_MONTHS",
            "count",
            "Months late on other credits in the last year",
            "Mois de retard sur les autres crédits dans l'année",
        ),
    ],
)


def _balance_by_credit(balance: pd.DataFrame) -> pd.DataFrame:
    """Per bureau credit: months reported, months late, worst delay, late months in the last year."""
    # STATUS: C closed, X unknown, 0 on time, 1..5 increasingly late (5 = over 120 days or sold).
    # Translate the few category levels, not the tens of millions of rows.
    status = balance["STATUS"].astype("category")
    levels = pd.to_numeric(pd.Series(status.cat.categories.astype(str)), errors="coerce").fillna(0)
    codes = status.cat.codes.to_numpy()
    delay = pd.Series(np.where(codes >= 0, levels.to_numpy(np.float32)[codes], 0), index=balance.index)
    late = delay > 0
    recent = balance["MONTHS_BALANCE"] > -RECENT_MONTHS
    keys = balance["SK_ID_BUREAU"]
    return pd.DataFrame(
        {
            "months": keys.groupby(keys, sort=False).size().astype(np.float64),
            "late": count(late, keys),
            "worst": delay.groupby(keys, sort=False).max(),
            "recent_late": count(late & recent, keys),
        }
    )


def _balance_by_client(bureau: pd.DataFrame, balance: pd.DataFrame) -> dict[str, pd.Series]:
    per_credit = _balance_by_credit(balance)
    linked = bureau[[ID, "SK_ID_BUREAU"]].merge(per_credit, left_on="SK_ID_BUREAU", right_index=True)
    g = linked.groupby(ID, sort=False)
    months = g["months"].sum()
    return {
        "BUREAU_MONTHS_COUNT": months,
        "BUREAU_LATE_MONTH_SHARE": safe_ratio(g["late"].sum(), months),
        "BUREAU_WORST_STATUS": g["worst"].max(),
        "BUREAU_RECENT_LATE_MONTHS": g["recent_late"].sum(),
    }


def aggregate(bureau: pd.DataFrame, balance: pd.DataFrame | None) -> pd.DataFrame:
    keys = bureau[ID]
    active = bureau["CREDIT_ACTIVE"] == "Active"
    closed = bureau["CREDIT_ACTIVE"] == "Closed"
    g, ga, gc = by_client(bureau), by_client(bureau, active), by_client(bureau, closed)
    credit_sum, debt_sum = g["AMT_CREDIT_SUM"].sum(), g["AMT_CREDIT_SUM_DEBT"].sum()
    early = closed & (bureau["DAYS_ENDDATE_FACT"] < bureau["DAYS_CREDIT_ENDDATE"])
    columns = {
        "BUREAU_CREDIT_COUNT": g.size().astype(np.float64),
        "BUREAU_ACTIVE_COUNT": count(active, keys),
        "BUREAU_ACTIVE_SHARE": share(active, keys),
        "BUREAU_RECENT_COUNT": count(bureau["DAYS_CREDIT"] > -RECENT_DAYS, keys),
        "BUREAU_MICROLOAN_COUNT": count(bureau["CREDIT_TYPE"] == "Microloan", keys),
        "BUREAU_CARD_SHARE": share(bureau["CREDIT_TYPE"] == "Credit card", keys),
        "BUREAU_DAYS_CREDIT_MIN": g["DAYS_CREDIT"].min(),
        "BUREAU_DAYS_CREDIT_MAX": g["DAYS_CREDIT"].max(),
        "BUREAU_DAYS_CREDIT_MEAN": g["DAYS_CREDIT"].mean(),
        "BUREAU_DAYS_UPDATE_MEAN": g["DAYS_CREDIT_UPDATE"].mean(),
        "BUREAU_OVERDUE_DAYS_MAX": g["CREDIT_DAY_OVERDUE"].max(),
        "BUREAU_MAX_OVERDUE_AMOUNT": g["AMT_CREDIT_MAX_OVERDUE"].max(),
        "BUREAU_OVERDUE_AMOUNT_SUM": g["AMT_CREDIT_SUM_OVERDUE"].sum(),
        "BUREAU_PROLONG_COUNT": g["CNT_CREDIT_PROLONG"].sum(),
        "BUREAU_CREDIT_SUM": credit_sum,
        "BUREAU_CREDIT_MEAN": g["AMT_CREDIT_SUM"].mean(),
        "BUREAU_DEBT_SUM": debt_sum,
        "BUREAU_DEBT_CREDIT_RATIO": safe_ratio(debt_sum, credit_sum),
        "BUREAU_LIMIT_SUM": g["AMT_CREDIT_SUM_LIMIT"].sum(),
        "BUREAU_ACTIVE_CREDIT_SUM": ga["AMT_CREDIT_SUM"].sum(),
        "BUREAU_ACTIVE_DEBT_SUM": ga["AMT_CREDIT_SUM_DEBT"].sum(),
        "BUREAU_ACTIVE_ANNUITY_SUM": ga["AMT_ANNUITY"].sum(),
        "BUREAU_ACTIVE_END_MAX": ga["DAYS_CREDIT_ENDDATE"].max(),
        "BUREAU_CLOSED_COUNT": count(closed, keys),
        "BUREAU_CLOSED_LAST_END": gc["DAYS_ENDDATE_FACT"].max(),
        "BUREAU_CLOSED_CREDIT_MEAN": gc["AMT_CREDIT_SUM"].mean(),
        "BUREAU_EARLY_END_SHARE": safe_ratio(count(early, keys), count(closed, keys)),
    }
    if balance is not None:
        columns |= _balance_by_client(bureau, balance)
    else:
        columns |= {f.name: pd.Series(dtype=np.float64) for f in FEATURES[-4:]}
    return assemble(columns, FEATURES)
