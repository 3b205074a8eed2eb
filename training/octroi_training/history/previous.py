"""The client's previous applications at Home Credit (previous_application.csv)."""

from __future__ import annotations

from ..config import DAYS_PLACEHOLDER, RECENT_DAYS
from . import Declarations, TableDeclaration, row

ROWS = [
    row("APPROVED", "equals", "NAME_CONTRACT_STATUS", values=["Approved"]),
    row("REFUSED", "equals", "NAME_CONTRACT_STATUS", values=["Refused"]),
    row("HIGH_RATE", "equals", "NAME_YIELD_GROUP", values=["high"]),
    row("NEW_CLIENT", "equals", "NAME_CLIENT_TYPE", values=["New"]),
    row("REVOLVING", "equals", "NAME_CONTRACT_TYPE", values=["Revolving loans"]),
    *(
        row(column, "number", column)
        for column in (
            "DAYS_DECISION",
            "AMT_ANNUITY",
            "AMT_APPLICATION",
            "AMT_CREDIT",
            "RATE_DOWN_PAYMENT",
            "CNT_PAYMENT",
            "NFLAG_INSURED_ON_APPROVAL",
        )
    ),
    # 365243 days is the extract's "not applicable".
    row("DAYS_LAST_DUE_1ST_VERSION", "number", "DAYS_LAST_DUE_1ST_VERSION", missingValues=[DAYS_PLACEHOLDER]),
    row("DAYS_LAST_DUE_AS_GIVEN", "number", "DAYS_LAST_DUE"),
    row("GRANTED_ASKED", "ratio", "AMT_CREDIT", "AMT_APPLICATION"),
    row("RECENT", "compare", "DAYS_DECISION", test=">", value=-RECENT_DAYS),
    row("RECENT_REFUSED", "and", "RECENT", "REFUSED"),
    # A loan whose last due date is still "not applicable" has not reached its end yet.
    row("LAST_DUE_OPEN", "compare", "DAYS_LAST_DUE_AS_GIVEN", test="==", value=DAYS_PLACEHOLDER),
    row("RUNNING", "and", "APPROVED", "LAST_DUE_OPEN"),
]

d = Declarations("previous_application")
d.feature("PREV_COUNT", "count", unit="count", en="Previous applications", fr="Demandes précédentes")
d.feature(
    "PREV_APPROVED_COUNT",
    "count",
    where="APPROVED",
    unit="count",
    en="Previous applications approved",
    fr="Demandes précédentes acceptées",
)
d.feature(
    "PREV_REFUSED_COUNT",
    "count",
    where="REFUSED",
    unit="count",
    en="Previous applications refused",
    fr="Demandes précédentes refusées",
)
d.feature(
    "PREV_REFUSED_SHARE",
    "mean",
    "REFUSED",
    unit="ratio",
    en="Share of previous applications refused",
    fr="Part des demandes précédentes refusées",
)
d.feature(
    "PREV_RECENT_COUNT",
    "count",
    where="RECENT",
    unit="count",
    en="Applications in the last year",
    fr="Demandes dans l'année",
)
d.feature(
    "PREV_RECENT_REFUSED_COUNT",
    "count",
    where="RECENT_REFUSED",
    unit="count",
    en="Refusals in the last year",
    fr="Refus dans l'année",
)
d.feature(
    "PREV_ANNUITY_MEAN",
    "mean",
    "AMT_ANNUITY",
    unit="currency",
    en="Average repayment of previous loans",
    fr="Échéance moyenne des prêts précédents",
)
d.feature(
    "PREV_APPLICATION_MEAN",
    "mean",
    "AMT_APPLICATION",
    unit="currency",
    en="Average amount asked before",
    fr="Montant moyen demandé auparavant",
)
d.feature(
    "PREV_CREDIT_MEAN",
    "mean",
    "AMT_CREDIT",
    unit="currency",
    en="Average amount granted before",
    fr="Montant moyen accordé auparavant",
)
d.feature(
    "PREV_GRANTED_ASKED_MEAN",
    "mean",
    "GRANTED_ASKED",
    unit="ratio",
    en="Amount granted compared with amount asked",
    fr="Montant accordé rapporté au montant demandé",
)
d.feature(
    "PREV_GRANTED_ASKED_MIN",
    "min",
    "GRANTED_ASKED",
    unit="ratio",
    en="Lowest share of an amount asked that was granted",
    fr="Plus faible part accordée d'un montant demandé",
)
d.feature(
    "PREV_DOWN_PAYMENT_RATE_MEAN",
    "mean",
    "RATE_DOWN_PAYMENT",
    unit="ratio",
    en="Average down payment rate",
    fr="Taux d'apport moyen",
)
d.feature(
    "PREV_TERM_MEAN",
    "mean",
    "CNT_PAYMENT",
    unit="count",
    en="Average number of instalments of previous loans",
    fr="Nombre moyen d'échéances des prêts précédents",
)
d.feature(
    "PREV_DAYS_DECISION_MAX",
    "max",
    "DAYS_DECISION",
    unit="days",
    en="Days since the last previous application",
    fr="Jours depuis la dernière demande",
)
d.feature(
    "PREV_DAYS_DECISION_MIN",
    "min",
    "DAYS_DECISION",
    unit="days",
    en="Days since the first previous application",
    fr="Jours depuis la première demande",
)
d.feature(
    "PREV_APPROVED_CREDIT_MEAN",
    "mean",
    "AMT_CREDIT",
    "APPROVED",
    unit="currency",
    en="Average amount of approved loans",
    fr="Montant moyen des prêts acceptés",
)
d.feature(
    "PREV_APPROVED_CREDIT_SUM",
    "sum",
    "AMT_CREDIT",
    "APPROVED",
    unit="currency",
    en="Total of approved loans",
    fr="Total des prêts acceptés",
)
d.feature(
    "PREV_APPROVED_LAST_DAYS",
    "max",
    "DAYS_DECISION",
    "APPROVED",
    unit="days",
    en="Days since the last approval",
    fr="Jours depuis la dernière acceptation",
)
d.feature(
    "PREV_APPROVED_END_MAX",
    "max",
    "DAYS_LAST_DUE_1ST_VERSION",
    "APPROVED",
    unit="days",
    en="Days until the last approved loan ends",
    fr="Jours avant la fin du dernier prêt accepté",
)
d.feature(
    "PREV_RUNNING_COUNT",
    "count",
    where="RUNNING",
    unit="count",
    en="Previous loans still running",
    fr="Prêts précédents encore en cours",
)
d.feature(
    "PREV_REFUSED_LAST_DAYS",
    "max",
    "DAYS_DECISION",
    "REFUSED",
    unit="days",
    en="Days since the last refusal",
    fr="Jours depuis le dernier refus",
)
d.feature(
    "PREV_REFUSED_APPLICATION_MEAN",
    "mean",
    "AMT_APPLICATION",
    "REFUSED",
    unit="currency",
    en="Average amount asked in refused applications",
    fr="Montant moyen demandé lors des refus",
)
d.feature(
    "PREV_HIGH_RATE_SHARE",
    "mean",
    "HIGH_RATE",
    unit="ratio",
    en="Share of previous loans at a high interest rate",
    fr="Part des prêts précédents à taux élevé",
)
d.feature(
    "PREV_INSURED_SHARE",
    "mean",
    "NFLAG_INSURED_ON_APPROVAL",
    unit="ratio",
    en="Share of previous loans with insurance",
    fr="Part des prêts précédents assurés",
)
d.feature(
    "PREV_NEW_CLIENT_SHARE",
    "mean",
    "NEW_CLIENT",
    unit="ratio",
    en="Share of applications made as a new client",
    fr="Part des demandes faites en nouveau client",
)
d.feature(
    "PREV_REVOLVING_SHARE",
    "mean",
    "REVOLVING",
    unit="ratio",
    en="Share of revolving credit among previous applications",
    fr="Part de crédit renouvelable parmi les demandes",
)

PREVIOUS = TableDeclaration(
    "previous_application", "previous_application", ROWS, d.aggregates, d.features, d.combinations
)
