"""Repayment history of previous Home Credit loans (installments_payments.csv)."""

from __future__ import annotations

from ..config import RECENT_DAYS
from . import Declarations, TableDeclaration, row

ROWS = [
    *(
        row(column, "number", column)
        for column in ("DAYS_INSTALMENT", "DAYS_ENTRY_PAYMENT", "AMT_INSTALMENT", "AMT_PAYMENT")
    ),
    row("DELAY", "difference", "DAYS_ENTRY_PAYMENT", "DAYS_INSTALMENT"),
    row("SHORTFALL", "difference", "AMT_INSTALMENT", "AMT_PAYMENT"),
    # A missing payment date means the instalment was never paid: that counts as late, and as short.
    row("PAID_LATE", "compare", "DELAY", test=">", value=0),
    row("NEVER_PAID", "isMissing", "DAYS_ENTRY_PAYMENT"),
    row("LATE", "or", "PAID_LATE", "NEVER_PAID"),
    row("PAID_SHORT", "compare", "SHORTFALL", test=">", value=0.01),
    row("AMOUNT_MISSING", "isMissing", "AMT_PAYMENT"),
    row("SHORT", "or", "PAID_SHORT", "AMOUNT_MISSING"),
    row("RECENT", "compare", "DAYS_INSTALMENT", test=">", value=-RECENT_DAYS),
    row("LATE_DAYS", "clip", "DELAY", lower=0),
    row("AHEAD", "negate", "DELAY"),
    row("EARLY_DAYS", "clip", "AHEAD", lower=0),
    row("PAID_RATIO", "ratio", "AMT_PAYMENT", "AMT_INSTALMENT"),
    row("SHORTFALL_DUE", "clip", "SHORTFALL", lower=0),
]

d = Declarations("installments")
d.feature("INST_COUNT", "count", unit="count", en="Instalments paid before", fr="Échéances payées auparavant")
d.feature(
    "INST_LATE_SHARE",
    "mean",
    "LATE",
    unit="ratio",
    en="Share of instalments paid late",
    fr="Part des échéances payées en retard",
)
d.feature(
    "INST_DAYS_LATE_MEAN",
    "mean",
    "LATE_DAYS",
    unit="days",
    en="Average delay of payments (days)",
    fr="Retard moyen des paiements (jours)",
)
d.feature(
    "INST_DAYS_LATE_MAX",
    "max",
    "LATE_DAYS",
    unit="days",
    en="Longest delay of a payment (days)",
    fr="Plus long retard de paiement (jours)",
)
d.feature(
    "INST_DAYS_EARLY_MEAN",
    "mean",
    "EARLY_DAYS",
    unit="days",
    en="Average days paid ahead of time",
    fr="Avance moyenne des paiements (jours)",
)
d.feature(
    "INST_SHORT_SHARE",
    "mean",
    "SHORT",
    unit="ratio",
    en="Share of instalments paid only in part",
    fr="Part des échéances payées partiellement",
)
d.feature(
    "INST_PAID_RATIO_MEAN",
    "mean",
    "PAID_RATIO",
    unit="ratio",
    en="Average share of each instalment paid",
    fr="Part moyenne de chaque échéance payée",
)
d.feature(
    "INST_SHORTFALL_MEAN",
    "mean",
    "SHORTFALL_DUE",
    unit="currency",
    en="Average amount left unpaid per instalment",
    fr="Montant moyen impayé par échéance",
)
d.feature(
    "INST_SHORTFALL_MAX",
    "max",
    "SHORTFALL_DUE",
    unit="currency",
    en="Largest amount left unpaid on an instalment",
    fr="Plus gros montant impayé sur une échéance",
)
d.feature("INST_AMOUNT_MEAN", "mean", "AMT_INSTALMENT", unit="currency", en="Average instalment", fr="Échéance moyenne")
d.feature(
    "INST_PAID_SUM",
    "sum",
    "AMT_PAYMENT",
    unit="currency",
    en="Total repaid on previous loans",
    fr="Total remboursé sur les prêts précédents",
)
d.feature(
    "INST_RECENT_LATE_SHARE",
    "mean",
    "LATE",
    "RECENT",
    unit="ratio",
    en="Share of instalments paid late in the last year",
    fr="Part des échéances payées en retard dans l'année",
)
d.feature(
    "INST_RECENT_SHORT_SHARE",
    "mean",
    "SHORT",
    "RECENT",
    unit="ratio",
    en="Share of instalments paid in part in the last year",
    fr="Part des échéances payées partiellement dans l'année",
)
d.feature(
    "INST_RECENT_DAYS_LATE_MEAN",
    "mean",
    "LATE_DAYS",
    "RECENT",
    unit="days",
    en="Average delay of payments in the last year",
    fr="Retard moyen des paiements dans l'année",
)

INSTALLMENTS = TableDeclaration("installments_payments", "installments", ROWS, d.aggregates, d.features, d.combinations)
