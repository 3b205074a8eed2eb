"""Octroi training pipeline: Home Credit tables in, a self-describing model bundle out."""
