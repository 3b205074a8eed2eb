"""The seed's design, as the baseline of bench/serving.ts: one Flask process that loads the LightGBM model
and the applicants' features, and answers /get_score/<id> with predict_proba on every request."""
import argparse
import json
import os
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pyarrow.ipc as ipc
from flask import Flask, abort, jsonify
from werkzeug.serving import WSGIRequestHandler


def create_app(bundle: Path) -> Flask:
    booster = lgb.Booster(model_file=str(bundle / "model.lgb.txt"))
    spec = json.loads((bundle / "feature_spec.json").read_text())
    names = [feature["name"] for feature in spec["features"]]
    table = ipc.open_file(str(bundle / "features.arrow")).read_all()
    ids = table.column("SK_ID_CURR").to_numpy()
    matrix = np.column_stack([table.column(name).to_numpy(zero_copy_only=False) for name in names]).astype(np.float32)
    row_of = {int(client_id): row for row, client_id in enumerate(ids)}

    app = Flask(__name__)

    @app.get("/get_score/<int:client_id>")
    def get_score(client_id: int):
        row = row_of.get(client_id)
        if row is None:
            abort(404)
        probability = float(booster.predict(matrix[row : row + 1], num_threads=1)[0])
        return jsonify(prediction=[1 - probability, probability])

    return app


def create_app_from_env() -> Flask:
    """For a WSGI server: ``gunicorn "flask_app:create_app_from_env()"`` with OCTROI_BUNDLE set."""
    return create_app(Path(os.environ["OCTROI_BUNDLE"]))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, required=True)
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()
    # Keep-alive, as any load balancer in front of it would use: the baseline is measured at its best.
    WSGIRequestHandler.protocol_version = "HTTP/1.1"
    create_app(args.bundle).run(host="127.0.0.1", port=args.port, threaded=True)
