"""History aggregates on tiny hand-made tables whose answers are easy to check."""

from __future__ import annotations

import numpy as np
import pandas as pd

from octroi_training.history import bureau, installments, previous


def test_installments_late_and_short_payments() -> None:
    table = pd.DataFrame(
        {
            "SK_ID_PREV": [1, 1, 1, 2],
            "SK_ID_CURR": [7, 7, 7, 8],
            "NUM_INSTALMENT_VERSION": 1.0,
            "NUM_INSTALMENT_NUMBER": [1.0, 2.0, 3.0, 1.0],
            "DAYS_INSTALMENT": [-100.0, -70.0, -40.0, -500.0],
            "DAYS_ENTRY_PAYMENT": [-105.0, -60.0, np.nan, -500.0],  # early, 10 days late, never paid
            "AMT_INSTALMENT": [100.0, 100.0, 100.0, 50.0],
            "AMT_PAYMENT": [100.0, 60.0, np.nan, 50.0],
        }
    ).astype({"SK_ID_PREV": "int32", "SK_ID_CURR": "int32"})
    out = installments.aggregate(table)
    assert out.loc[7, "INST_COUNT"] == 3
    assert np.isclose(out.loc[7, "INST_LATE_SHARE"], 2 / 3)
    assert out.loc[7, "INST_DAYS_LATE_MAX"] == 10
    assert np.isclose(out.loc[7, "INST_SHORT_SHARE"], 2 / 3)
    assert out.loc[7, "INST_SHORTFALL_MAX"] == 40
    assert out.loc[8, "INST_LATE_SHARE"] == 0
    assert np.isnan(out.loc[8, "INST_RECENT_LATE_SHARE"])  # nothing in the last year


def test_previous_applications_approved_and_refused() -> None:
    table = pd.DataFrame(
        {
            "SK_ID_PREV": [1, 2, 3],
            "SK_ID_CURR": [7, 7, 7],
            "AMT_ANNUITY": 10.0,
            "AMT_APPLICATION": [100.0, 200.0, 0.0],
            "AMT_CREDIT": [100.0, 0.0, 50.0],
            "AMT_DOWN_PAYMENT": 0.0,
            "AMT_GOODS_PRICE": 100.0,
            "RATE_DOWN_PAYMENT": 0.0,
            "DAYS_DECISION": [-100.0, -800.0, -20.0],
            "CNT_PAYMENT": 12.0,
            "DAYS_FIRST_DUE": -90.0,
            "DAYS_LAST_DUE_1ST_VERSION": 300.0,
            "DAYS_LAST_DUE": [365243.0, -10.0, 365243.0],
            "DAYS_TERMINATION": -5.0,
            "NFLAG_INSURED_ON_APPROVAL": 1.0,
            "NAME_CONTRACT_TYPE": "Cash loans",
            "NAME_CONTRACT_STATUS": ["Approved", "Refused", "Approved"],
            "NAME_YIELD_GROUP": "high",
            "NAME_CLIENT_TYPE": "Repeater",
        }
    )
    out = previous.aggregate(table)
    assert out.loc[7, "PREV_COUNT"] == 3 and out.loc[7, "PREV_REFUSED_COUNT"] == 1
    assert out.loc[7, "PREV_APPROVED_LAST_DAYS"] == -20 and out.loc[7, "PREV_REFUSED_LAST_DAYS"] == -800
    assert out.loc[7, "PREV_RUNNING_COUNT"] == 2
    assert out.loc[7, "PREV_GRANTED_ASKED_MIN"] == 0  # 0 / 200; 50 / 0 is missing, not infinite


def test_bureau_without_monthly_statuses() -> None:
    table = pd.DataFrame(
        {
            "SK_ID_CURR": [7, 7],
            "SK_ID_BUREAU": [1, 2],
            "DAYS_CREDIT": [-100.0, -1000.0],
            "CREDIT_DAY_OVERDUE": [0.0, 30.0],
            "DAYS_CREDIT_ENDDATE": [200.0, -500.0],
            "DAYS_ENDDATE_FACT": [np.nan, -600.0],
            "AMT_CREDIT_MAX_OVERDUE": np.nan,
            "CNT_CREDIT_PROLONG": 0.0,
            "AMT_CREDIT_SUM": [1000.0, 3000.0],
            "AMT_CREDIT_SUM_DEBT": [500.0, 0.0],
            "AMT_CREDIT_SUM_LIMIT": 0.0,
            "AMT_CREDIT_SUM_OVERDUE": 0.0,
            "DAYS_CREDIT_UPDATE": -10.0,
            "AMT_ANNUITY": np.nan,
            "CREDIT_ACTIVE": ["Active", "Closed"],
            "CREDIT_TYPE": ["Microloan", "Consumer credit"],
        }
    )
    out = bureau.aggregate(table, None)
    assert out.loc[7, "BUREAU_ACTIVE_COUNT"] == 1 and out.loc[7, "BUREAU_MICROLOAN_COUNT"] == 1
    assert out.loc[7, "BUREAU_DEBT_CREDIT_RATIO"] == np.float32(500 / 4000)
    assert out.loc[7, "BUREAU_EARLY_END_SHARE"] == 1  # closed 100 days before the planned end
    assert np.isnan(out.loc[7, "BUREAU_WORST_STATUS"])
