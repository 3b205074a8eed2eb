"""Monthly snapshots of previous point-of-sale and cash loans (POS_CASH_balance.csv)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import ID, RECENT_MONTHS
from . import assemble, by_client, declare, share

FEATURES = declare(
    "pos_cash",
    [
        (
            "POS_MONTHS_COUNT",
            "count",
            "Months of shop and cash loan history",
            "Mois d'historique de prêts en magasin et d'espèces",
        ),
        ("POS_LOAN_COUNT", "count", "Shop and cash loans", "Prêts en magasin et d'espèces"),
        (
            "POS_LATE_MONTH_SHARE",
            "ratio",
            "Share of months paid late (shop and cash loans)",
            "Part des mois en retard (prêts en magasin et d'espèces)",
        ),
        (
            "POS_DPD_MAX",
            "days",
            "Longest delay on shop and cash loans (days)",
            "Plus long retard sur les prêts en magasin et d'espèces (jours)",
        ),
        (
            "POS_DPD_MEAN",
            "days",
            "Average delay on shop and cash loans (days)",
            "Retard moyen sur les prêts en magasin et d'espèces (jours)",
        ),
        (
            "POS_SERIOUS_DPD_MAX",
            "days",
            "Longest serious delay on shop and cash loans",
            "Plus long retard grave sur les prêts en magasin et d'espèces",
        ),
        (
            "POS_RECENT_DPD_MAX",
            "days",
            "Longest delay in the last year (shop and cash loans)",
            "Plus long retard dans l'année (prêts en magasin et d'espèces)",
        ),
        (
            "POS_TERM_MEAN",
            "count",
            "Average term of shop and cash loans",
            "Durée moyenne des prêts en magasin et d'espèces",
        ),
        (
            "POS_REMAINING_SUM",
            "count",
            "Instalments still to pay (shop and cash loans)",
            "Échéances restant à payer (prêts en magasin et d'espèces)",
        ),
        (
            "POS_COMPLETED_SHARE",
            "ratio",
            "Share of shop and cash loans completed",
            "Part des prêts en magasin et d'espèces terminés",
        ),
        (
            "POS_FIRST_MONTH",
            "months",
            "Months since the first shop or cash loan",
            "Mois depuis le premier prêt en magasin ou d'espèces",
        ),
    ],
)


def aggregate(pos: pd.DataFrame) -> pd.DataFrame:
    keys = pos[ID]
    g = by_client(pos)
    recent = pos["MONTHS_BALANCE"] > -RECENT_MONTHS
    # The latest snapshot of each loan tells how much is left and whether it was completed.
    latest = pos.sort_values("MONTHS_BALANCE").drop_duplicates("SK_ID_PREV", keep="last")
    gl = by_client(latest)
    return assemble(
        {
            "POS_MONTHS_COUNT": g.size().astype(np.float64),
            "POS_LOAN_COUNT": gl.size().astype(np.float64),
            "POS_LATE_MONTH_SHARE": share(pos["SK_DPD"] > 0, keys),
            "POS_DPD_MAX": g["SK_DPD"].max(),
            "POS_DPD_MEAN": g["SK_DPD"].mean(),
            "POS_SERIOUS_DPD_MAX": g["SK_DPD_DEF"].max(),
            "POS_RECENT_DPD_MAX": by_client(pos, recent)["SK_DPD"].max(),
            "POS_TERM_MEAN": g["CNT_INSTALMENT"].mean(),
            "POS_REMAINING_SUM": gl["CNT_INSTALMENT_FUTURE"].sum(),
            "POS_COMPLETED_SHARE": share(latest["NAME_CONTRACT_STATUS"] == "Completed", latest[ID]),
            "POS_FIRST_MONTH": g["MONTHS_BALANCE"].min(),
        },
        FEATURES,
    )
