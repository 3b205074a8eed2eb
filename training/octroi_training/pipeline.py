"""One training run: input folder → features → cross-validated model → bundle."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import numpy as np

from . import config, dataset, descriptions, export, features, policy, spec
from .modeling.lgbm import Columns
from .modeling.train import train
from .vectors import SampledApplicants

log = logging.getLogger(__name__)


def run(data_dir: Path, out: Path, cfg: config.TrainingConfig, trained_on: str, name: str | None = None) -> dict:
    started = time.perf_counter()
    declared_spec = features.build_feature_spec(None, {})
    applicants = dataset.read_applications(data_dir, spec.raw_inputs(declared_spec))
    log.info("%d applicants (%d with a known outcome)", len(applicants), applicants[config.TARGET].notna().sum())
    column_text = descriptions.application_descriptions(descriptions.find_descriptions(data_dir))
    feature_spec = features.build_feature_spec(applicants, column_text)
    policy.check_features(feature_spec)
    known = applicants[config.TARGET].notna().to_numpy()
    sample = SampledApplicants(applicants[known])  # a few applicants and their history, for the test vectors
    matrix = features.build_features(data_dir, feature_spec, applicants, tap=sample.keep)
    x = matrix.to_numpy(dtype=np.float32)  # float32 before training: exactly what ONNX will see
    del matrix
    y = applicants.loc[known, config.TARGET].to_numpy().astype(np.int32)
    columns = Columns(
        names=[f["name"] for f in feature_spec["features"]],
        categorical=[i for i, f in enumerate(feature_spec["features"]) if f["kind"] == "categorical"],
        history=[i for i, f in enumerate(feature_spec["features"]) if f["source"] != "application"],
    )
    log.info("feature matrix: %d applicants × %d features (%.0f s)", *x.shape, time.perf_counter() - started)
    result = train(x[known], y, columns, cfg)
    manifest = export.write_bundle(
        out,
        name or out.name,
        trained_on,
        feature_spec,
        applicants,
        x,
        result,
        cfg.cost_false_negative,
        cfg.cost_false_positive,
        sample,
    )
    log.info("bundle %s written to %s in %.0f s", manifest["version"], out, time.perf_counter() - started)
    return manifest
