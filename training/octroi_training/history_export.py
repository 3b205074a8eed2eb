"""``python -m octroi_training.history_export --data <folder> --applications <csv> --out <arrow>``

The history aggregates (bureau, previous applications, instalments, cards) of the applicants of one application
file, computed by the training pipeline's own code from the secondary tables in <folder>, written as an Arrow
IPC file (SK_ID_CURR then one float32 column per history feature). The batch scorer merges them with the
application features it derives itself."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa

from . import config
from .arrow_tables import write_ipc
from .features import history_features


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding the secondary tables")
    parser.add_argument(
        "--applications", type=Path, required=True, help="the application CSV whose applicants to aggregate"
    )
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)

    ids = pd.read_csv(args.applications, usecols=[config.ID])[config.ID]
    history = history_features(args.data, ids)
    table = pa.table(
        {
            config.ID: pa.array(ids.to_numpy(), type=pa.int32()),
            **{name: pa.array(history[name].to_numpy()) for name in history.columns},
        }
    )
    write_ipc(table, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
