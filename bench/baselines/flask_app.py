"""The seed's design, the baseline of bench/serving.ts: one Flask app that loads the LightGBM model and the
applicants, and answers /get_score/<id> by predicting on every request.

Two ways of running it are measured:
- ``--design seed``: as the seed was built and run. The applicants are a pandas DataFrame, the model is
  LightGBM's scikit-learn classifier, each request calls ``predict_proba`` on the client's row, and Flask's own
  server answers (it closes the connection after every response).
- ``--design tuned``: the same app at its best in Python, for reference. The applicants are a float32 matrix,
  each request calls the booster's ``predict`` on one row with one thread, and gunicorn serves it
  (``gunicorn "flask_app:create_app_from_env()"`` with OCTROI_BUNDLE set).
"""

import argparse
import json
import os
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pyarrow.ipc as ipc
from flask import Flask, abort, jsonify


def classifier_from_booster(booster: lgb.Booster, n_features: int) -> lgb.LGBMClassifier:
    """The scikit-learn classifier around a trained booster, as the seed kept it (a pickled LGBMClassifier)."""
    classifier = lgb.LGBMClassifier()
    classifier._Booster = booster
    classifier._n_features = classifier._n_features_in = classifier.n_features_in_ = n_features
    classifier._n_classes = 2
    classifier._classes = np.array([0, 1])
    classifier._objective = "binary"
    classifier.fitted_ = True
    return classifier


def create_app(bundle: Path, design: str = "tuned") -> Flask:
    booster = lgb.Booster(model_file=str(bundle / "model.lgb.txt"))
    spec = json.loads((bundle / "feature_spec.json").read_text())
    names = [feature["name"] for feature in spec["features"]]
    table = ipc.open_file(str(bundle / "features.arrow")).read_all()
    app = Flask(__name__)

    if design == "seed":
        applicants = table.to_pandas().set_index("SK_ID_CURR")[names].astype(np.float32)
        model = classifier_from_booster(booster, len(names))
        first = applicants.iloc[[0]]
        assert abs(model.predict_proba(first)[0, 1] - booster.predict(first.to_numpy())[0]) < 1e-9

        @app.get("/get_score/<int:client_id>")
        def get_score(client_id: int):
            if client_id not in applicants.index:
                abort(404)
            prediction = model.predict_proba(applicants.loc[[client_id]])[0]
            return jsonify(prediction=prediction.tolist())

    else:
        ids = table.column("SK_ID_CURR").to_numpy()
        columns = [table.column(name).to_numpy(zero_copy_only=False) for name in names]
        matrix = np.column_stack(columns).astype(np.float32)
        row_of = {int(client_id): row for row, client_id in enumerate(ids)}

        @app.get("/get_score/<int:client_id>")
        def get_score(client_id: int):
            row = row_of.get(client_id)
            if row is None:
                abort(404)
            probability = float(booster.predict(matrix[row : row + 1], num_threads=1)[0])
            return jsonify(prediction=[1 - probability, probability])

    return app


def create_app_from_env() -> Flask:
    """For a WSGI server, with OCTROI_BUNDLE (and optionally OCTROI_DESIGN) set."""
    return create_app(Path(os.environ["OCTROI_BUNDLE"]), os.environ.get("OCTROI_DESIGN", "tuned"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, required=True)
    parser.add_argument("--design", choices=["seed", "tuned"], default="seed")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()
    create_app(args.bundle, args.design).run(host="127.0.0.1", port=args.port)
