"""LightGBM's own SHAP values (C++ pred_contrib), timed one row at a time on one thread.

The other half of bench/treeshap.ts, which starts this script and compares the two.
Reads the same model.lgb.json the explain service reads (a `dump_model()` dump, rebuilt here into
LightGBM's text format, or model.txt when it sits next to it) and the same rows.

    python3 bench/treeshap_lightgbm.py --model MODEL.lgb.json --rows ROWS.json [--seconds 3]

Prints one JSON object: microseconds per row for pred_contrib (wall clock and CPU time of this
process) and for plain prediction.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import lightgbm as lgb
import numpy as np

MISSING_TYPES = {"None": 0, "Zero": 1, "NaN": 2}


def booster_from_dump(dump: dict) -> lgb.Booster:
    """Rebuilds a Booster from dump_model() output; the dump keeps every field prediction reads."""
    trees = [tree_text(i, tree["tree_structure"]) for i, tree in enumerate(dump["tree_info"])]
    header = [
        "tree",
        "version=v4",
        f"num_class={dump['num_class']}",
        f"num_tree_per_iteration={dump['num_tree_per_iteration']}",
        f"label_index={dump['label_index']}",
        f"max_feature_idx={dump['max_feature_idx']}",
        f"objective={dump['objective']}",
        "feature_names=" + " ".join(dump["feature_names"]),
        "feature_infos=" + " ".join(feature_info(dump["feature_infos"].get(n)) for n in dump["feature_names"]),
        "",
    ]
    text = "\n".join(header) + "\n" + "".join(trees) + "end of trees\n"
    return lgb.Booster(model_str=text)


def feature_info(info: dict | None) -> str:
    if not info:
        return "none"
    if info.get("values"):
        return ":".join(str(v) for v in info["values"])
    return f"[{info['min_value']}:{info['max_value']}]"


def tree_text(index: int, root: dict) -> str:
    if "split_index" not in root:
        return (
            f"Tree={index}\nnum_leaves=1\nnum_cat=0\nleaf_value={root['leaf_value']!r}\nis_linear=0\nshrinkage=1\n\n\n"
        )
    nodes: dict[int, dict] = {}
    leaves: dict[int, dict] = {}

    def collect(node: dict) -> int:
        if "split_index" not in node:
            leaves[node["leaf_index"]] = node
            return ~node["leaf_index"]
        nodes[node["split_index"]] = node
        node["_left"], node["_right"] = collect(node["left_child"]), collect(node["right_child"])
        return node["split_index"]

    collect(root)
    internal = [nodes[i] for i in range(len(nodes))]
    leaf = [leaves[i] for i in range(len(leaves))]
    thresholds, decision_types, boundaries, words = [], [], [0], []
    for node in internal:
        kind = MISSING_TYPES[node["missing_type"]] << 2 | (2 if node["default_left"] else 0)
        if node["decision_type"] == "==":
            categories = [int(c) for c in str(node["threshold"]).split("||")]
            bitset = [0] * (max(categories) // 32 + 1)
            for c in categories:
                bitset[c // 32] |= 1 << (c % 32)
            thresholds.append(repr(float(len(boundaries) - 1)))
            words.extend(bitset)
            boundaries.append(len(words))
            kind |= 1
        else:
            thresholds.append(repr(float(node["threshold"])))
        decision_types.append(str(kind))
    join = lambda values: " ".join(str(v) for v in values)  # noqa: E731
    lines = [
        f"Tree={index}",
        f"num_leaves={len(leaf)}",
        f"num_cat={len(boundaries) - 1}",
        "split_feature=" + join(n["split_feature"] for n in internal),
        "split_gain=" + join(n.get("split_gain", 0) for n in internal),
        "threshold=" + " ".join(thresholds),
        "decision_type=" + " ".join(decision_types),
        "left_child=" + join(n["_left"] for n in internal),
        "right_child=" + join(n["_right"] for n in internal),
        "leaf_value=" + join(repr(float(n["leaf_value"])) for n in leaf),
        "leaf_weight=" + join(n.get("leaf_weight", 0) for n in leaf),
        "leaf_count=" + join(n["leaf_count"] for n in leaf),
        "internal_value=" + join(n.get("internal_value", 0) for n in internal),
        "internal_weight=" + join(n.get("internal_weight", 0) for n in internal),
        "internal_count=" + join(n["internal_count"] for n in internal),
    ]
    if len(boundaries) > 1:
        lines += ["cat_boundaries=" + join(boundaries), "cat_threshold=" + join(words)]
    lines += ["is_linear=0", "shrinkage=1", "", "", ""]
    return "\n".join(lines)


def load_booster(model_json: Path) -> lgb.Booster:
    text_model = model_json.with_name("model.txt")
    if text_model.exists():
        return lgb.Booster(model_file=str(text_model))
    return booster_from_dump(json.loads(model_json.read_text()))


def load_rows(path: Path) -> tuple[np.ndarray, np.ndarray | None]:
    """The rows, and the SHAP values the file holds for them when it does (reference files)."""
    content = json.loads(path.read_text())
    rows = np.array([[np.nan if v is None else v for v in row] for row in content["features"]], dtype=np.float32)
    contributions = content.get("contributions")
    if contributions is None and "models" in content:
        contributions = next(iter(content["models"].values()))["contributions"]
    return rows.astype(np.float64), None if contributions is None else np.asarray(contributions)


def per_row_microseconds(predict, rows: np.ndarray, seconds: float, batch: bool = False) -> tuple[float, float]:
    """Mean wall and CPU time per row, one row per call (or all rows in one call) for `seconds`."""
    inputs = [rows] if batch else [rows[i : i + 1] for i in range(len(rows))]
    for matrix in inputs[:20]:
        predict(matrix)  # warm-up
    rows_done, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        for matrix in inputs:
            predict(matrix)
        rows_done += len(rows)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return wall / rows_done * 1e6, cpu / rows_done * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    booster = load_booster(args.model)
    rows, expected = load_rows(args.rows)
    contrib = lambda row: booster.predict(row, pred_contrib=True, num_threads=1)  # noqa: E731
    score = lambda row: booster.predict(row, raw_score=True, num_threads=1)  # noqa: E731
    contributions = booster.predict(rows, pred_contrib=True, num_threads=1)
    batch_wall, batch_cpu = per_row_microseconds(contrib, rows, args.seconds, batch=True)
    # Same model as the service reads: its SHAP values are the ones the rows file was made with.
    difference = (
        None
        if expected is None or expected.shape != contributions.shape
        else float(np.abs(contributions - expected).max())
    )
    contrib_wall, contrib_cpu = per_row_microseconds(contrib, rows, args.seconds)
    print(
        json.dumps(
            {
                "lightgbm": lgb.__version__,
                "rows": len(rows),
                "trees": booster.num_trees(),
                "maxDifferenceFromRowsFile": difference,
                "predContribPerRowUs": contrib_wall,
                "predContribPerRowCpuUs": contrib_cpu,
                "predContribBatchPerRowUs": batch_wall,
                "predContribBatchPerRowCpuUs": batch_cpu,
                "rawScorePerRowUs": per_row_microseconds(score, rows, args.seconds / 3)[0],
            }
        )
    )


if __name__ == "__main__":
    main()
