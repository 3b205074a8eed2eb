"""Figures measured on the real sample, committed as figures only (``real_sample.json``, no rows).

    python -m octroi_training.real_sample          # reads HOME_CREDIT_DATA, rewrites real_sample.json

The shipped bundle is trained on generated data; what only real applicants can tell is measured
here, with the shipped training procedure (class-imbalance choice, nested cross-validation, thin
files) on the 6,229 labelled applicants of the real sample and the history linked to about 1,000
of them:
- what age adds: cross-validated AUC and fairness with and without every feature that reads DAYS_BIRTH;
- fairness by gender and age band of the cross-validated decisions;
- thin files: how the scores of the clients with a linked history move when it is removed.
Every bundle's metrics.json and model card repeat these figures. A test recomputes them when the
real sample is present and checks the committed ones.
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
from functools import cache
from pathlib import Path

import numpy as np

from . import config

log = logging.getLogger(__name__)

FIGURES_FILE = Path(__file__).with_name("real_sample.json")
AGE_FIELD = "DAYS_BIRTH"


def standard_folder(sample: Path, into: Path) -> Path:
    """The sample's files under the standard names (links, never copies of the rows)."""
    (into / config.APPLICATION_TRAIN).symlink_to(sample / "application_train_sample.csv")
    for table in (sample / "linked").glob("*.csv"):
        (into / table.name).symlink_to(table)
    return into


def _columns(feature_spec: dict, keep: list[int]):
    from .modeling.lgbm import Columns

    chosen = [feature_spec["features"][i] for i in keep]
    return Columns(
        names=[f["name"] for f in chosen],
        categorical=[j for j, f in enumerate(chosen) if f["kind"] == "categorical"],
        history=[j for j, f in enumerate(chosen) if f["source"] != "application"],
    )


def measure(sample: Path, cfg: config.TrainingConfig) -> dict:
    # Imported here, so that the command sets how threads wait before LightGBM loads.
    from sklearn.metrics import roc_auc_score

    from . import dataset, fairness, features, policy, spec, thin_files
    from .modeling import lgbm, metrics
    from .modeling.train import compare_imbalance, imbalance_options

    with tempfile.TemporaryDirectory() as tmp:
        folder = standard_folder(sample, Path(tmp))
        declared = features.build_feature_spec(None, {})
        applicants = dataset.read_applications(folder, spec.raw_inputs(declared))
        # Every feature the policy allows, and those reading the age as well, to measure what age adds.
        with_age = [name for name in policy.PROTECTED if name != AGE_FIELD]
        feature_spec = features.build_feature_spec(applicants, {}, protected=with_age)
        x = features.build_features(folder, feature_spec, applicants).to_numpy(dtype=np.float32)
    y = applicants[config.TARGET].to_numpy().astype(np.int32)
    sources = spec.raw_sources(feature_spec)
    reads_age = [i for i, f in enumerate(feature_spec["features"]) if AGE_FIELD in sources.get(f["name"], set())]
    shipped = [i for i in range(x.shape[1]) if i not in reads_age]
    columns = _columns(feature_spec, shipped)
    chosen, _ = compare_imbalance(x[:, shipped], y, columns, cfg)
    params = lgbm.base_params(cfg) | imbalance_options(y)[chosen]
    cv = lgbm.nested_cv(x[:, shipped], y, columns, params, cfg, "real sample", compare_remedy=True)
    threshold, _ = metrics.best_threshold(y, cv.oof, cfg.cost_false_negative, cfg.cost_false_positive)
    everything = list(range(x.shape[1]))
    aged = lgbm.nested_cv(x, y, _columns(feature_spec, everything), params, cfg, "with age")
    aged_threshold, _ = metrics.best_threshold(y, aged.oof, cfg.cost_false_negative, cfg.cost_false_positive)
    return {
        "about": "Measured on the labelled applications of the real sample by the shipped training procedure "
        "(nested cross-validation); figures only, no rows.",
        "rows": len(y),
        "defaultRate": float(y.mean()),
        "classImbalance": chosen,
        "auc": float(roc_auc_score(y, cv.oof)),
        "threshold": threshold,
        "age": {
            "features": [feature_spec["features"][i]["name"] for i in reads_age],
            "aucWith": float(roc_auc_score(y, aged.oof)),
            "aucWithout": float(roc_auc_score(y, cv.oof)),
            "foldAucWith": aged.fold_auc,
            # The decisions of the model with age, each at its own cost-minimising threshold.
            "fairnessWith": fairness.report(applicants, y, aged.oof, aged_threshold),
            "foldAucWithout": cv.fold_auc,
        },
        "fairness": fairness.report(applicants, y, cv.oof, threshold),
        "thinFile": thin_files.report(
            y,
            cv.oof,
            cv.oof_without_history,
            thin_files.has_history(x[:, shipped], columns.history),
            threshold,
            cfg.thin_file_share,
            cv.unremedied,
            thin_files.little_history(x[:, shipped], columns.names),
        ),
    }


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


@cache
def _load(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def load(path: Path = FIGURES_FILE) -> dict:
    """The committed real-sample figures."""
    return json.loads(_load(str(path)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m octroi_training.real_sample", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=config.SAMPLE_DATA_DIR, help="the real sample folder")
    parser.add_argument("--out", type=Path, default=FIGURES_FILE)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", datefmt="%H:%M:%S")
    config.wait_passively_for_threads()
    figures = _rounded(measure(args.data, config.TrainingConfig()))
    args.out.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    log.info("real-sample figures written to %s", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
