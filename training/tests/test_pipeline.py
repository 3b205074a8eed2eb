"""End to end on a few hundred real-shaped rows: every bundle file, consistent with the others."""

from __future__ import annotations

import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import onnx
import pyarrow as pa
import pytest

from octroi_training import config, export, onnx_export
from octroi_training.pipeline import run


@pytest.fixture(scope="module")
def bundle(real_sample_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle") / "sample-bundle"
    cfg = config.TrainingConfig(
        n_folds=3, inner_folds=2, max_rounds=60, early_stopping_rounds=20, comparison_folds=2, threads=1
    )
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


def features_table(bundle: Path) -> pa.Table:
    with pa.memory_map(str(bundle / "features.arrow")) as source:
        return pa.ipc.open_file(source).read_all()


def test_scores_are_lightgbm_probabilities_of_the_listed_features(bundle: Path) -> None:
    """The served scores, checked against LightGBM itself reading its own model file."""
    spec = read_json(bundle, "feature_spec.json")
    table = features_table(bundle)
    names = [f["name"] for f in spec["features"]]
    assert table.column_names == [config.ID, config.TARGET, "PROBABILITY", *names]
    x = np.column_stack([table[n].to_numpy() for n in names]).astype(np.float32)
    lightgbm = lgb.Booster(model_file=str(bundle / "model.lgb.txt")).predict(x)
    np.testing.assert_allclose(table["PROBABILITY"].to_numpy(), lightgbm, rtol=0, atol=1e-5)
    onnx_scores = onnx_export.onnx_probabilities(onnx.load(str(bundle / "model.onnx")), x)
    np.testing.assert_allclose(onnx_scores, lightgbm, rtol=0, atol=1e-5)
    metrics = read_json(bundle, "metrics.json")
    assert metrics["exportParityMaxAbsDiff"] <= 1e-5 and metrics["exportParityRows"] == 400
    assert 0 < read_json(bundle, "decision.json")["threshold"] < 1


def test_a_raw_application_gives_the_features_the_model_was_trained_on(bundle: Path) -> None:
    """Test vectors of training applicants (raw JSON with their history tables, as a service receives them) against
    their rows in features.arrow (typed columns read from the CSV files): two paths, the same float32 bits."""
    spec = read_json(bundle, "feature_spec.json")
    table = features_table(bundle)
    row_of = {int(i): r for r, i in enumerate(table[config.ID].to_numpy())}
    every = [f["name"] for f in spec["features"]]
    from_training = [v for v in read_json(bundle, "test_vectors.json") if "of the training folder" in v["description"]]
    assert len(from_training) >= 10
    for vector in from_training:
        row = row_of[int(vector["description"].split()[1])]
        for name in every:
            trained = table[name][row].as_py()
            served = vector["features"][name]
            assert (served is None and np.isnan(trained)) or served == trained, (vector["description"], name)
    with_history = [v for v in from_training if any(isinstance(rows, list) and rows for rows in v["raw"].values())]
    assert len(with_history) >= len(from_training) // 2


def test_reports(bundle: Path) -> None:
    spec = read_json(bundle, "feature_spec.json")
    population = read_json(bundle, "population.json")["features"]
    assert len(population["EXT_SOURCE_MEAN"]["quantiles"]) == 101
    reference = read_json(bundle, "shap_reference.json")
    assert len(reference["contributions"][0]) == len(spec["features"]) + 1
    row_sums = [sum(c) for c in reference["contributions"]]
    np.testing.assert_allclose(row_sums, reference["rawScore"], atol=1e-9)
