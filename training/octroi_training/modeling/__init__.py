"""Model fitting and evaluation."""
