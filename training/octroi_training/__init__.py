"""Octroi training pipeline: Home Credit tables in, a self-describing model bundle out."""
import os

# LightGBM's OpenMP threads spin while waiting for each other; on a machine shared with other
# work that spinning steals the CPU they wait for, and two threads run several times slower than
# one. Passive waiting keeps multi-threading a gain. It must be set before lightgbm is loaded.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
