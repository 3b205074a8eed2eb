"""The lender's policy: protected attributes are never model inputs, yet stay raw fields."""

from __future__ import annotations

import copy

import pytest

from octroi_training import features, policy


@pytest.fixture(scope="module")
def declared() -> dict:
    return features.build_feature_spec(None, {})


def test_no_feature_reads_a_protected_attribute(declared: dict) -> None:
    names = {f["name"] for f in declared["features"]}
    assert not names & {"CODE_GENDER", "NAME_FAMILY_STATUS", "CNT_CHILDREN", "CNT_FAM_MEMBERS", "DAYS_BIRTH"}
    assert not names & {"EMPLOYED_AGE_RATIO", "REGISTRATION_AGE_RATIO", "PHONE_CHANGE_AGE_RATIO", "CAR_AGE_RATIO"}
    assert "INCOME_PER_PERSON" in names  # household size read only through the income per member
    assert policy.protected_features(declared) == []
    policy.check_features(declared)


def test_protected_attributes_remain_raw_fields_with_their_values(declared: dict) -> None:
    raw = {f["name"]: f for f in declared["rawFields"]}
    assert raw["CODE_GENDER"]["categories"][:2] == ["F", "M"]
    assert "Married" in raw["NAME_FAMILY_STATUS"]["categories"]
    assert raw["CNT_CHILDREN"]["type"] == "number"


def test_the_specification_leaves_out_what_reads_a_protected_attribute() -> None:
    everything = features.build_feature_spec(None, {}, protected=())
    without_age = features.build_feature_spec(None, {}, protected=("DAYS_BIRTH",))
    dropped = {f["name"] for f in everything["features"]} - {f["name"] for f in without_age["features"]}
    assert dropped == {
        "DAYS_BIRTH",
        "EMPLOYED_AGE_RATIO",
        "REGISTRATION_AGE_RATIO",
        "PHONE_CHANGE_AGE_RATIO",
        "CAR_AGE_RATIO",
    }
    # Only the derivations the remaining features read are kept.
    assert "DAYS_BIRTH" not in {d["name"] for d in without_age["derivations"]}
    assert "DAYS_EMPLOYED" in {d["name"] for d in without_age["derivations"]}


def test_a_feature_derived_from_a_protected_attribute_is_found(declared: dict) -> None:
    spec = copy.deepcopy(declared)
    spec["derivations"] += [
        {"name": "CNT_CHILDREN", "op": "number", "inputs": ["CNT_CHILDREN"]},
        {"name": "CHILD_SHARE", "op": "ratio", "inputs": ["CNT_CHILDREN", "CNT_FAM_MEMBERS"]},
        {"name": "CHILD_SHARE_TWICE", "op": "sum", "inputs": ["CHILD_SHARE", "CHILD_SHARE"]},
    ]
    spec["features"] += [{"name": "CHILD_SHARE_TWICE", "source": "application"}]
    assert policy.protected_features(spec) == ["CHILD_SHARE_TWICE"]
    with pytest.raises(policy.PolicyError, match="CHILD_SHARE_TWICE"):
        policy.check_features(spec)
    spec["features"] += [{"name": "CODE_GENDER", "source": "application"}]
    assert policy.protected_features(spec) == ["CHILD_SHARE_TWICE", "CODE_GENDER"]


def test_policy_file_shape() -> None:
    written = policy.policy()
    assert set(written["protectedAttributes"]) <= set(written["nonActionable"])
    assert not set(written["actionable"]) & set(written["nonActionable"])
    assert set(written["monitoredAttributes"]) <= set(written["nonActionable"])
    for name in written["protectedAttributes"]:
        assert len(written["reasons"][name]) > 40, name
    assert 0 <= written["referral"]["band"] < 0.1
