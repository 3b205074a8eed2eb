"""Layout of the eight Home Credit files: names, column order and the dtypes of the full data.

The linked sample rows were imputed (no missing values, integers where the full data holds
floats), so the dtypes of the secondary tables are written down here from the full data
rather than inferred from the sample.
"""

from __future__ import annotations

APPLICATION_TRAIN = "application_train.csv"
APPLICATION_TEST = "application_test.csv"

# Secondary tables in generation order; each maps a column to "int", "float" or "str".
SECONDARY_TABLES: dict[str, dict[str, str]] = {
    "bureau.csv": {
        "SK_ID_CURR": "int",
        "SK_ID_BUREAU": "int",
        "CREDIT_ACTIVE": "str",
        "CREDIT_CURRENCY": "str",
        "DAYS_CREDIT": "int",
        "CREDIT_DAY_OVERDUE": "int",
        "DAYS_CREDIT_ENDDATE": "float",
        "DAYS_ENDDATE_FACT": "float",
        "AMT_CREDIT_MAX_OVERDUE": "float",
        "CNT_CREDIT_PROLONG": "int",
        "AMT_CREDIT_SUM": "float",
        "AMT_CREDIT_SUM_DEBT": "float",
        "AMT_CREDIT_SUM_LIMIT": "float",
        "AMT_CREDIT_SUM_OVERDUE": "float",
        "CREDIT_TYPE": "str",
        "DAYS_CREDIT_UPDATE": "int",
        "AMT_ANNUITY": "float",
    },
    "bureau_balance.csv": {"SK_ID_BUREAU": "int", "MONTHS_BALANCE": "int", "STATUS": "str"},
    "previous_application.csv": {
        "SK_ID_PREV": "int",
        "SK_ID_CURR": "int",
        "NAME_CONTRACT_TYPE": "str",
        "AMT_ANNUITY": "float",
        "AMT_APPLICATION": "float",
        "AMT_CREDIT": "float",
        "AMT_DOWN_PAYMENT": "float",
        "AMT_GOODS_PRICE": "float",
        "WEEKDAY_APPR_PROCESS_START": "str",
        "HOUR_APPR_PROCESS_START": "int",
        "FLAG_LAST_APPL_PER_CONTRACT": "str",
        "NFLAG_LAST_APPL_IN_DAY": "int",
        "RATE_DOWN_PAYMENT": "float",
        "RATE_INTEREST_PRIMARY": "float",
        "RATE_INTEREST_PRIVILEGED": "float",
        "NAME_CASH_LOAN_PURPOSE": "str",
        "NAME_CONTRACT_STATUS": "str",
        "DAYS_DECISION": "int",
        "NAME_PAYMENT_TYPE": "str",
        "CODE_REJECT_REASON": "str",
        "NAME_TYPE_SUITE": "str",
        "NAME_CLIENT_TYPE": "str",
        "NAME_GOODS_CATEGORY": "str",
        "NAME_PORTFOLIO": "str",
        "NAME_PRODUCT_TYPE": "str",
        "CHANNEL_TYPE": "str",
        "SELLERPLACE_AREA": "int",
        "NAME_SELLER_INDUSTRY": "str",
        "CNT_PAYMENT": "float",
        "NAME_YIELD_GROUP": "str",
        "PRODUCT_COMBINATION": "str",
        "DAYS_FIRST_DRAWING": "float",
        "DAYS_FIRST_DUE": "float",
        "DAYS_LAST_DUE_1ST_VERSION": "float",
        "DAYS_LAST_DUE": "float",
        "DAYS_TERMINATION": "float",
        "NFLAG_INSURED_ON_APPROVAL": "float",
    },
    "POS_CASH_balance.csv": {
        "SK_ID_PREV": "int",
        "SK_ID_CURR": "int",
        "MONTHS_BALANCE": "int",
        "CNT_INSTALMENT": "float",
        "CNT_INSTALMENT_FUTURE": "float",
        "NAME_CONTRACT_STATUS": "str",
        "SK_DPD": "int",
        "SK_DPD_DEF": "int",
    },
    "installments_payments.csv": {
        "SK_ID_PREV": "int",
        "SK_ID_CURR": "int",
        "NUM_INSTALMENT_VERSION": "float",
        "NUM_INSTALMENT_NUMBER": "int",
        "DAYS_INSTALMENT": "float",
        "DAYS_ENTRY_PAYMENT": "float",
        "AMT_INSTALMENT": "float",
        "AMT_PAYMENT": "float",
    },
    "credit_card_balance.csv": {
        "SK_ID_PREV": "int",
        "SK_ID_CURR": "int",
        "MONTHS_BALANCE": "int",
        "AMT_BALANCE": "float",
        "AMT_CREDIT_LIMIT_ACTUAL": "int",
        "AMT_DRAWINGS_ATM_CURRENT": "float",
        "AMT_DRAWINGS_CURRENT": "float",
        "AMT_DRAWINGS_OTHER_CURRENT": "float",
        "AMT_DRAWINGS_POS_CURRENT": "float",
        "AMT_INST_MIN_REGULARITY": "float",
        "AMT_PAYMENT_CURRENT": "float",
        "AMT_PAYMENT_TOTAL_CURRENT": "float",
        "AMT_RECEIVABLE_PRINCIPAL": "float",
        "AMT_RECIVABLE": "float",
        "AMT_TOTAL_RECEIVABLE": "float",
        "CNT_DRAWINGS_ATM_CURRENT": "float",
        "CNT_DRAWINGS_CURRENT": "int",
        "CNT_DRAWINGS_OTHER_CURRENT": "float",
        "CNT_DRAWINGS_POS_CURRENT": "float",
        "CNT_INSTALMENT_MATURE_CUM": "float",
        "NAME_CONTRACT_STATUS": "str",
        "SK_DPD": "int",
        "SK_DPD_DEF": "int",
    },
}

ALL_FILES = (APPLICATION_TRAIN, APPLICATION_TEST, *SECONDARY_TABLES)

# Published size of the full data set (307,511 + 48,744 applicants): rows per table and
# how many parents carry at least one row. The linked sample holds only part of each
# client's history, so it gives the shape of the per-client counts, these give the level.
FULL_DATA = {
    "applicants": 356_255,
    "bureau.csv": {"rows": 1_716_428, "clients": 305_811},
    "bureau_balance.csv": {"rows": 27_299_925, "credits": 817_395},
    "previous_application.csv": {"rows": 1_670_214, "clients": 338_857},
    "POS_CASH_balance.csv": {"rows": 10_001_358, "loans": 936_325},
    "installments_payments.csv": {"rows": 13_605_401, "loans": 997_752},
    "credit_card_balance.csv": {"rows": 3_840_312, "cards": 104_307},
}

# Missing-value rates of the full data for the secondary-table columns whose missingness is
# not structural. The linked sample was imputed, so these cannot be fitted from it.
FULL_DATA_MISSING = {
    "bureau.csv": {
        "DAYS_CREDIT_ENDDATE": 0.061,
        "AMT_CREDIT_MAX_OVERDUE": 0.655,
        "AMT_CREDIT_SUM_DEBT": 0.150,
        "AMT_CREDIT_SUM_LIMIT": 0.345,
        "AMT_ANNUITY": 0.715,
    },
    "previous_application.csv": {
        "NAME_TYPE_SUITE": 0.491,
        "RATE_INTEREST_PRIMARY": 0.996,
        "RATE_INTEREST_PRIVILEGED": 0.996,
    },
    "credit_card_balance.csv": {"AMT_PAYMENT_CURRENT": 0.200},
}
