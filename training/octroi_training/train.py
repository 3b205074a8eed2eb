"""Command line: ``python -m octroi_training.train --data <folder> --out <bundle folder>``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import config
from .dataset import DataError


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    defaults = config.TrainingConfig()
    parser = argparse.ArgumentParser(prog="python -m octroi_training.train", description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="folder with the Home Credit CSV files")
    parser.add_argument("--out", type=Path, required=True, help="bundle folder to write (created if needed)")
    parser.add_argument(
        "--trained-on",
        choices=("generated", "home-credit"),
        default="home-credit",
        help="data origin written to the manifest",
    )
    parser.add_argument("--folds", type=int, default=defaults.n_folds)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument(
        "--cost-fn", type=float, default=defaults.cost_false_negative, help="cost of granting a loan that defaults"
    )
    parser.add_argument(
        "--cost-fp",
        type=float,
        default=defaults.cost_false_positive,
        help="cost of refusing a loan that would have been repaid",
    )
    parser.add_argument("--threads", type=int, default=defaults.threads)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    config.wait_passively_for_threads()
    from .pipeline import run  # loads lightgbm: after the thread setting above

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", datefmt="%H:%M:%S")
    cfg = config.TrainingConfig(
        n_folds=args.folds,
        seed=args.seed,
        cost_false_negative=args.cost_fn,
        cost_false_positive=args.cost_fp,
        threads=args.threads,
    )
    try:
        run(args.data, args.out, cfg, args.trained_on)
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
