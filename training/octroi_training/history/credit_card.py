"""Monthly snapshots of previous Home Credit credit cards (credit_card_balance.csv)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import ID
from . import assemble, by_client, declare, safe_ratio, share

RECENT_CARD_MONTHS = 6  # card use moves fast: the last half-year says more than the last year

FEATURES = declare(
    "credit_card",
    [
        ("CC_MONTHS_COUNT", "count", "Months of credit card history", "Mois d'historique de carte de crédit"),
        ("CC_UTILISATION_MEAN", "ratio", "Average use of the card limit", "Utilisation moyenne du plafond de la carte"),
        (
            "CC_UTILISATION_MAX",
            "ratio",
            "Highest use of the card limit",
            "Plus forte utilisation du plafond de la carte",
        ),
        (
            "CC_RECENT_UTILISATION",
            "ratio",
            "Use of the card limit in the last 6 months",
            "Utilisation du plafond sur les 6 derniers mois",
        ),
        ("CC_BALANCE_MEAN", "currency", "Average card balance", "Solde moyen de la carte"),
        ("CC_BALANCE_MAX", "currency", "Highest card balance", "Solde maximal de la carte"),
        ("CC_LIMIT_MEAN", "currency", "Average card limit", "Plafond moyen de la carte"),
        ("CC_DRAWINGS_MEAN", "currency", "Average monthly card spending", "Dépenses mensuelles moyennes par carte"),
        ("CC_ATM_DRAWINGS_MEAN", "currency", "Average monthly cash withdrawals", "Retraits d'espèces mensuels moyens"),
        ("CC_DRAWINGS_COUNT_MEAN", "count", "Average card transactions per month", "Opérations par carte par mois"),
        (
            "CC_PAYMENT_MIN_RATIO_MEAN",
            "ratio",
            "Card payments compared with the minimum due",
            "Paiements de carte rapportés au minimum dû",
        ),
        (
            "CC_LATE_MONTH_SHARE",
            "ratio",
            "Share of months with a late card payment",
            "Part des mois avec un retard sur la carte",
        ),
        ("CC_DPD_MAX", "days", "Longest delay on a card payment (days)", "Plus long retard sur la carte (jours)"),
    ],
)


def aggregate(cards: pd.DataFrame) -> pd.DataFrame:
    keys = cards[ID]
    work = pd.DataFrame(
        {
            ID: keys,
            "use": safe_ratio(cards["AMT_BALANCE"], cards["AMT_CREDIT_LIMIT_ACTUAL"]),
            "paid_min": safe_ratio(cards["AMT_PAYMENT_TOTAL_CURRENT"], cards["AMT_INST_MIN_REGULARITY"]),
        }
    )
    recent = cards["MONTHS_BALANCE"] > -RECENT_CARD_MONTHS
    g, gw = by_client(cards), by_client(work)
    return assemble(
        {
            "CC_MONTHS_COUNT": g.size().astype(np.float64),
            "CC_UTILISATION_MEAN": gw["use"].mean(),
            "CC_UTILISATION_MAX": gw["use"].max(),
            "CC_RECENT_UTILISATION": by_client(work, recent)["use"].mean(),
            "CC_BALANCE_MEAN": g["AMT_BALANCE"].mean(),
            "CC_BALANCE_MAX": g["AMT_BALANCE"].max(),
            "CC_LIMIT_MEAN": g["AMT_CREDIT_LIMIT_ACTUAL"].mean(),
            "CC_DRAWINGS_MEAN": g["AMT_DRAWINGS_CURRENT"].mean(),
            "CC_ATM_DRAWINGS_MEAN": g["AMT_DRAWINGS_ATM_CURRENT"].mean(),
            "CC_DRAWINGS_COUNT_MEAN": g["CNT_DRAWINGS_CURRENT"].mean(),
            "CC_PAYMENT_MIN_RATIO_MEAN": gw["paid_min"].mean(),
            "CC_LATE_MONTH_SHARE": share(cards["SK_DPD"] > 0, keys),
            "CC_DPD_MAX": g["SK_DPD"].max(),
        },
        FEATURES,
    )
