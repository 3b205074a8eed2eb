"""ONNX export: exact float32 thresholds, NaN routing and categorical splits agree with LightGBM."""

from __future__ import annotations

import lightgbm as lgb
import numpy as np
import onnxruntime as ort
import pytest

from octroi_training import onnx_export


def small_model(rows: int = 4000, seed: int = 0) -> tuple[lgb.Booster, np.ndarray]:
    """Numbers with ties, a categorical feature, NaNs in training, and a feature never missing."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, 5)).astype(np.float32)
    x[:, 0] = np.round(x[:, 0] * 50) / 7
    x[:, 1] = rng.integers(0, 10, rows)
    x[rng.random(rows) < 0.2, 2] = np.nan
    x[rng.random(rows) < 0.1, 1] = np.nan
    y = (x[:, 0] + np.nan_to_num(x[:, 2], nan=1.0) + np.isin(x[:, 1], [1, 4, 7]) + x[:, 3] + rng.normal(size=rows)) > 1
    params = {
        "objective": "binary",
        "verbose": -1,
        "num_threads": 1,
        "num_leaves": 15,
        "min_data_per_group": 10,
        "cat_smooth": 1,
        "max_cat_to_onehot": 2,
        "seed": seed,
    }
    booster = lgb.train(params, lgb.Dataset(x, y.astype(int), categorical_feature=[1]), 60)
    return booster, x


def test_float32_floor() -> None:
    for t in (0.1, -0.1, 1 / 3, 1e-40, 123456.789, float(np.float32(0.3))):
        floor = onnx_export.float32_floor(t)
        assert floor <= t and float(np.float32(floor)) == floor
        assert float(np.nextafter(np.float32(floor), np.float32(np.inf))) > t


def test_parity_with_categorical_splits_and_missing_values() -> None:
    booster, x = small_model()
    dump = booster.dump_model()
    assert "==" in str(dump["tree_info"])  # categorical splits present
    exact = onnx_export.exact_float32_booster(booster)
    model = onnx_export.to_onnx(exact, x.shape[1])
    assert onnx_export.parity(exact, model, x) < 1e-6
    np.testing.assert_array_equal(exact.predict(x), booster.predict(x))

    probe = x[:600].copy()
    probe[:100] = np.nan  # everything missing
    probe[100:200, 3] = np.nan  # missing where training never was (LightGBM reads it as 0)
    probe[200:300, 1] = np.nan  # missing category
    probe[300:400, 1] = 42  # category never seen
    probe[400:500, 0] = 0.0
    assert onnx_export.parity(exact, model, probe) < 1e-6
    np.testing.assert_allclose(exact.predict(probe), booster.predict(probe), rtol=0, atol=1e-12)


def test_adjacent_float32_values_do_not_flip_leaves() -> None:
    """A threshold halfway between two adjacent float32 values rounds up to the larger one;
    without the floor, that value would take the wrong branch in ONNX."""
    low = np.float32(1.0000001)
    high = np.nextafter(low, np.float32(2))
    x = np.repeat(np.array([[low], [high]], dtype=np.float32), 500, axis=0)
    y = np.repeat([0, 1], 500)
    booster = lgb.train(
        {"objective": "binary", "verbose": -1, "num_threads": 1, "min_data_in_bin": 1, "min_child_samples": 5},
        lgb.Dataset(x, y),
        5,
    )
    threshold = booster.dump_model()["tree_info"][0]["tree_structure"]["threshold"]
    assert float(low) < threshold < float(high)
    assert float(np.float32(threshold)) == float(high)  # naive rounding lands on the upper value

    naive = onnx_export.to_onnx(booster, 1)
    assert onnx_export.parity(booster, naive, x) > 0.1  # the flip this module exists for
    exact = onnx_export.exact_float32_booster(booster)
    assert onnx_export.parity(exact, onnx_export.to_onnx(exact, 1), x) < 1e-6
    np.testing.assert_array_equal(exact.predict(x), booster.predict(x))


def test_zero_as_missing_is_refused() -> None:
    booster, _ = small_model(rows=500)
    text = booster.model_to_string().replace("decision_type=2 ", "decision_type=6 ", 1)
    if text == booster.model_to_string():
        pytest.skip("no numeric split with missing type None to rewrite")
    with pytest.raises(ValueError, match="zero-as-missing"):
        onnx_export.exact_float32_booster(lgb.Booster(model_str=text))


def test_missing_or_unknown_categories_go_right_in_both() -> None:
    """The rule models/README.md states for the explain service: outside the set means right."""
    rng = np.random.default_rng(0)
    x = rng.integers(0, 6, (3000, 1)).astype(np.float32)
    x[rng.random(3000) < 0.2, 0] = np.nan
    y = (np.isin(x[:, 0], [1, 4]) | np.isnan(x[:, 0])).astype(int)
    params = {
        "objective": "binary",
        "verbose": -1,
        "num_threads": 1,
        "num_leaves": 2,
        "min_data_per_group": 5,
        "cat_smooth": 1,
        "max_cat_to_onehot": 1,
    }
    booster = onnx_export.exact_float32_booster(lgb.train(params, lgb.Dataset(x, y, categorical_feature=[0]), 1))
    root = booster.dump_model()["tree_info"][0]["tree_structure"]
    in_set = [float(c) for c in root["threshold"].split("||")]
    probe = np.array([[np.nan], [99], [-1], [in_set[0]]], dtype=np.float32)
    leaves = booster.predict(probe, pred_leaf=True).ravel()
    assert leaves[0] == leaves[1] == leaves[2] != leaves[3]
    assert onnx_export.parity(booster, onnx_export.to_onnx(booster, 1), probe) < 1e-6


def test_onnx_interface() -> None:
    """A batch of any size in, one label and two class probabilities per row out, no ZipMap."""
    booster, x = small_model(rows=500)
    model = onnx_export.to_onnx(onnx_export.exact_float32_booster(booster), x.shape[1])
    dims = {o.name: o.type.tensor_type.shape.dim for o in list(model.graph.input) + list(model.graph.output)}
    assert sorted(dims) == ["features", "label", "probabilities"]
    batch = {name: d[0] for name, d in dims.items()}
    assert all(b.dim_param and not b.dim_value for b in batch.values()), batch  # symbolic batch size
    assert [d.dim_value for d in dims["features"][1:]] == [5]
    assert [d.dim_value for d in dims["probabilities"][1:]] == [2] and len(dims["label"]) == 1
    assert not any(n.op_type == "ZipMap" for n in model.graph.node)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    for rows in (1, 7):
        label, probabilities = session.run(["label", "probabilities"], {"features": x[:rows]})
        assert label.shape == (rows,) and probabilities.shape == (rows, 2)
        np.testing.assert_allclose(probabilities[:, 1], booster.predict(x[:rows]), rtol=0, atol=1e-6)
