"""Loaders for the seven Home Credit tables.

Every table is read with explicit dtypes (float32 for measures, int32 for identifiers,
pandas categories for text) and only the columns the features use, so the full public data
set (about 2.5 GB of CSV) fits comfortably in memory. A missing secondary table is not an
error: its features become missing values. A missing or unreadable application file, or a
missing column, stops the run with a message naming the file and the column.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import config

log = logging.getLogger(__name__)


class DataError(Exception):
    """The input folder cannot be used as it is; the message names the file and column."""


# Text columns of the application tables; every other application column is a number.
APPLICATION_TEXT_COLUMNS = (
    "NAME_CONTRACT_TYPE CODE_GENDER FLAG_OWN_CAR FLAG_OWN_REALTY NAME_TYPE_SUITE NAME_INCOME_TYPE "
    "NAME_EDUCATION_TYPE NAME_FAMILY_STATUS NAME_HOUSING_TYPE OCCUPATION_TYPE WEEKDAY_APPR_PROCESS_START "
    "ORGANIZATION_TYPE FONDKAPREMONT_MODE HOUSETYPE_MODE WALLSMATERIAL_MODE EMERGENCYSTATE_MODE"
).split()

HOUSING_MEASURES = (
    "APARTMENTS BASEMENTAREA YEARS_BEGINEXPLUATATION YEARS_BUILD COMMONAREA ELEVATORS ENTRANCES FLOORSMAX "
    "FLOORSMIN LANDAREA LIVINGAPARTMENTS LIVINGAREA NONLIVINGAPARTMENTS NONLIVINGAREA"
).split()

# Every application column in the order of the public files (identifier and target excluded).
APPLICATION_COLUMNS = (
    (
        "NAME_CONTRACT_TYPE CODE_GENDER FLAG_OWN_CAR FLAG_OWN_REALTY CNT_CHILDREN AMT_INCOME_TOTAL AMT_CREDIT "
        "AMT_ANNUITY AMT_GOODS_PRICE NAME_TYPE_SUITE NAME_INCOME_TYPE NAME_EDUCATION_TYPE NAME_FAMILY_STATUS "
        "NAME_HOUSING_TYPE REGION_POPULATION_RELATIVE DAYS_BIRTH DAYS_EMPLOYED DAYS_REGISTRATION DAYS_ID_PUBLISH "
        "OWN_CAR_AGE FLAG_MOBIL FLAG_EMP_PHONE FLAG_WORK_PHONE FLAG_CONT_MOBILE FLAG_PHONE FLAG_EMAIL "
        "OCCUPATION_TYPE CNT_FAM_MEMBERS REGION_RATING_CLIENT REGION_RATING_CLIENT_W_CITY "
        "WEEKDAY_APPR_PROCESS_START HOUR_APPR_PROCESS_START REG_REGION_NOT_LIVE_REGION "
        "REG_REGION_NOT_WORK_REGION LIVE_REGION_NOT_WORK_REGION REG_CITY_NOT_LIVE_CITY "
        "REG_CITY_NOT_WORK_CITY LIVE_CITY_NOT_WORK_CITY ORGANIZATION_TYPE EXT_SOURCE_1 EXT_SOURCE_2 EXT_SOURCE_3"
    ).split()
    + [f"{h}_{s}" for s in ("AVG", "MODE", "MEDI") for h in HOUSING_MEASURES]
    + (
        "FONDKAPREMONT_MODE HOUSETYPE_MODE TOTALAREA_MODE WALLSMATERIAL_MODE EMERGENCYSTATE_MODE "
        "OBS_30_CNT_SOCIAL_CIRCLE DEF_30_CNT_SOCIAL_CIRCLE OBS_60_CNT_SOCIAL_CIRCLE DEF_60_CNT_SOCIAL_CIRCLE "
        "DAYS_LAST_PHONE_CHANGE"
    ).split()
    + [f"FLAG_DOCUMENT_{i}" for i in range(2, 22)]
    + [f"AMT_REQ_CREDIT_BUREAU_{p}" for p in ("HOUR", "DAY", "WEEK", "MON", "QRT", "YEAR")]
)


@dataclass(frozen=True)
class TableSchema:
    """The columns a table must provide, with the dtype each is read with."""

    file: str
    columns: dict[str, str]


def _schema(file: str, ids: str, numbers: str, texts: str = "") -> TableSchema:
    columns = {c: "int32" for c in ids.split()}
    columns |= {c: "float32" for c in numbers.split()}
    columns |= {c: "category" for c in texts.split()}
    return TableSchema(file, columns)


BUREAU = _schema(
    config.BUREAU,
    "SK_ID_CURR SK_ID_BUREAU",
    "DAYS_CREDIT CREDIT_DAY_OVERDUE DAYS_CREDIT_ENDDATE DAYS_ENDDATE_FACT AMT_CREDIT_MAX_OVERDUE "
    "CNT_CREDIT_PROLONG AMT_CREDIT_SUM AMT_CREDIT_SUM_DEBT AMT_CREDIT_SUM_LIMIT AMT_CREDIT_SUM_OVERDUE "
    "DAYS_CREDIT_UPDATE AMT_ANNUITY",
    "CREDIT_ACTIVE CREDIT_TYPE",
)
BUREAU_BALANCE = _schema(config.BUREAU_BALANCE, "SK_ID_BUREAU", "MONTHS_BALANCE", "STATUS")
PREVIOUS_APPLICATION = _schema(
    config.PREVIOUS_APPLICATION,
    "SK_ID_PREV SK_ID_CURR",
    "AMT_ANNUITY AMT_APPLICATION AMT_CREDIT AMT_DOWN_PAYMENT AMT_GOODS_PRICE RATE_DOWN_PAYMENT "
    "DAYS_DECISION CNT_PAYMENT DAYS_FIRST_DUE DAYS_LAST_DUE_1ST_VERSION DAYS_LAST_DUE DAYS_TERMINATION "
    "NFLAG_INSURED_ON_APPROVAL",
    "NAME_CONTRACT_TYPE NAME_CONTRACT_STATUS NAME_YIELD_GROUP NAME_CLIENT_TYPE",
)
POS_CASH = _schema(
    config.POS_CASH,
    "SK_ID_PREV SK_ID_CURR",
    "MONTHS_BALANCE CNT_INSTALMENT CNT_INSTALMENT_FUTURE SK_DPD SK_DPD_DEF",
    "NAME_CONTRACT_STATUS",
)
INSTALLMENTS = _schema(
    config.INSTALLMENTS,
    "SK_ID_PREV SK_ID_CURR",
    "NUM_INSTALMENT_VERSION NUM_INSTALMENT_NUMBER DAYS_INSTALMENT DAYS_ENTRY_PAYMENT AMT_INSTALMENT AMT_PAYMENT",
)
CREDIT_CARD = _schema(
    config.CREDIT_CARD,
    "SK_ID_PREV SK_ID_CURR",
    "MONTHS_BALANCE AMT_BALANCE AMT_CREDIT_LIMIT_ACTUAL AMT_DRAWINGS_ATM_CURRENT AMT_DRAWINGS_CURRENT "
    "AMT_INST_MIN_REGULARITY AMT_PAYMENT_TOTAL_CURRENT CNT_DRAWINGS_CURRENT SK_DPD SK_DPD_DEF",
    "NAME_CONTRACT_STATUS",
)
SECONDARY_TABLES = {
    "bureau": BUREAU,
    "bureau_balance": BUREAU_BALANCE,
    "previous_application": PREVIOUS_APPLICATION,
    "pos_cash": POS_CASH,
    "installments": INSTALLMENTS,
    "credit_card": CREDIT_CARD,
}


def read_header(path: Path) -> list[str]:
    """Column names of a CSV file, or a DataError naming the file when it cannot be parsed."""
    try:
        return list(pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise DataError(f"{path.name}: unreadable file ({error})") from error


def read_csv(path: Path, dtypes: dict[str, str], required: list[str]) -> pd.DataFrame:
    """Read the given columns of one CSV, checking the required ones are present."""
    header = read_header(path)
    for column in required:
        if column not in header:
            raise DataError(f"{path.name}: missing required column {column}")
    wanted = {c: t for c, t in dtypes.items() if c in header}
    try:
        frame = pd.read_csv(path, usecols=list(wanted), dtype=wanted, encoding="utf-8-sig")
    except (ValueError, TypeError) as error:
        column = _first_bad_column(path, wanted)
        expected = {"int32": "whole numbers", "float32": "numbers"}.get(wanted.get(column, ""), "valid values")
        raise DataError(f"{path.name}: column {column} holds values that are not {expected} ({error})") from error
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise DataError(f"{path.name}: unreadable file ({error})") from error
    log.info("read %s: %d rows, %d columns", path.name, len(frame), frame.shape[1])
    return frame


def _first_bad_column(path: Path, dtypes: dict[str, str]) -> str:
    """Find which column made a typed read fail (only runs after a failure, so cost is no concern)."""
    as_text = pd.read_csv(path, usecols=list(dtypes), dtype=str, encoding="utf-8-sig")
    for column, dtype in dtypes.items():
        if dtype == "category":
            continue
        values = as_text[column]
        numbers = pd.to_numeric(values, errors="coerce")
        if (numbers.isna() & values.notna()).any() or (dtype == "int32" and numbers.isna().any()):
            return column
    return "?"


def read_table(folder: Path, schema: TableSchema) -> pd.DataFrame | None:
    """A secondary table, or None when its file is absent (its features are then missing)."""
    path = folder / schema.file
    if not path.exists():
        log.warning("%s not found in %s: its features will be missing values", schema.file, folder)
        return None
    return read_csv(path, schema.columns, required=list(schema.columns))


def application_dtypes() -> dict[str, str]:
    dtypes = {config.ID: "int32", config.TARGET: "float32"}
    for column in APPLICATION_COLUMNS:
        dtypes[column] = "category" if column in APPLICATION_TEXT_COLUMNS else "float32"
    return dtypes


def read_applications(folder: Path, required_fields: list[str]) -> pd.DataFrame:
    """Training applicants (known TARGET) followed by test applicants (TARGET missing).

    Text columns come back as plain object columns so train and test share one vocabulary.
    """
    train_path = folder / config.APPLICATION_TRAIN
    if not train_path.exists():
        raise DataError(f"{config.APPLICATION_TRAIN}: file not found in {folder}")
    dtypes = application_dtypes()
    parts = [read_csv(train_path, dtypes, [config.ID, config.TARGET, *required_fields])]
    if not parts[0][config.TARGET].isin([0, 1]).all():
        raise DataError(f"{config.APPLICATION_TRAIN}: column {config.TARGET} must be 0 or 1 on every row")
    test_path = folder / config.APPLICATION_TEST
    if test_path.exists():
        test_types = {c: t for c, t in dtypes.items() if c != config.TARGET}
        parts.append(read_csv(test_path, test_types, [config.ID, *required_fields]))
    frame = pd.concat(parts, ignore_index=True, sort=False)
    absent = {
        c: np.full(len(frame), np.nan, dtype=np.float32)
        if c not in APPLICATION_TEXT_COLUMNS
        else np.full(len(frame), None, dtype=object)
        for c in APPLICATION_COLUMNS
        if c not in frame
    }
    if absent:  # optional columns the folder lacks are missing values
        frame = pd.concat([frame, pd.DataFrame(absent, index=frame.index)], axis=1)
    for column in APPLICATION_TEXT_COLUMNS:
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    frame[config.TARGET] = frame[config.TARGET].astype("float32")
    if frame[config.ID].duplicated().any():
        raise DataError(
            f"{config.APPLICATION_TRAIN} / {config.APPLICATION_TEST}: column {config.ID} lists an applicant twice"
        )
    return frame[[config.ID, config.TARGET, *APPLICATION_COLUMNS]]
