"""Synthetic Home Credit data: the eight files of the Kaggle set, same columns and dtypes.

The figures come from calibration.json (fitted on real sample rows, holding no rows);
`generate` writes any number of applicants with a learnable default signal.
"""


def generate(*args, **kwargs):
    """See generator.generate (imported on use, so `-m ...calibration` stays light)."""
    from .generator import generate as run

    return run(*args, **kwargs)
