"""Credits reported by other institutions (bureau.csv) and their monthly status (bureau_balance.csv)."""

from __future__ import annotations

from ..config import RECENT_DAYS, RECENT_MONTHS
from . import Declarations, TableDeclaration, row

ROWS = [
    row("ACTIVE", "equals", "CREDIT_ACTIVE", values=["Active"]),
    row("CLOSED", "equals", "CREDIT_ACTIVE", values=["Closed"]),
    row("MICROLOAN", "equals", "CREDIT_TYPE", values=["Microloan"]),
    row("CARD", "equals", "CREDIT_TYPE", values=["Credit card"]),
    *(
        row(column, "number", column)
        for column in (
            "DAYS_CREDIT",
            "DAYS_CREDIT_UPDATE",
            "CREDIT_DAY_OVERDUE",
            "AMT_CREDIT_MAX_OVERDUE",
            "AMT_CREDIT_SUM_OVERDUE",
            "CNT_CREDIT_PROLONG",
            "AMT_CREDIT_SUM",
            "AMT_CREDIT_SUM_DEBT",
            "AMT_CREDIT_SUM_LIMIT",
            "AMT_ANNUITY",
            "DAYS_CREDIT_ENDDATE",
            "DAYS_ENDDATE_FACT",
        )
    ),
    row("RECENT", "compare", "DAYS_CREDIT", test=">", value=-RECENT_DAYS),
    # Closed before the planned end: repaid early.
    row("ENDED_BEFORE_PLAN", "compare", "DAYS_ENDDATE_FACT", "DAYS_CREDIT_ENDDATE", test="<"),
    row("CLOSED_EARLY", "and", "CLOSED", "ENDED_BEFORE_PLAN"),
]

d = Declarations("bureau")
d.feature(
    "BUREAU_CREDIT_COUNT", "count", unit="count", en="Credits at other lenders", fr="Crédits auprès d'autres organismes"
)
d.feature(
    "BUREAU_ACTIVE_COUNT",
    "count",
    where="ACTIVE",
    unit="count",
    en="Ongoing credits at other lenders",
    fr="Crédits en cours auprès d'autres organismes",
)
d.feature(
    "BUREAU_ACTIVE_SHARE",
    "mean",
    "ACTIVE",
    unit="ratio",
    en="Share of other credits still ongoing",
    fr="Part des autres crédits encore en cours",
)
d.feature(
    "BUREAU_RECENT_COUNT",
    "count",
    where="RECENT",
    unit="count",
    en="Credits opened elsewhere in the last year",
    fr="Crédits ouverts ailleurs dans l'année",
)
d.feature(
    "BUREAU_MICROLOAN_COUNT",
    "count",
    where="MICROLOAN",
    unit="count",
    en="Microloans at other lenders",
    fr="Microcrédits auprès d'autres organismes",
)
d.feature(
    "BUREAU_CARD_SHARE",
    "mean",
    "CARD",
    unit="ratio",
    en="Share of other credits that are credit cards",
    fr="Part de cartes de crédit parmi les autres crédits",
)
d.feature(
    "BUREAU_DAYS_CREDIT_MIN",
    "min",
    "DAYS_CREDIT",
    unit="days",
    en="Age of the oldest other credit (days)",
    fr="Ancienneté du plus ancien autre crédit (jours)",
)
d.feature(
    "BUREAU_DAYS_CREDIT_MAX",
    "max",
    "DAYS_CREDIT",
    unit="days",
    en="Age of the latest other credit (days)",
    fr="Ancienneté du dernier autre crédit (jours)",
)
d.feature(
    "BUREAU_DAYS_CREDIT_MEAN",
    "mean",
    "DAYS_CREDIT",
    unit="days",
    en="Average age of other credits (days)",
    fr="Ancienneté moyenne des autres crédits (jours)",
)
d.feature(
    "BUREAU_DAYS_UPDATE_MEAN",
    "mean",
    "DAYS_CREDIT_UPDATE",
    unit="days",
    en="Days since other credits were last updated",
    fr="Jours depuis la mise à jour des autres crédits",
)
d.feature(
    "BUREAU_OVERDUE_DAYS_MAX",
    "max",
    "CREDIT_DAY_OVERDUE",
    unit="days",
    en="Longest current delay on other credits (days)",
    fr="Plus long retard en cours sur les autres crédits (jours)",
)
d.feature(
    "BUREAU_MAX_OVERDUE_AMOUNT",
    "max",
    "AMT_CREDIT_MAX_OVERDUE",
    unit="currency",
    en="Largest amount ever overdue elsewhere",
    fr="Plus gros montant impayé ailleurs",
)
d.feature(
    "BUREAU_OVERDUE_AMOUNT_SUM",
    "sum",
    "AMT_CREDIT_SUM_OVERDUE",
    unit="currency",
    en="Amount currently overdue elsewhere",
    fr="Montant actuellement impayé ailleurs",
)
d.feature(
    "BUREAU_PROLONG_COUNT",
    "sum",
    "CNT_CREDIT_PROLONG",
    unit="count",
    en="Times other credits were prolonged",
    fr="Prolongations des autres crédits",
)
d.feature(
    "BUREAU_CREDIT_SUM",
    "sum",
    "AMT_CREDIT_SUM",
    unit="currency",
    en="Total of other credits",
    fr="Total des autres crédits",
)
d.feature(
    "BUREAU_CREDIT_MEAN",
    "mean",
    "AMT_CREDIT_SUM",
    unit="currency",
    en="Average amount of other credits",
    fr="Montant moyen des autres crédits",
)
d.feature(
    "BUREAU_DEBT_SUM",
    "sum",
    "AMT_CREDIT_SUM_DEBT",
    unit="currency",
    en="Debt still owed to other lenders",
    fr="Dette restante auprès d'autres organismes",
)
d.combined(
    "BUREAU_DEBT_CREDIT_RATIO",
    "ratio",
    "BUREAU_DEBT_SUM",
    "BUREAU_CREDIT_SUM",
    unit="ratio",
    en="Share of other credits still to repay",
    fr="Part des autres crédits restant à rembourser",
)
d.feature(
    "BUREAU_LIMIT_SUM",
    "sum",
    "AMT_CREDIT_SUM_LIMIT",
    unit="currency",
    en="Credit card limits at other lenders",
    fr="Plafonds de cartes auprès d'autres organismes",
)
d.feature(
    "BUREAU_ACTIVE_CREDIT_SUM",
    "sum",
    "AMT_CREDIT_SUM",
    "ACTIVE",
    unit="currency",
    en="Total of ongoing other credits",
    fr="Total des autres crédits en cours",
)
d.feature(
    "BUREAU_ACTIVE_DEBT_SUM",
    "sum",
    "AMT_CREDIT_SUM_DEBT",
    "ACTIVE",
    unit="currency",
    en="Debt on ongoing other credits",
    fr="Dette des autres crédits en cours",
)
d.feature(
    "BUREAU_ACTIVE_ANNUITY_SUM",
    "sum",
    "AMT_ANNUITY",
    "ACTIVE",
    unit="currency",
    en="Repayments due on ongoing other credits",
    fr="Échéances des autres crédits en cours",
)
d.feature(
    "BUREAU_ACTIVE_END_MAX",
    "max",
    "DAYS_CREDIT_ENDDATE",
    "ACTIVE",
    unit="days",
    en="Days until the last ongoing credit ends",
    fr="Jours avant la fin du dernier crédit en cours",
)
d.feature(
    "BUREAU_CLOSED_COUNT",
    "count",
    where="CLOSED",
    unit="count",
    en="Closed credits at other lenders",
    fr="Crédits soldés auprès d'autres organismes",
)
d.feature(
    "BUREAU_CLOSED_LAST_END",
    "max",
    "DAYS_ENDDATE_FACT",
    "CLOSED",
    unit="days",
    en="Days since the last credit was closed",
    fr="Jours depuis le dernier crédit soldé",
)
d.feature(
    "BUREAU_CLOSED_CREDIT_MEAN",
    "mean",
    "AMT_CREDIT_SUM",
    "CLOSED",
    unit="currency",
    en="Average amount of closed credits",
    fr="Montant moyen des crédits soldés",
)
d.hidden("BUREAU_CLOSED_EARLY_COUNT", "count", where="CLOSED_EARLY")
d.combined(
    "BUREAU_EARLY_END_SHARE",
    "ratio",
    "BUREAU_CLOSED_EARLY_COUNT",
    "BUREAU_CLOSED_COUNT",
    unit="ratio",
    en="Share of closed credits repaid early",
    fr="Part des crédits soldés remboursés en avance",
)

BUREAU = TableDeclaration("bureau", "bureau", ROWS, d.aggregates, d.features, d.combinations)

# STATUS: C closed, X unknown, 0 on time, 1..5 increasingly late (5 = over 120 days or sold).
BALANCE_ROWS = [
    row("DELAY", "lookup", "STATUS", map={str(level): level for level in range(1, 6)}, default=0),
    row("LATE", "compare", "DELAY", test=">", value=0),
    row("MONTHS_BALANCE", "number", "MONTHS_BALANCE"),
    row("RECENT", "compare", "MONTHS_BALANCE", test=">", value=-RECENT_MONTHS),
    row("RECENT_LATE", "and", "LATE", "RECENT"),
]

b = Declarations("bureau")
b.feature(
    "BUREAU_MONTHS_COUNT",
    "count",
    unit="count",
    en="Months of credit history reported",
    fr="Mois d'historique de crédit déclarés",
)
b.feature(
    "BUREAU_LATE_MONTH_SHARE",
    "mean",
    "LATE",
    unit="ratio",
    en="Share of months paid late on other credits",
    fr="Part des mois en retard sur les autres crédits",
)
b.feature(
    "BUREAU_WORST_STATUS",
    "max",
    "DELAY",
    unit="score",
    en="Worst delay reported (0 none, 5 over 120 days)",
    fr="Pire retard déclaré (0 aucun, 5 plus de 120 jours)",
)
b.feature(
    "BUREAU_RECENT_LATE_MONTHS",
    "count",
    where="RECENT_LATE",
    unit="count",
    en="Months late on other credits in the last year",
    fr="Mois de retard sur les autres crédits dans l'année",
)

# A month's status belongs to the applicant of the bureau credit it reports on.
BUREAU_BALANCE = TableDeclaration(
    "bureau_balance",
    "bureau",
    BALANCE_ROWS,
    b.aggregates,
    b.features,
    parent={"table": "bureau", "key": "SK_ID_BUREAU"},
)
