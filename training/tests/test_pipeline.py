"""End to end on a few hundred real-shaped rows: every bundle file, consistent with the others."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
import pyarrow as pa
import pytest

from octroi_training import config, export, onnx_export
from octroi_training.pipeline import run
from octroi_training.vectors import expected_features


@pytest.fixture(scope="module")
def bundle(real_sample_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "sample-bundle"
    cfg = config.TrainingConfig(n_folds=3, max_rounds=60, early_stopping_rounds=20, comparison_folds=2, threads=1)
    run(real_sample_folder, out, cfg, trained_on="home-credit")
    return out


def read_json(bundle: Path, name: str) -> object:
    return json.loads((bundle / name).read_text(encoding="utf-8"))


def test_every_file_is_listed_with_its_digest(bundle: Path) -> None:
    manifest = read_json(bundle, "manifest.json")
    listed = {f["name"]: f["sha256"] for f in manifest["files"]}
    assert set(listed) == set(config.BUNDLE_FILES)
    for name, digest in listed.items():
        assert export.sha256(bundle / name) == digest, name
    assert manifest["trainedOn"] == "home-credit" and manifest["dataRows"] == 400


def test_scores_and_features_agree_with_the_exported_model(bundle: Path) -> None:
    spec = read_json(bundle, "feature_spec.json")
    with pa.memory_map(str(bundle / "features.arrow")) as source:
        table = pa.ipc.open_file(source).read_all()
    names = [f["name"] for f in spec["features"]]
    assert table.column_names == [config.ID, config.TARGET, "PROBABILITY", *names]
    x = np.column_stack([table[n].to_numpy() for n in names]).astype(np.float32)
    probability = onnx_export.onnx_probabilities(onnx.load(str(bundle / "model.onnx")), x)
    np.testing.assert_array_equal(probability.astype(np.float32), table["PROBABILITY"].to_numpy())
    metrics = read_json(bundle, "metrics.json")
    assert metrics["exportParityMaxAbsDiff"] <= 1e-5 and metrics["exportParityRows"] == 400
    assert 0 < read_json(bundle, "decision.json")["threshold"] < 1


def test_test_vectors_and_reports(bundle: Path) -> None:
    spec = read_json(bundle, "feature_spec.json")
    for vector in read_json(bundle, "test_vectors.json"):
        assert expected_features(spec, vector["raw"]) == vector["features"]
    population = read_json(bundle, "population.json")["features"]
    assert len(population["EXT_SOURCE_MEAN"]["quantiles"]) == 101
    reference = read_json(bundle, "shap_reference.json")
    assert len(reference["contributions"][0]) == len(spec["features"]) + 1
    row_sums = [sum(c) for c in reference["contributions"]]
    np.testing.assert_allclose(row_sums, reference["rawScore"], atol=1e-9)
