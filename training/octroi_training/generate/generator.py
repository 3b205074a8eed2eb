"""Generate the eight Home Credit files, chunk by chunk of applicants.

Each chunk draws its applicants, their latent risk, their TARGET and all their history, and
turns every table into CSV text; the parent process appends the chunks in order. Chunks are
independent (each has its own random stream derived from the seed and its own range of
SK_ID_BUREAU / SK_ID_PREV), so they run in parallel and the files depend only on the seed.
"""

from __future__ import annotations

import multiprocessing
import os
from contextlib import ExitStack
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm import tqdm

from .applications import ApplicationModel
from .bureau import draw_bureau
from .calibration import load
from .cards import card_payments, draw_credit_card
from .draws import ClientRisk
from .previous import draw_previous
from .repayments import draw_installments, draw_pos_cash
from .risk import (
    HISTORY_WEIGHT,
    application_risk,
    default_probability,
    fit_missing_weights,
    history_risk,
    missing_indicators,
)
from .schema import ALL_FILES, APPLICATION_TEST, APPLICATION_TRAIN, SECONDARY_TABLES
from .writer import csv_text, typed

CHUNK = 20_000  # applicants per chunk; part of the output's definition (do not vary per run)
PILOT = 50_000  # applicants drawn once to set the intercept and the missingness weights
FIRST_CLIENT_ID = 100_002
FIRST_BUREAU_ID = 5_000_000
FIRST_PREVIOUS_ID = 1_000_000
# Each chunk owns this many SK_ID_BUREAU and SK_ID_PREV values (about 5 are used per client).
IDS_PER_CHUNK = CHUNK * 12

_job: dict = {}  # shared with forked workers


def generate(
    out: Path, n: int = 20_000, n_test: int = 5_000, seed: int = 42, progress: bool = True, workers: int | None = None
) -> dict[str, int]:
    """Write the tables for n applicants with TARGET and n_test without; return row counts."""
    cal = load()
    model = ApplicationModel(cal)
    setup, pilot = np.random.SeedSequence(seed).spawn(2)
    total = n + n_test
    is_test = np.zeros(total, dtype=bool)
    is_test[np.random.default_rng(setup).permutation(total)[:n_test]] = True
    pilot_rng = np.random.default_rng(pilot)
    pilot_apps = model.draw(pilot_rng, PILOT)
    other_risk = application_risk(pilot_apps) + HISTORY_WEIGHT * history_risk(pilot_apps, pilot_rng)
    targets = np.array([entry["target"] for entry in cal["applications"]["missing_risk"]])
    missing_weights, intercept = fit_missing_weights(
        other_risk, missing_indicators(pilot_apps), targets, cal["applications"]["default_rate"]
    )
    _job.update(cal=cal, model=model, intercept=intercept, missing_weights=missing_weights, seed=seed, is_test=is_test)

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rows = dict.fromkeys(ALL_FILES, 0)
    starts = list(range(0, total, CHUNK))
    workers = min(workers or os.cpu_count() or 1, len(starts))
    with ExitStack() as stack:
        files = {name: stack.enter_context(open(out / name, "wb")) for name in ALL_FILES}
        for name, handle in files.items():
            handle.write((",".join(_columns(cal, name)) + "\n").encode())
        bar = stack.enter_context(tqdm(total=total, unit="applicant", disable=not progress, desc="generating"))
        pool = stack.enter_context(_pool(workers))
        results = pool.imap(_chunk, enumerate(starts)) if pool else map(_chunk, enumerate(starts))
        for start, chunk in zip(starts, results, strict=True):
            for name, (count, text) in chunk.items():
                files[name].write(text)
                rows[name] += count
            bar.update(min(CHUNK, total - start))
            bar.set_postfix(rows=f"{sum(rows.values()):,}")
    return rows


def _chunk(job: tuple[int, int]) -> dict[str, tuple[int, bytes]]:
    index, start = job
    cal, is_test = _job["cal"], _job["is_test"]
    size = min(CHUNK, len(is_test) - start)
    rng = np.random.default_rng(np.random.SeedSequence(_job["seed"], spawn_key=(1_000 + index,)))
    apps = _job["model"].draw(rng, size)
    clients = FIRST_CLIENT_ID + start + np.arange(size, dtype=np.int64)
    apps.table["SK_ID_CURR"] = clients
    hist = history_risk(apps, rng)
    app_risk = application_risk(apps) + missing_indicators(apps) @ _job["missing_weights"]
    p_default = default_probability(app_risk, hist, _job["intercept"])
    apps.table.insert(1, "TARGET", (rng.random(size) < p_default).astype(np.int64))
    test = is_test[start : start + size]
    app_dtypes = {c["name"]: c["dtype"] for c in cal["applications"]["columns"]}
    test_dtypes = {k: v for k, v in app_dtypes.items() if k != "TARGET"}
    out = {
        APPLICATION_TRAIN: typed(apps.table[~test], app_dtypes),
        APPLICATION_TEST: typed(apps.table[test], test_dtypes),
    }

    bureau, balance = draw_bureau(cal, rng, clients, hist, FIRST_BUREAU_ID + index * IDS_PER_CHUNK)
    prev = draw_previous(cal, rng, clients, hist, FIRST_PREVIOUS_ID + index * IDS_PER_CHUNK)
    if max(len(bureau), len(prev)) > IDS_PER_CHUNK:
        raise RuntimeError("a chunk used more identifiers than it owns")
    risk = ClientRisk(int(clients[0]), hist)
    cards = draw_credit_card(cal, rng, prev, risk)
    history = {
        "bureau.csv": bureau,
        "bureau_balance.csv": balance,
        "previous_application.csv": prev,
        "POS_CASH_balance.csv": draw_pos_cash(cal, rng, prev, risk),
        "installments_payments.csv": pd.concat(
            [draw_installments(cal, rng, prev, risk), card_payments(cards)], ignore_index=True
        ),
        "credit_card_balance.csv": cards,
    }
    for name, frame in history.items():
        _blank_like_full_data(rng, frame, cal["full_data_missing"].get(name, {}))
        out[name] = typed(frame, SECONDARY_TABLES[name])
    return {name: (len(frame), csv_text(frame)) for name, frame in out.items()}


def _columns(cal: dict, name: str) -> list[str]:
    if name in (APPLICATION_TRAIN, APPLICATION_TEST):
        names = [c["name"] for c in cal["applications"]["columns"]]
        return names if name == APPLICATION_TRAIN else [c for c in names if c != "TARGET"]
    return list(SECONDARY_TABLES[name])


class _NoPool:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _pool(workers: int):
    if workers <= 1:
        return _NoPool()
    # Forked workers inherit the calibration and the copula instead of rebuilding them.
    return multiprocessing.get_context("fork").Pool(workers)


def _blank_like_full_data(rng, frame, rates: dict[str, float]) -> None:
    """Blank values at the full data's missing rates (the fitted sample had none)."""
    for column, rate in rates.items():
        if column in ("RATE_INTEREST_PRIMARY", "RATE_INTEREST_PRIVILEGED"):
            continue  # already drawn as mostly missing
        gone = rng.random(len(frame)) < rate
        frame[column] = frame[column].where(~gone)
