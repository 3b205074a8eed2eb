"""Monthly snapshots of previous Home Credit credit cards (credit_card_balance.csv)."""

from __future__ import annotations

from . import Declarations, TableDeclaration, row

RECENT_CARD_MONTHS = 6  # card use moves fast: the last half-year says more than the last year

ROWS = [
    *(
        row(column, "number", column)
        for column in (
            "MONTHS_BALANCE",
            "AMT_BALANCE",
            "AMT_CREDIT_LIMIT_ACTUAL",
            "AMT_DRAWINGS_CURRENT",
            "AMT_DRAWINGS_ATM_CURRENT",
            "CNT_DRAWINGS_CURRENT",
            "AMT_PAYMENT_TOTAL_CURRENT",
            "AMT_INST_MIN_REGULARITY",
            "SK_DPD",
        )
    ),
    # An empty limit never looks like infinite use: the ratio over 0 is missing.
    row("USE", "ratio", "AMT_BALANCE", "AMT_CREDIT_LIMIT_ACTUAL"),
    row("PAID_MIN", "ratio", "AMT_PAYMENT_TOTAL_CURRENT", "AMT_INST_MIN_REGULARITY"),
    row("RECENT", "compare", "MONTHS_BALANCE", test=">", value=-RECENT_CARD_MONTHS),
    row("LATE", "compare", "SK_DPD", test=">", value=0),
]

d = Declarations("credit_card")
d.feature(
    "CC_MONTHS_COUNT",
    "count",
    unit="count",
    en="Months of credit card history",
    fr="Mois d'historique de carte de crédit",
)
d.feature(
    "CC_UTILISATION_MEAN",
    "mean",
    "USE",
    unit="ratio",
    en="Average use of the card limit",
    fr="Utilisation moyenne du plafond de la carte",
)
d.feature(
    "CC_UTILISATION_MAX",
    "max",
    "USE",
    unit="ratio",
    en="Highest use of the card limit",
    fr="Plus forte utilisation du plafond de la carte",
)
d.feature(
    "CC_RECENT_UTILISATION",
    "mean",
    "USE",
    "RECENT",
    unit="ratio",
    en="Use of the card limit in the last 6 months",
    fr="Utilisation du plafond sur les 6 derniers mois",
)
d.feature(
    "CC_BALANCE_MEAN", "mean", "AMT_BALANCE", unit="currency", en="Average card balance", fr="Solde moyen de la carte"
)
d.feature(
    "CC_BALANCE_MAX", "max", "AMT_BALANCE", unit="currency", en="Highest card balance", fr="Solde maximal de la carte"
)
d.feature(
    "CC_LIMIT_MEAN",
    "mean",
    "AMT_CREDIT_LIMIT_ACTUAL",
    unit="currency",
    en="Average card limit",
    fr="Plafond moyen de la carte",
)
d.feature(
    "CC_DRAWINGS_MEAN",
    "mean",
    "AMT_DRAWINGS_CURRENT",
    unit="currency",
    en="Average monthly card spending",
    fr="Dépenses mensuelles moyennes par carte",
)
d.feature(
    "CC_ATM_DRAWINGS_MEAN",
    "mean",
    "AMT_DRAWINGS_ATM_CURRENT",
    unit="currency",
    en="Average monthly cash withdrawals",
    fr="Retraits d'espèces mensuels moyens",
)
d.feature(
    "CC_DRAWINGS_COUNT_MEAN",
    "mean",
    "CNT_DRAWINGS_CURRENT",
    unit="count",
    en="Average card transactions per month",
    fr="Opérations par carte par mois",
)
d.feature(
    "CC_PAYMENT_MIN_RATIO_MEAN",
    "mean",
    "PAID_MIN",
    unit="ratio",
    en="Card payments compared with the minimum due",
    fr="Paiements de carte rapportés au minimum dû",
)
d.feature(
    "CC_LATE_MONTH_SHARE",
    "mean",
    "LATE",
    unit="ratio",
    en="Share of months with a late card payment",
    fr="Part des mois avec un retard sur la carte",
)
d.feature(
    "CC_DPD_MAX",
    "max",
    "SK_DPD",
    unit="days",
    en="Longest delay on a card payment (days)",
    fr="Plus long retard sur la carte (jours)",
)

CREDIT_CARD = TableDeclaration("credit_card_balance", "credit_card", ROWS, d.aggregates, d.features, d.combinations)
