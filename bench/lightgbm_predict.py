"""LightGBM's own predict on the bundle's model and applicants, timed like bench/scoring-inference.ts.
Prints one JSON object: single-row latency percentiles (µs) and batch throughput (rows/s)."""

import json
import sys
import time
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pyarrow.ipc as ipc


def main(bundle: Path, rows: int, batch: int) -> None:
    booster = lgb.Booster(model_file=str(bundle / "model.lgb.txt"))
    names = [feature["name"] for feature in json.loads((bundle / "feature_spec.json").read_text())["features"]]
    table = ipc.open_file(str(bundle / "features.arrow")).read_all()
    matrix = np.column_stack([table.column(name).to_numpy(zero_copy_only=False) for name in names]).astype(np.float32)
    for row in range(50):
        booster.predict(matrix[row : row + 1], num_threads=1)
    timings = []
    for row in range(rows):
        started = time.perf_counter_ns()
        booster.predict(matrix[row % len(matrix) : row % len(matrix) + 1], num_threads=1)
        timings.append((time.perf_counter_ns() - started) / 1000)
    block = matrix[:batch]
    started = time.perf_counter()
    repeats = 5
    for _ in range(repeats):
        booster.predict(block, num_threads=1)
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "singleRowMicros": {"p50": float(np.percentile(timings, 50)), "p99": float(np.percentile(timings, 99))},
                "batchRowsPerSecond": batch * repeats / elapsed,
            }
        )
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
