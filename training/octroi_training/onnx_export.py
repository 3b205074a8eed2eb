"""LightGBM → ONNX with exact agreement on float32 inputs.

ONNX tree ensembles compare float32 inputs with float32 thresholds, while LightGBM compares with
double thresholds. Rounding a double threshold to the nearest float32 can move it above the
double value, and a feature exactly at that float32 then takes the other branch (a "leaf flip").
Since every model input is float32, the fix is exact: replace each numeric threshold t by the
largest float32 t32 <= t; for any float32 x, x <= t  ⟺  x <= t32. The booster itself is rewritten
with those thresholds, so LightGBM, ONNX and the TreeSHAP dump all use the very same numbers.

Missing values: LightGBM sends NaN to the default child when a node's missing type is NaN, but
treats NaN as 0.0 when the missing type is None (the feature had no missing value in training).
ONNX only knows "missing goes left/right", so None nodes are rewritten as NaN nodes whose default
child is the one 0.0 would take: the same routing, expressible in ONNX.
"""

from __future__ import annotations

import re

import lightgbm as lgb
import numpy as np
import onnx
import onnxmltools
import onnxruntime as ort
from onnxmltools.convert.common.data_types import FloatTensorType

INPUT_NAME = "features"
CATEGORICAL_MASK, DEFAULT_LEFT_MASK = 1, 2
MISSING_NONE, MISSING_ZERO, MISSING_NAN = 0, 1, 2


def float32_floor(t: float) -> float:
    """The largest float32 not greater than t, as a Python float."""
    t32 = np.float32(t)
    if float(t32) > t:
        t32 = np.nextafter(t32, np.float32(-np.inf))
    return float(t32)


def _rewrite_tree(block: str) -> str:
    thresholds = re.search(r"^threshold=(.*)$", block, re.M)
    decisions = re.search(r"^decision_type=(.*)$", block, re.M)
    if thresholds is None or decisions is None:
        return block  # a single-leaf tree has no split
    values = thresholds.group(1).split()
    types = [int(d) for d in decisions.group(1).split()]
    for i, decision in enumerate(types):
        if decision & CATEGORICAL_MASK:
            continue  # categorical thresholds index the category bitsets, not values
        t = float32_floor(float(values[i]))
        values[i] = repr(t)
        missing = (decision >> 2) & 3
        if missing == MISSING_ZERO:
            raise ValueError("zero-as-missing splits cannot be exported exactly; train with zero_as_missing=false")
        if missing == MISSING_NONE:
            zero_goes_left = t >= 0.0
            decision = (decision & ~DEFAULT_LEFT_MASK & ~(3 << 2)) | (MISSING_NAN << 2)
            types[i] = decision | (DEFAULT_LEFT_MASK if zero_goes_left else 0)
    block = block.replace(thresholds.group(0), "threshold=" + " ".join(values))
    return block.replace(decisions.group(0), "decision_type=" + " ".join(str(d) for d in types))


def exact_float32_booster(booster: lgb.Booster) -> lgb.Booster:
    """The same model with float32 thresholds and explicit NaN routing (identical on float32 inputs)."""
    text = booster.model_to_string(num_iteration=-1)
    head, sep, rest = text.partition("Tree=")
    # Tree byte sizes change with the rewritten numbers; without them LightGBM parses sequentially.
    head = re.sub(r"^tree_sizes=.*\n", "", head, flags=re.M)
    trees, end_sep, tail = rest.partition("end of trees")
    blocks = trees.split("Tree=")
    rewritten = sep + "Tree=".join(_rewrite_tree(b) for b in blocks) + end_sep + tail
    return lgb.Booster(model_str=head + rewritten)


def to_onnx(booster: lgb.Booster, n_features: int) -> onnx.ModelProto:
    """Convert (ZipMap off): input ``features`` float32 [N, F], outputs ``label`` and ``probabilities``."""
    model = onnxmltools.convert_lightgbm(
        booster,
        initial_types=[(INPUT_NAME, FloatTensorType([None, n_features]))],
        zipmap=False,
        target_opset=15,
    )
    outputs = [o.name for o in model.graph.output]
    renames = {outputs[0]: "label", outputs[1]: "probabilities"}
    for node in model.graph.node:
        node.output[:] = [renames.get(name, name) for name in node.output]
    for output in model.graph.output:
        output.name = renames.get(output.name, output.name)
    # The converter declares the label as [1] and leaves the input's batch size unnamed: one
    # symbolic size N says that every output has one row per input row.
    for value in [*model.graph.input, *model.graph.output]:
        value.type.tensor_type.shape.dim[0].dim_param = "N"
    model.graph.name = "octroi_lightgbm"  # the converter draws a random name; keep the bytes reproducible
    onnx.checker.check_model(model)
    return model


def onnx_probabilities(model: onnx.ModelProto, x: np.ndarray, batch: int = 50_000) -> np.ndarray:
    """Probability of default from onnxruntime, batch by batch to bound memory."""
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    parts = [
        session.run(["probabilities"], {INPUT_NAME: x[i : i + batch].astype(np.float32)})[0][:, 1]
        for i in range(0, len(x), batch)
    ]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def parity(booster: lgb.Booster, model: onnx.ModelProto, x: np.ndarray) -> float:
    """Largest absolute difference of probabilities, ONNX against LightGBM, over the given rows."""
    expected = booster.predict(x)
    actual = onnx_probabilities(model, x).astype(np.float64)
    return float(np.max(np.abs(expected - actual))) if len(x) else 0.0
