"""Earlier applications at Home Credit (previous_application.csv).

Refusals grow with the client's history risk. Approved instalment loans feed the monthly
POS/cash balances and the instalment payments; approved revolving loans are the cards.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import ndtr

from .draws import expand, pick, risk_tilted, scaled_counts
from .marginals import round_to, sample

PLACEHOLDER = 365243.0  # "not applicable" in the DAYS_* columns
REFUSAL_STRENGTH = 0.9
AMOUNT_TERM_CORRELATION = 0.7
OLD_CARD_SHARE = 0.4  # sets the card months per applicant to the full data's
LABELS = (
    "WEEKDAY_APPR_PROCESS_START",
    "FLAG_LAST_APPL_PER_CONTRACT",
    "NAME_CASH_LOAN_PURPOSE",
    "NAME_PAYMENT_TYPE",
    "NAME_TYPE_SUITE",
    "NAME_CLIENT_TYPE",
    "NAME_GOODS_CATEGORY",
    "NAME_PORTFOLIO",
    "NAME_PRODUCT_TYPE",
    "CHANNEL_TYPE",
    "NAME_SELLER_INDUSTRY",
    "NAME_YIELD_GROUP",
    "PRODUCT_COMBINATION",
    "HOUR_APPR_PROCESS_START",
    "NFLAG_LAST_APPL_IN_DAY",
)
# Card limits are repaid at about 5 % a month.
CARD_MONTHLY_SHARE = 0.05
# The linked sample lacks the two interest-rate columns; the full data fills them for a
# fraction of a percent of applications, within these ranges.
RATE_PRIMARY = (0.035, 0.25)
RATE_PRIVILEGED = (0.37, 0.99)


def draw_previous(cal: dict, rng, clients: np.ndarray, risk: np.ndarray, first_id: int) -> pd.DataFrame:
    fit, full = cal["history"]["previous_application"], cal["full_data"]
    sizes = full["previous_application.csv"]
    counts = scaled_counts(
        rng,
        fit["applications_per_client"],
        len(clients),
        sizes["clients"] / full["applicants"],
        sizes["rows"] / sizes["clients"],
    )
    owner, _ = expand(counts)
    n = len(owner)
    kind = pick(fit["NAME_CONTRACT_TYPE"], rng, n)
    cols: dict[str, np.ndarray] = {"NAME_CONTRACT_TYPE": kind}
    # Larger loans run over more months: the term's draw leans on the amount's.
    amount_score = rng.standard_normal(n)
    c = AMOUNT_TERM_CORRELATION
    term_score = c * amount_score + np.sqrt(1 - c * c) * rng.standard_normal(n)
    uniforms = {"AMT_APPLICATION": ndtr(amount_score), "CNT_PAYMENT": ndtr(term_score)}
    for name in (
        *LABELS,
        "NAME_CONTRACT_STATUS",
        "AMT_APPLICATION",
        "CREDIT_TO_APPLICATION",
        "CNT_PAYMENT",
        "REPAID_TO_CREDIT",
    ):
        u = uniforms[name] if name in uniforms else rng.random(n)
        cols[name] = _by_contract(fit["by_contract_type"], name, kind, u)

    status = _tilt_refusals(rng, cols.pop("NAME_CONTRACT_STATUS"), risk[owner])
    refused, canceled = status == "Refused", status == "Canceled"
    approved = status == "Approved"
    revolving = kind == "Revolving loans"
    reason = np.where(
        refused, pick(fit["reject_reason_if_refused"], rng, n), pick(fit["reject_reason_otherwise"], rng, n)
    )

    applied = np.where(canceled, 0.0, np.nan_to_num(cols.pop("AMT_APPLICATION")))
    credit = round_to(applied * np.nan_to_num(cols.pop("CREDIT_TO_APPLICATION"), nan=1.0), 0.5)
    terms = np.where(revolving, 0.0, np.nan_to_num(cols.pop("CNT_PAYMENT"), nan=12.0))
    repaid = np.nan_to_num(cols.pop("REPAID_TO_CREDIT"), nan=1.2)
    annuity = np.where(revolving, credit * CARD_MONTHLY_SHARE, credit * repaid / np.maximum(terms, 1))
    annuity = np.where(canceled, np.nan, round_to(annuity, 0.005))
    terms = np.where(canceled, np.nan, terms)
    consumer = kind == "Consumer loans"
    goods = np.where(canceled | revolving, np.nan, applied)
    down_rate = np.where(consumer, _events(rng, fit["down_payment_rate"], n), np.nan)

    decided = np.minimum(pick(fit["DAYS_DECISION"], rng, n), -1)
    # Cards stay open for years, so cards still reported were often opened long ago: for
    # some, keep the older of two decision dates.
    older = revolving & (rng.random(n) < OLD_CARD_SHARE)
    decided = np.where(older, np.minimum(decided, pick(fit["DAYS_DECISION"], rng, n)), decided)
    first_due = decided + np.clip(pick(fit["first_due_after_decision"], rng, n), 0, 90)
    planned_end = np.where(revolving, PLACEHOLDER, first_due + 30 * (np.nan_to_num(terms) - 1))
    finished = planned_end < 0
    last_due = np.where(finished, planned_end, PLACEHOLDER)
    termination = np.where(finished, planned_end + rng.integers(0, 15, n), PLACEHOLDER)
    drawing = np.where(
        rng.random(n) < fit["first_drawing_placeholder_share"], PLACEHOLDER, decided + rng.integers(1, 30, n)
    )

    def when(values):  # dates exist once approved
        return np.where(approved, values, np.nan)

    rare = rng.random(n) >= cal["full_data_missing"]["previous_application.csv"]["RATE_INTEREST_PRIMARY"]

    return pd.DataFrame(
        {
            "SK_ID_PREV": first_id + np.arange(n, dtype=np.int64),
            "SK_ID_CURR": clients[owner],
            "NAME_CONTRACT_TYPE": kind,
            "AMT_ANNUITY": annuity,
            "AMT_APPLICATION": applied,
            "AMT_CREDIT": credit,
            "AMT_DOWN_PAYMENT": round_to(down_rate * np.nan_to_num(goods), 0.005),
            "AMT_GOODS_PRICE": goods,
            "WEEKDAY_APPR_PROCESS_START": cols["WEEKDAY_APPR_PROCESS_START"],
            "HOUR_APPR_PROCESS_START": cols["HOUR_APPR_PROCESS_START"],
            "FLAG_LAST_APPL_PER_CONTRACT": cols["FLAG_LAST_APPL_PER_CONTRACT"],
            "NFLAG_LAST_APPL_IN_DAY": cols["NFLAG_LAST_APPL_IN_DAY"],
            "RATE_DOWN_PAYMENT": down_rate,
            "RATE_INTEREST_PRIMARY": np.where(rare, rng.uniform(*RATE_PRIMARY, n).round(6), np.nan),
            "RATE_INTEREST_PRIVILEGED": np.where(rare, rng.uniform(*RATE_PRIVILEGED, n).round(6), np.nan),
            "NAME_CASH_LOAN_PURPOSE": cols["NAME_CASH_LOAN_PURPOSE"],
            "NAME_CONTRACT_STATUS": status,
            "DAYS_DECISION": decided,
            "NAME_PAYMENT_TYPE": cols["NAME_PAYMENT_TYPE"],
            "CODE_REJECT_REASON": reason,
            "NAME_TYPE_SUITE": cols["NAME_TYPE_SUITE"],
            "NAME_CLIENT_TYPE": cols["NAME_CLIENT_TYPE"],
            "NAME_GOODS_CATEGORY": cols["NAME_GOODS_CATEGORY"],
            "NAME_PORTFOLIO": cols["NAME_PORTFOLIO"],
            "NAME_PRODUCT_TYPE": cols["NAME_PRODUCT_TYPE"],
            "CHANNEL_TYPE": cols["CHANNEL_TYPE"],
            "SELLERPLACE_AREA": pick(fit["SELLERPLACE_AREA"], rng, n),
            "NAME_SELLER_INDUSTRY": cols["NAME_SELLER_INDUSTRY"],
            "CNT_PAYMENT": terms,
            "NAME_YIELD_GROUP": cols["NAME_YIELD_GROUP"],
            "PRODUCT_COMBINATION": cols["PRODUCT_COMBINATION"],
            "DAYS_FIRST_DRAWING": when(drawing),
            "DAYS_FIRST_DUE": when(first_due),
            "DAYS_LAST_DUE_1ST_VERSION": when(planned_end),
            "DAYS_LAST_DUE": when(last_due),
            "DAYS_TERMINATION": when(termination),
            "NFLAG_INSURED_ON_APPROVAL": when((rng.random(n) < fit["insured_share_if_approved"]) * 1.0),
        }
    )


def _by_contract(by_type: dict, name: str, kind: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Each contract type has its own distribution (no goods category for cash loans ...)."""
    numeric = name in ("AMT_APPLICATION", "CREDIT_TO_APPLICATION", "REPAID_TO_CREDIT", "CNT_PAYMENT")
    out = np.full(len(kind), np.nan) if numeric else np.full(len(kind), "XNA", dtype=object)
    for key, fits in by_type.items():
        rows = kind == key
        if fits.get(name) is not None and rows.any():
            out[rows] = sample(fits[name], u[rows])
    return out


def _tilt_refusals(rng, status: np.ndarray, risk: np.ndarray) -> np.ndarray:
    """Make refusals follow risk while keeping their overall share."""
    base = float(np.mean(status == "Refused"))
    target = risk_tilted(base, risk, REFUSAL_STRENGTH)
    refused = status == "Refused"
    # Refuse more of the risky, approve back some of the safe refusals.
    more = ~refused & (rng.random(len(status)) < np.clip((target - base) / (1 - base), 0, 1))
    fewer = refused & (rng.random(len(status)) < np.clip((base - target) / max(base, 1e-9), 0, 1))
    status = status.copy()
    status[more] = "Refused"
    status[fewer] = "Approved"
    return status


def _events(rng, fitted: dict, n: int) -> np.ndarray:
    happens = rng.random(n) < fitted["share"]
    values = sample(fitted["values"], rng.random(n)) if fitted["values"] else np.zeros(n)
    return np.where(happens, values, 0.0)
