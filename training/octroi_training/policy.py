"""The lender's policy on what the model may read and what an officer may change (``policy.json``).

Protected attributes are never model inputs: no feature is one of them or derived from one.
They stay raw fields of an application, kept for fairness measurement only. Non-actionable
fields are never offered in what-if or counterfactuals; actionable ones are the loan terms a
client and an officer can discuss.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import spec

POLICY_VERSION = 1

PROTECTED = ("CODE_GENDER", "NAME_FAMILY_STATUS", "CNT_CHILDREN", "DAYS_BIRTH")
MONITORED = ("CODE_GENDER", "DAYS_BIRTH")
NON_ACTIONABLE = (
    "CODE_GENDER",
    "DAYS_BIRTH",
    "NAME_FAMILY_STATUS",
    "CNT_CHILDREN",
    "CNT_FAM_MEMBERS",
    "HOUR_APPR_PROCESS_START",
    "WEEKDAY_APPR_PROCESS_START",
)
ACTIONABLE = ("AMT_CREDIT", "AMT_ANNUITY", "AMT_GOODS_PRICE")
# Probability points either side of the threshold where an officer decides instead of the model.
REFERRAL_BAND = 0.01

REASONS = {
    "CODE_GENDER": (
        "Sex is a ground of discrimination in French and EU law (Code pénal art. 225-1, directive "
        "2004/113/EC on access to goods and services): it is never a model input. It is kept in the "
        "data only to measure approval rates and error rates by gender."
    ),
    "NAME_FAMILY_STATUS": (
        "Family situation (situation de famille) is a ground of discrimination in French law "
        "(Code pénal art. 225-1) and marital status a prohibited basis for credit decisions in other "
        "markets; it says nothing about the ability to repay that income and household size do not."
    ),
    "CNT_CHILDREN": (
        "Having children belongs to the family situation and to maternity, both protected. What "
        "dependents cost the household is measured by the income per household member, which "
        "stays an input; the number of children itself is not."
    ),
    "DAYS_BIRTH": (
        "Age is a ground of discrimination in French law (Code pénal art. 225-1) that a lender may weigh only "
        "where it measurably improves the assessment of risk. On the real sample it does not: the AUC with "
        "and without the features that read it differ by less than the noise between folds (see the model "
        "card). It is therefore not an input; approval and error rates by age band are monitored."
    ),
    "CNT_FAM_MEMBERS": (
        "Household size enters only through the income per household member; it is not something an "
        "officer may change in a simulation."
    ),
    "HOUR_APPR_PROCESS_START": "When the application was made is not something the client can be advised to change.",
    "WEEKDAY_APPR_PROCESS_START": "When the application was made is not something the client can be advised to change.",
    "AMT_CREDIT": "The loan amount is the client's choice and the first term to discuss.",
    "AMT_ANNUITY": "The yearly repayment follows the term the client chooses.",
    "AMT_GOODS_PRICE": "The price of the goods financed can change with the purchase or a down payment.",
}


def policy() -> dict:
    """The content of policy.json for a bundle trained by this pipeline."""
    return {
        "version": POLICY_VERSION,
        "protectedAttributes": list(PROTECTED),
        "monitoredAttributes": list(MONITORED),
        "nonActionable": list(NON_ACTIONABLE),
        "actionable": list(ACTIONABLE),
        "referral": {"band": REFERRAL_BAND},
        "reasons": dict(REASONS),
    }


class PolicyError(Exception):
    """The feature specification reads a protected attribute."""


def protected_features(feature_spec: Mapping, protected: tuple[str, ...] | list[str] = PROTECTED) -> list[str]:
    """Model features that are, or are derived from, a protected attribute."""
    sources = spec.raw_sources(feature_spec)
    blocked = set(protected)
    return [
        f["name"] for f in feature_spec["features"] if f["name"] in blocked or sources.get(f["name"], set()) & blocked
    ]


def check_features(feature_spec: Mapping) -> None:
    """Stop a run whose features read a protected attribute, before any model is fitted."""
    found = protected_features(feature_spec)
    if found:
        raise PolicyError(f"features read protected attributes: {', '.join(found)}")
