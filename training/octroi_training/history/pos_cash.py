"""Monthly snapshots of previous point-of-sale and cash loans (POS_CASH_balance.csv)."""

from __future__ import annotations

from ..config import RECENT_MONTHS
from . import Declarations, TableDeclaration, row

ROWS = [
    *(
        row(column, "number", column)
        for column in ("MONTHS_BALANCE", "SK_DPD", "SK_DPD_DEF", "CNT_INSTALMENT", "CNT_INSTALMENT_FUTURE")
    ),
    row("LATE", "compare", "SK_DPD", test=">", value=0),
    row("RECENT", "compare", "MONTHS_BALANCE", test=">", value=-RECENT_MONTHS),
    # The latest snapshot of each loan tells how much is left and whether it was completed.
    row("LATEST", "latest", "MONTHS_BALANCE", by="SK_ID_PREV"),
    row("COMPLETED", "equals", "NAME_CONTRACT_STATUS", values=["Completed"]),
]

d = Declarations("pos_cash")
d.feature(
    "POS_MONTHS_COUNT",
    "count",
    unit="count",
    en="Months of shop and cash loan history",
    fr="Mois d'historique de prêts en magasin et d'espèces",
)
d.feature(
    "POS_LOAN_COUNT",
    "count",
    where="LATEST",
    unit="count",
    en="Shop and cash loans",
    fr="Prêts en magasin et d'espèces",
)
d.feature(
    "POS_LATE_MONTH_SHARE",
    "mean",
    "LATE",
    unit="ratio",
    en="Share of months paid late (shop and cash loans)",
    fr="Part des mois en retard (prêts en magasin et d'espèces)",
)
d.feature(
    "POS_DPD_MAX",
    "max",
    "SK_DPD",
    unit="days",
    en="Longest delay on shop and cash loans (days)",
    fr="Plus long retard sur les prêts en magasin et d'espèces (jours)",
)
d.feature(
    "POS_DPD_MEAN",
    "mean",
    "SK_DPD",
    unit="days",
    en="Average delay on shop and cash loans (days)",
    fr="Retard moyen sur les prêts en magasin et d'espèces (jours)",
)
d.feature(
    "POS_SERIOUS_DPD_MAX",
    "max",
    "SK_DPD_DEF",
    unit="days",
    en="Longest serious delay on shop and cash loans",
    fr="Plus long retard grave sur les prêts en magasin et d'espèces",
)
d.feature(
    "POS_RECENT_DPD_MAX",
    "max",
    "SK_DPD",
    "RECENT",
    unit="days",
    en="Longest delay in the last year (shop and cash loans)",
    fr="Plus long retard dans l'année (prêts en magasin et d'espèces)",
)
d.feature(
    "POS_TERM_MEAN",
    "mean",
    "CNT_INSTALMENT",
    unit="count",
    en="Average term of shop and cash loans",
    fr="Durée moyenne des prêts en magasin et d'espèces",
)
d.feature(
    "POS_REMAINING_SUM",
    "sum",
    "CNT_INSTALMENT_FUTURE",
    "LATEST",
    unit="count",
    en="Instalments still to pay (shop and cash loans)",
    fr="Échéances restant à payer (prêts en magasin et d'espèces)",
)
d.feature(
    "POS_COMPLETED_SHARE",
    "mean",
    "COMPLETED",
    "LATEST",
    unit="ratio",
    en="Share of shop and cash loans completed",
    fr="Part des prêts en magasin et d'espèces terminés",
)
d.feature(
    "POS_FIRST_MONTH",
    "min",
    "MONTHS_BALANCE",
    unit="months",
    en="Months since the first shop or cash loan",
    fr="Mois depuis le premier prêt en magasin ou d'espèces",
)

POS_CASH = TableDeclaration("POS_CASH_balance", "pos_cash", ROWS, d.aggregates, d.features, d.combinations)
