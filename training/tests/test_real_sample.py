"""The committed real-sample figures are what the shipped procedure measures on the real sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from octroi_training import config, real_sample


@pytest.fixture(scope="module")
def measured(real_sample_dir: Path) -> dict:
    return real_sample.measure(real_sample_dir, config.TrainingConfig(threads=2))


def test_committed_figures_are_reproduced(measured: dict) -> None:
    committed = real_sample.load()
    assert measured["rows"] == committed["rows"] and measured["classImbalance"] == committed["classImbalance"]
    # Thread counts and libraries may move a split or two: figures agree to the noise of one run.
    assert measured["auc"] == pytest.approx(committed["auc"], abs=0.01)
    assert measured["age"]["aucWith"] == pytest.approx(committed["age"]["aucWith"], abs=0.01)
    assert measured["age"]["features"] == committed["age"]["features"]
    for attribute in ("gender", "ageBand"):
        for now, then in zip(
            measured["fairness"][attribute]["groups"], committed["fairness"][attribute]["groups"], strict=True
        ):
            assert now["group"] == then["group"] and now["count"] == then["count"]
            assert now["approvalRate"] == pytest.approx(then["approvalRate"], abs=0.03), (attribute, now["group"])
    with_age = measured["age"]["fairnessWith"]
    for attribute in ("gender", "ageBand"):
        counts = [g["count"] for g in with_age[attribute]["groups"]]
        assert counts == [g["count"] for g in measured["fairness"][attribute]["groups"]]  # the same applicants
        then_groups = committed["age"]["fairnessWith"][attribute]["groups"]
        for now, then in zip(with_age[attribute]["groups"], then_groups, strict=True):
            assert now["approvalRate"] == pytest.approx(then["approvalRate"], abs=0.03), (attribute, now["group"])
    thin, then = measured["thinFile"], committed["thinFile"]
    assert thin["withHistory"] == then["withHistory"]
    assert thin["aucWithHistoryRemoved"] == pytest.approx(then["aucWithHistoryRemoved"], abs=0.02)


def test_what_age_adds_is_within_the_noise_between_folds(measured: dict) -> None:
    """The policy keeps age out of the model because, on real applicants, it adds less than fold-to-fold noise."""
    age = measured["age"]
    gains = [w - wo for w, wo in zip(age["foldAucWith"], age["foldAucWithout"], strict=True)]
    spread = max(age["foldAucWithout"]) - min(age["foldAucWithout"])
    assert age["aucWith"] - age["aucWithout"] < spread / 4
    assert sum(g > 0 for g in gains) < len(gains)  # not better in every fold
