"""Write the model bundle (see models/README.md): ONNX with a parity check, reports, tables, manifest."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd

from . import arrow_tables, config, fairness, missing_values, onnx_export, policy, real_sample
from .generate.calibration import load as load_calibration
from .loan_reach import loan_reach
from .model_card import model_card
from .modeling import reports
from .modeling.train import TrainingResult
from .shap_reference import shap_reference
from .vectors import SampledApplicants, build_test_vectors

log = logging.getLogger(__name__)

PARITY_BOUND = 1e-5


class ParityError(Exception):
    """ONNX and LightGBM disagree: the export would not score like the trained model."""


def write_json(path: Path, content: object) -> None:
    path.write_text(json.dumps(content, indent=1, ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def code_version() -> str:
    """Digest of the training code, so a bundle says which pipeline produced it."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        if "generate" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return "training-" + digest.hexdigest()[:12]


def _manifest(out: Path, name: str, trained_on: str, rows: int, applicants: int) -> dict:
    now = dt.datetime.now(dt.UTC)
    files = [
        {"name": f, "sha256": sha256(out / f), "bytes": (out / f).stat().st_size}
        for f in config.BUNDLE_FILES
        if (out / f).exists()
    ]
    model_digest = next(f["sha256"] for f in files if f["name"] == "model.onnx")
    return {
        "name": name,
        "version": f"{now:%Y.%m.%d}-{model_digest[:6]}",
        "createdAt": now.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "trainedOn": trained_on,
        "dataRows": rows,
        "applicants": applicants,
        "codeVersion": code_version(),
        "files": files,
    }


def export_model(result: TrainingResult, x_train: np.ndarray, out: Path) -> tuple[object, float]:
    """model.onnx, model.lgb.json and model.lgb.txt from the float32-exact booster, checked on every training row."""
    booster = onnx_export.exact_float32_booster(result.booster)
    model = onnx_export.to_onnx(booster, x_train.shape[1])
    difference = onnx_export.parity(booster, model, x_train)
    log.info("export parity on %d training rows: max abs diff %.3g", len(x_train), difference)
    if not difference <= PARITY_BOUND:
        raise ParityError(f"ONNX and LightGBM differ by {difference:.3g} (> {PARITY_BOUND}) on a training row")
    (out / "model.onnx").write_bytes(model.SerializeToString())
    write_json(out / "model.lgb.json", booster.dump_model())
    # LightGBM's own text format: what LightGBM itself loads (the seed's baseline and the benchmarks use it).
    booster.save_model(str(out / "model.lgb.txt"))
    result.booster = booster
    return model, difference


def _missing_values(
    applicants: pd.DataFrame, target: np.ndarray, x: np.ndarray, result: TrainingResult, feature_spec: dict
) -> dict:
    """What missing information means in the training data, in the real sample, and to the model."""
    real_sample = load_calibration()["applications"]["missing_risk"]
    contributions = result.booster.predict(x, pred_contrib=True)
    fields = missing_values.report(applicants, target, contributions, feature_spec, real_sample)
    return {"fields": fields, "rewardedWrongly": missing_values.rewarded_wrongly(fields, real_sample)}


def write_bundle(
    out: Path,
    name: str,
    trained_on: str,
    feature_spec: dict,
    applicants: pd.DataFrame,
    x: np.ndarray,
    result: TrainingResult,
    cost_fn: float,
    cost_fp: float,
    sample: SampledApplicants | None = None,
) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    target = applicants[config.TARGET].to_numpy(np.float64)
    known = ~np.isnan(target)
    model, difference = export_model(result, x[known], out)
    probability = onnx_export.onnx_probabilities(model, x)
    features = feature_spec["features"]
    names = [f["name"] for f in features]

    write_json(out / "feature_spec.json", feature_spec)
    write_json(out / "test_vectors.json", build_test_vectors(feature_spec, sample))
    write_json(
        out / "decision.json",
        {
            "threshold": result.threshold,
            "costFalseNegative": cost_fn,
            "costFalsePositive": cost_fp,
            "rule": "refuse when probability of default >= threshold",
        },
    )
    lender_policy = policy.policy()
    write_json(out / "policy.json", lender_policy)
    metrics = result.metrics | {
        "exportParityMaxAbsDiff": difference,
        "exportParityRows": int(known.sum()),
        "missingValues": _missing_values(applicants[known], target[known], x[known], result, feature_spec),
        "counterfactualReach": loan_reach(result.booster, feature_spec, applicants, x, probability, result.threshold),
        "fairness": fairness.report(applicants[known], target[known], result.oof, result.threshold),
        "realSample": real_sample.load(),
    }
    write_json(out / "metrics.json", metrics)
    importance = reports.importance(result.booster)
    write_json(out / "importance.json", importance)
    write_json(out / "population.json", reports.population(x[known], target[known].astype(int), features))
    write_json(out / "shap_reference.json", shap_reference(result.booster, x, features))
    arrow_tables.write_ipc(arrow_tables.applicants_table(applicants), out / "applicants.arrow")
    arrow_tables.write_ipc(
        arrow_tables.features_table(applicants[config.ID].to_numpy(), target, probability, x, names),
        out / "features.arrow",
    )
    (out / "model_card.md").unlink(missing_ok=True)
    manifest = _manifest(out, name, trained_on, int(known.sum()), len(applicants))
    labels = {f["name"]: f["label"]["en"] for f in features}
    top = [f"{labels[i['feature']]} ({i['feature']})" for i in importance[:8]]
    card = model_card(
        manifest, metrics, json.loads((out / "decision.json").read_text()), len(names), top, lender_policy
    )
    (out / "model_card.md").write_text(card, encoding="utf-8")
    manifest = _manifest(out, name, trained_on, int(known.sum()), len(applicants))
    write_json(out / "manifest.json", manifest)
    return manifest
