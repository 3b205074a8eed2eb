"""python -m octroi_training.generate --out DIR --n 20000 --n-test 5000 --seed 42"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .generator import generate


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m octroi_training.generate",
        description="Write the seven Home Credit tables (eight files) of a synthetic population.",
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write the CSV files to")
    parser.add_argument("--n", type=int, default=20_000, help="applicants with TARGET")
    parser.add_argument("--n-test", type=int, default=5_000, help="applicants without TARGET")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="parallel processes (default: one per core); output does not depend on it",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args()
    began = time.perf_counter()
    rows = generate(args.out, args.n, args.n_test, args.seed, progress=not args.quiet, workers=args.workers)
    for name, count in rows.items():
        print(f"{name:28s} {count:>12,d} rows")
    print(f"written to {args.out} in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
