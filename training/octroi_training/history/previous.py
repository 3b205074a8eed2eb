"""The client's previous applications at Home Credit (previous_application.csv)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..config import DAYS_PLACEHOLDER, ID, RECENT_DAYS
from . import assemble, by_client, count, declare, safe_ratio, share

FEATURES = declare(
    "previous_application",
    [
        ("PREV_COUNT", "count", "Previous applications", "Demandes précédentes"),
        ("PREV_APPROVED_COUNT", "count", "Previous applications approved", "Demandes précédentes acceptées"),
        ("PREV_REFUSED_COUNT", "count", "Previous applications refused", "Demandes précédentes refusées"),
        (
            "PREV_REFUSED_SHARE",
            "ratio",
            "Share of previous applications refused",
            "Part des demandes précédentes refusées",
        ),
        ("PREV_RECENT_COUNT", "count", "Applications in the last year", "Demandes dans l'année"),
        ("PREV_RECENT_REFUSED_COUNT", "count", "Refusals in the last year", "Refus dans l'année"),
        (
            "PREV_ANNUITY_MEAN",
            "currency",
            "Average repayment of previous loans",
            "Échéance moyenne des prêts précédents",
        ),
        ("PREV_APPLICATION_MEAN", "currency", "Average amount asked before", "Montant moyen demandé auparavant"),
        ("PREV_CREDIT_MEAN", "currency", "Average amount granted before", "Montant moyen accordé auparavant"),
        (
            "PREV_GRANTED_ASKED_MEAN",
            "ratio",
            "Amount granted compared with amount asked",
            "Montant accordé rapporté au montant demandé",
        ),
        (
            "PREV_GRANTED_ASKED_MIN",
            "ratio",
            "Lowest share of an amount asked that was granted",
            "Plus faible part accordée d'un montant demandé",
        ),
        ("PREV_DOWN_PAYMENT_RATE_MEAN", "ratio", "Average down payment rate", "Taux d'apport moyen"),
        (
            "PREV_TERM_MEAN",
            "count",
            "Average number of instalments of previous loans",
            "Nombre moyen d'échéances des prêts précédents",
        ),
        (
            "PREV_DAYS_DECISION_MAX",
            "days",
            "Days since the last previous application",
            "Jours depuis la dernière demande",
        ),
        (
            "PREV_DAYS_DECISION_MIN",
            "days",
            "Days since the first previous application",
            "Jours depuis la première demande",
        ),
        (
            "PREV_APPROVED_CREDIT_MEAN",
            "currency",
            "Average amount of approved loans",
            "Montant moyen des prêts acceptés",
        ),
        ("PREV_APPROVED_CREDIT_SUM", "currency", "Total of approved loans", "Total des prêts acceptés"),
        ("PREV_APPROVED_LAST_DAYS", "days", "Days since the last approval", "Jours depuis la dernière acceptation"),
        (
            "PREV_APPROVED_END_MAX",
            "days",
            "Days until the last approved loan ends",
            "Jours avant la fin du dernier prêt accepté",
        ),
        ("PREV_RUNNING_COUNT", "count", "Previous loans still running", "Prêts précédents encore en cours"),
        ("PREV_REFUSED_LAST_DAYS", "days", "Days since the last refusal", "Jours depuis le dernier refus"),
        (
            "PREV_REFUSED_APPLICATION_MEAN",
            "currency",
            "Average amount asked in refused applications",
            "Montant moyen demandé lors des refus",
        ),
        (
            "PREV_HIGH_RATE_SHARE",
            "ratio",
            "Share of previous loans at a high interest rate",
            "Part des prêts précédents à taux élevé",
        ),
        ("PREV_INSURED_SHARE", "ratio", "Share of previous loans with insurance", "Part des prêts précédents assurés"),
        (
            "PREV_NEW_CLIENT_SHARE",
            "ratio",
            "Share of applications made as a new client",
            "Part des demandes faites en nouveau client",
        ),
        (
            "PREV_REVOLVING_SHARE",
            "ratio",
            "Share of revolving credit among previous applications",
            "Part de crédit renouvelable parmi les demandes",
        ),
    ],
)


def aggregate(previous: pd.DataFrame) -> pd.DataFrame:
    prev = previous.copy()
    for column in ("DAYS_FIRST_DUE", "DAYS_LAST_DUE_1ST_VERSION", "DAYS_LAST_DUE", "DAYS_TERMINATION"):
        prev[column] = prev[column].where(prev[column] != DAYS_PLACEHOLDER)  # "not applicable"
    prev["GRANTED_ASKED"] = safe_ratio(prev["AMT_CREDIT"], prev["AMT_APPLICATION"])
    keys = prev[ID]
    approved = prev["NAME_CONTRACT_STATUS"] == "Approved"
    refused = prev["NAME_CONTRACT_STATUS"] == "Refused"
    recent = prev["DAYS_DECISION"] > -RECENT_DAYS
    # A loan whose last due date is still "not applicable" has not reached its end yet.
    running = approved & previous["DAYS_LAST_DUE"].eq(DAYS_PLACEHOLDER)
    g, gy, gn = by_client(prev), by_client(prev, approved), by_client(prev, refused)
    return assemble(
        {
            "PREV_COUNT": g.size().astype(np.float64),
            "PREV_APPROVED_COUNT": count(approved, keys),
            "PREV_REFUSED_COUNT": count(refused, keys),
            "PREV_REFUSED_SHARE": share(refused, keys),
            "PREV_RECENT_COUNT": count(recent, keys),
            "PREV_RECENT_REFUSED_COUNT": count(recent & refused, keys),
            "PREV_ANNUITY_MEAN": g["AMT_ANNUITY"].mean(),
            "PREV_APPLICATION_MEAN": g["AMT_APPLICATION"].mean(),
            "PREV_CREDIT_MEAN": g["AMT_CREDIT"].mean(),
            "PREV_GRANTED_ASKED_MEAN": g["GRANTED_ASKED"].mean(),
            "PREV_GRANTED_ASKED_MIN": g["GRANTED_ASKED"].min(),
            "PREV_DOWN_PAYMENT_RATE_MEAN": g["RATE_DOWN_PAYMENT"].mean(),
            "PREV_TERM_MEAN": g["CNT_PAYMENT"].mean(),
            "PREV_DAYS_DECISION_MAX": g["DAYS_DECISION"].max(),
            "PREV_DAYS_DECISION_MIN": g["DAYS_DECISION"].min(),
            "PREV_APPROVED_CREDIT_MEAN": gy["AMT_CREDIT"].mean(),
            "PREV_APPROVED_CREDIT_SUM": gy["AMT_CREDIT"].sum(),
            "PREV_APPROVED_LAST_DAYS": gy["DAYS_DECISION"].max(),
            "PREV_APPROVED_END_MAX": gy["DAYS_LAST_DUE_1ST_VERSION"].max(),
            "PREV_RUNNING_COUNT": count(running, keys),
            "PREV_REFUSED_LAST_DAYS": gn["DAYS_DECISION"].max(),
            "PREV_REFUSED_APPLICATION_MEAN": gn["AMT_APPLICATION"].mean(),
            "PREV_HIGH_RATE_SHARE": share(prev["NAME_YIELD_GROUP"] == "high", keys),
            "PREV_INSURED_SHARE": g["NFLAG_INSURED_ON_APPROVAL"].mean(),
            "PREV_NEW_CLIENT_SHARE": share(prev["NAME_CLIENT_TYPE"] == "New", keys),
            "PREV_REVOLVING_SHARE": share(prev["NAME_CONTRACT_TYPE"] == "Revolving loans", keys),
        },
        FEATURES,
    )
