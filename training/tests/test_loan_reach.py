"""The ceiling of counterfactual suggestions: how many refused applicants a change of the loan alone could help."""

from __future__ import annotations

import numpy as np
import pandas as pd

from octroi_training import features, spec
from octroi_training.loan_reach import loan_reach


class LoanSizedModel:
    """A stand-in model whose risk is the loan in years of income: a smaller loan lowers it, nothing else does."""

    def __init__(self, feature_spec: dict) -> None:
        names = [f["name"] for f in feature_spec["features"]]
        self.column = names.index("CREDIT_INCOME_RATIO")
        self.width = len(names)

    def predict(self, x: np.ndarray, pred_contrib: bool = False) -> np.ndarray:
        risk = x[:, self.column] / 10
        if not pred_contrib:
            return risk
        contributions = np.zeros((len(x), self.width + 1))
        contributions[:, self.column] = risk
        return contributions


def test_only_applicants_a_smaller_loan_brings_under_the_threshold_are_reachable() -> None:
    feature_spec = features.build_feature_spec(None, {})
    applicants = pd.DataFrame(
        {
            "AMT_INCOME_TOTAL": [100000.0] * 4,
            "AMT_CREDIT": [200000.0, 900000.0, 5000.0, 3000000.0],  # risk 0.2, 0.9, 0.005, 3.0
            "AMT_ANNUITY": [10000.0, 45000.0, 300.0, 150000.0],
            "AMT_GOODS_PRICE": [200000.0, 900000.0, np.nan, 3000000.0],
        }
    )
    x = (
        spec.application_features(feature_spec, applicants)
        .reindex(columns=[f["name"] for f in feature_spec["features"]])
        .to_numpy(np.float32)
    )
    model = LoanSizedModel(feature_spec)
    reach = loan_reach(model, feature_spec, applicants, x, model.predict(x), threshold=0.5)
    assert reach["refused"] == 2  # 900,000 and 3,000,000
    # 900,000 down to 450,000 (a factor of 0.5) is under 0.5; 3,000,000 needs a factor under 1/6: a tenth does.
    assert reach["reachable"] == 2
    reach = loan_reach(model, feature_spec, applicants, x, model.predict(x), threshold=0.2)
    # At 0.2, 3,000,000 needs under 200,000: a tenth is 300,000, not enough; 200,000 itself is refused (0.2 >= 0.2).
    assert (reach["refused"], reach["reachable"]) == (3, 2)
    assert reach["topReasons"][0]["feature"] == "CREDIT_INCOME_RATIO"
