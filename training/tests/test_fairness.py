"""Fairness figures on hand-made decisions whose answers are easy to check."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from octroi_training import config, fairness

YEAR = 365.25


def applications(genders: list[str], ages: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"CODE_GENDER": genders, "DAYS_BIRTH": [-a * YEAR for a in ages]})


def test_groups_by_gender_and_age_band_at_the_application_date() -> None:
    masks = fairness.groups(applications(["F", "M", "F", "XNA"], [24.99, 25.0, 60.0, 41.0]))
    assert {k: v.tolist() for k, v in masks["gender"].items()} == {
        "F": [True, False, True, False],
        "M": [False, True, False, False],
        "XNA": [False, False, False, True],
    }
    assert [masks["ageBand"][b].tolist().index(True) for b in ("<25", "25–40", "≥60")] == [0, 1, 2]
    assert masks["ageBand"]["40–60"].tolist() == [False, False, False, True]


def test_approval_ratio_and_error_rate_gaps() -> None:
    # 40 women: 10 defaults (6 refused), 30 good (3 refused); 40 men: 10 defaults (8 refused), 30 good (12 refused).
    y = np.array([1] * 10 + [0] * 30 + [1] * 10 + [0] * 30)
    refused = np.zeros(80, dtype=bool)
    refused[:6] = refused[10:13] = refused[40:48] = refused[50:62] = True
    p = np.where(refused, 0.9, 0.1)
    report = fairness.attribute_report(y, p, 0.5, {"F": np.arange(80) < 40, "M": np.arange(80) >= 40})
    women, men = report["groups"]
    assert women["approvalRate"] == pytest.approx(31 / 40) and men["approvalRate"] == pytest.approx(20 / 40)
    assert women["approvalRatio"] == 1 and men["approvalRatio"] == pytest.approx(20 / 31)
    assert report["lowestApprovalRatio"] == pytest.approx(20 / 31) and not report["fourFifthsMet"]
    assert women["truePositiveRate"] == 0.6 and men["truePositiveRate"] == 0.8
    assert report["truePositiveRateGap"] == pytest.approx(0.2)
    assert report["falsePositiveRateGap"] == pytest.approx(12 / 30 - 3 / 30)
    assert women["meanPredicted"] == pytest.approx((9 * 0.9 + 31 * 0.1) / 40)


def test_small_groups_are_listed_but_not_compared() -> None:
    y = np.array([0, 1] * 50 + [0, 0])
    p = np.array([0.1, 0.9] * 50 + [0.9, 0.9])
    report = fairness.attribute_report(y, p, 0.5, {"F": np.arange(102) < 100, "XNA": np.arange(102) >= 100})
    small = report["groups"][1]
    assert small["count"] == 2 and not small["compared"] and small["approvalRatio"] is None
    assert report["lowestApprovalRatio"] == 1.0 and report["fourFifthsMet"]


BUNDLE = config.REPO_ROOT / "models" / "home-credit-generated"


def read_arrow(name: str) -> pa.Table:
    with pa.memory_map(str(BUNDLE / name)) as source:
        return pa.ipc.open_file(source).read_all()


def test_the_shipped_bundle_reports_fairness_on_its_own_applicants() -> None:
    """Group sizes and default rates recounted here from the bundle's raw applications, whatever the model."""
    metrics = json.loads((BUNDLE / "metrics.json").read_text(encoding="utf-8"))
    applicants = read_arrow("applicants.arrow").select(["CODE_GENDER", "DAYS_BIRTH", config.TARGET]).to_pandas()
    labelled = applicants[applicants[config.TARGET].notna()]
    y = labelled[config.TARGET].to_numpy()
    for attribute, masks in fairness.groups(labelled).items():
        reported = {g["group"]: g for g in metrics["fairness"][attribute]["groups"]}
        assert set(reported) == set(masks), attribute
        for name, rows in masks.items():
            assert reported[name]["count"] == rows.sum(), (attribute, name)
            if rows.any():
                assert reported[name]["defaultRate"] == pytest.approx(y[rows].mean()), (attribute, name)
        assert sum(g["count"] for g in reported.values()) == len(labelled), attribute
    assert metrics["fairness"]["threshold"] == json.loads((BUNDLE / "decision.json").read_text())["threshold"]
    # The real sample's figures travel with every bundle, and the card says them.
    assert metrics["realSample"]["fairness"]["gender"]["groups"]
    card = (BUNDLE / "model_card.md").read_text(encoding="utf-8")
    assert "## Fairness" in card and "real sample" in card and "## Age" in card


def test_the_shipped_bundle_measures_its_thin_file_remedy() -> None:
    metrics = json.loads((BUNDLE / "metrics.json").read_text(encoding="utf-8"))
    features = read_arrow("features.arrow")
    spec = json.loads((BUNDLE / "feature_spec.json").read_text(encoding="utf-8"))
    history = [f["name"] for f in spec["features"] if f["source"] != "application"]
    labelled = ~np.isnan(features[config.TARGET].to_numpy())
    known = np.column_stack([~np.isnan(features[n].to_numpy()) for n in history]).any(axis=1)[labelled]
    thin = metrics["thinFile"]
    assert (thin["withHistory"], thin["withoutHistory"]) == (known.sum(), (~known).sum())
    for figures in (thin, thin["withoutRemedy"]):
        assert 0.5 < figures["aucWhole"] < 1 and 0.5 < figures["aucHistoryRemoved"] < 1
    assert "without the remedy" in (BUNDLE / "model_card.md").read_text(encoding="utf-8")
