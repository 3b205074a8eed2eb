#!/usr/bin/env bash
# A second model bundle for the model lifecycle (promotion, rollback, a challenger in shadow): trained by the same
# pipeline on the same generated applicants as the shipped bundle, with another seed, two folds and shorter
# comparisons, so it scores the same clients a little differently. Written to var/models/challenger, beside a link to the shipped bundle, so
# that `MODELS_DIR=var/models` holds both. Trained again only when the training code or the generator changed.
set -euo pipefail
cd "$(dirname "$0")/.."
models=var/models
data=var/generated
mkdir -p "$models"
ln -sfn ../../models/home-credit-generated "$models/home-credit-generated"

generator=$(find training/octroi_training/generate -name '*.py' | sort | xargs cat | sha256sum | cut -c1-16)
if [ "$(cat "$data/.generator" 2>/dev/null)" != "$generator" ]; then
  echo "==> generating the shipped bundle's applicants (seeded) into $data"
  make --no-print-directory generate-data OUT="$data"
  echo "$generator" > "$data/.generator"
fi

code=$(cd training && python3 -c 'from octroi_training.export import code_version; print(code_version())')
trained="$(cat "$models/challenger/.trained" 2>/dev/null || true)"
if [ "$trained" = "$code $generator" ] && [ -f "$models/challenger/manifest.json" ]; then
  echo "==> $models/challenger is up to date"
  exit 0
fi
echo "==> training the challenger bundle into $models/challenger (a few minutes)"
rm -rf "$models/challenger"
(cd training && python3 -c '
import logging, sys
from pathlib import Path
from octroi_training import config, pipeline
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
cfg = config.TrainingConfig(n_folds=2, seed=7, comparison_rows=5000, comparison_folds=2, baseline_rows=5000)
pipeline.run(Path(sys.argv[1]), Path(sys.argv[2]), cfg, "generated")
' "../$data" "../$models/challenger")
echo "$code $generator" > "$models/challenger/.trained"
