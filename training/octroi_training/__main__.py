"""``python -m octroi_training --data <folder> --out <bundle>`` trains, like ``octroi_training.train``."""

import sys

from .train import main

sys.exit(main())
