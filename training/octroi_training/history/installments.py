"""Repayment history of previous Home Credit loans (installments_payments.csv)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import ID, RECENT_DAYS
from . import assemble, by_client, declare, safe_ratio, share

FEATURES = declare(
    "installments",
    [
        ("INST_COUNT", "count", "Instalments paid before", "Échéances payées auparavant"),
        ("INST_LATE_SHARE", "ratio", "Share of instalments paid late", "Part des échéances payées en retard"),
        ("INST_DAYS_LATE_MEAN", "days", "Average delay of payments (days)", "Retard moyen des paiements (jours)"),
        ("INST_DAYS_LATE_MAX", "days", "Longest delay of a payment (days)", "Plus long retard de paiement (jours)"),
        ("INST_DAYS_EARLY_MEAN", "days", "Average days paid ahead of time", "Avance moyenne des paiements (jours)"),
        (
            "INST_SHORT_SHARE",
            "ratio",
            "Share of instalments paid only in part",
            "Part des échéances payées partiellement",
        ),
        (
            "INST_PAID_RATIO_MEAN",
            "ratio",
            "Average share of each instalment paid",
            "Part moyenne de chaque échéance payée",
        ),
        (
            "INST_SHORTFALL_MEAN",
            "currency",
            "Average amount left unpaid per instalment",
            "Montant moyen impayé par échéance",
        ),
        (
            "INST_SHORTFALL_MAX",
            "currency",
            "Largest amount left unpaid on an instalment",
            "Plus gros montant impayé sur une échéance",
        ),
        ("INST_AMOUNT_MEAN", "currency", "Average instalment", "Échéance moyenne"),
        ("INST_PAID_SUM", "currency", "Total repaid on previous loans", "Total remboursé sur les prêts précédents"),
        (
            "INST_RECENT_LATE_SHARE",
            "ratio",
            "Share of instalments paid late in the last year",
            "Part des échéances payées en retard dans l'année",
        ),
        (
            "INST_RECENT_SHORT_SHARE",
            "ratio",
            "Share of instalments paid in part in the last year",
            "Part des échéances payées partiellement dans l'année",
        ),
        (
            "INST_RECENT_DAYS_LATE_MEAN",
            "days",
            "Average delay of payments in the last year",
            "Retard moyen des paiements dans l'année",
        ),
    ],
)


def aggregate(installments: pd.DataFrame) -> pd.DataFrame:
    inst = installments
    keys = inst[ID]
    delay = (inst["DAYS_ENTRY_PAYMENT"] - inst["DAYS_INSTALMENT"]).astype(np.float64)
    shortfall = (inst["AMT_INSTALMENT"] - inst["AMT_PAYMENT"]).astype(np.float64)
    # A missing payment date means the instalment was never paid: that counts as late and short.
    late = (delay > 0) | inst["DAYS_ENTRY_PAYMENT"].isna()
    short = (shortfall > 0.01) | inst["AMT_PAYMENT"].isna()
    recent = inst["DAYS_INSTALMENT"] > -RECENT_DAYS
    work = pd.DataFrame(
        {
            ID: keys,
            "late_days": delay.clip(lower=0),
            "early_days": (-delay).clip(lower=0),
            "paid_ratio": safe_ratio(inst["AMT_PAYMENT"], inst["AMT_INSTALMENT"]),
            "shortfall": shortfall.clip(lower=0),
            "instalment": inst["AMT_INSTALMENT"].astype(np.float64),
            "paid": inst["AMT_PAYMENT"].astype(np.float64),
        }
    )
    g, gr = by_client(work), by_client(work, recent)
    return assemble(
        {
            "INST_COUNT": g.size().astype(np.float64),
            "INST_LATE_SHARE": share(late, keys),
            "INST_DAYS_LATE_MEAN": g["late_days"].mean(),
            "INST_DAYS_LATE_MAX": g["late_days"].max(),
            "INST_DAYS_EARLY_MEAN": g["early_days"].mean(),
            "INST_SHORT_SHARE": share(short, keys),
            "INST_PAID_RATIO_MEAN": g["paid_ratio"].mean(),
            "INST_SHORTFALL_MEAN": g["shortfall"].mean(),
            "INST_SHORTFALL_MAX": g["shortfall"].max(),
            "INST_AMOUNT_MEAN": g["instalment"].mean(),
            "INST_PAID_SUM": g["paid"].sum(),
            "INST_RECENT_LATE_SHARE": share(late[recent], keys[recent]),
            "INST_RECENT_SHORT_SHARE": share(short[recent], keys[recent]),
            "INST_RECENT_DAYS_LATE_MEAN": gr["late_days"].mean(),
        },
        FEATURES,
    )
