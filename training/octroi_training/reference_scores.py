"""``python -m octroi_training.reference_scores --model <bundle> --data <folder> --out <json>``

The training pipeline's own view of a folder's applicants (application files and secondary tables under their
standard names): their features, computed exactly as for training, and LightGBM's probability of default with the
bundle's model. Tests hold the services' scores (API, batch file) against it; nothing scores with it in production.
Writes ``{"ids": [...], "probabilities": [...], "features": {name: [value or null, ...]}}``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np

from . import config, dataset, features


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True, help="the model bundle folder")
    parser.add_argument("--data", type=Path, required=True, help="folder of application_train.csv and the tables")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)

    feature_spec = json.loads((args.model / "feature_spec.json").read_text(encoding="utf-8"))
    applicants = dataset.read_applications(args.data, [])
    matrix = features.build_features(args.data, feature_spec, applicants).to_numpy(dtype=np.float32)
    booster = lgb.Booster(model_file=str(args.model / "model.lgb.txt"))
    probabilities = booster.predict(matrix)
    names = [f["name"] for f in feature_spec["features"]]
    args.out.write_text(
        json.dumps(
            {
                "ids": applicants[config.ID].astype(int).tolist(),
                "probabilities": probabilities.tolist(),
                "features": {
                    name: [None if np.isnan(v) else float(v) for v in matrix[:, i]] for i, name in enumerate(names)
                },
            }
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
