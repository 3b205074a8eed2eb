"""Loaders: missing files, bad columns, unreadable files, and real-shaped rows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from octroi_training import config, dataset, features, spec


def write_applications(folder: Path, rows: int = 5, drop: str | None = None) -> None:
    frame = pd.DataFrame(
        {
            "SK_ID_CURR": range(100001, 100001 + rows),
            "TARGET": [0, 1] * (rows // 2) + [0] * (rows % 2),
            "AMT_CREDIT": 1000.0,
            "AMT_ANNUITY": 100.0,
            "CODE_GENDER": "F",
            "DAYS_EMPLOYED": 365243,
        }
    )
    frame.drop(columns=[drop] if drop else []).to_csv(folder / config.APPLICATION_TRAIN, index=False)


def required_fields() -> list[str]:
    return ["AMT_CREDIT", "AMT_ANNUITY"]


def test_missing_application_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(dataset.DataError, match=r"application_train\.csv"):
        dataset.read_applications(tmp_path, required_fields())


def test_missing_required_column_names_file_and_column(tmp_path: Path) -> None:
    write_applications(tmp_path, drop="AMT_CREDIT")
    with pytest.raises(dataset.DataError, match=r"application_train\.csv: missing required column AMT_CREDIT"):
        dataset.read_applications(tmp_path, required_fields())


def test_missing_target_is_reported(tmp_path: Path) -> None:
    write_applications(tmp_path, drop="TARGET")
    with pytest.raises(dataset.DataError, match="TARGET"):
        dataset.read_applications(tmp_path, required_fields())


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00\x01garbage\x00\xff", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xd8"])
def test_unreadable_file_names_it(tmp_path: Path, content: bytes) -> None:
    (tmp_path / config.APPLICATION_TRAIN).write_bytes(content)
    with pytest.raises(dataset.DataError, match=r"application_train\.csv"):
        dataset.read_applications(tmp_path, required_fields())


def test_text_in_a_number_column_names_the_column(tmp_path: Path) -> None:
    write_applications(tmp_path)
    frame = pd.read_csv(tmp_path / config.APPLICATION_TRAIN)
    frame["AMT_CREDIT"] = frame["AMT_CREDIT"].astype(object)
    frame.loc[2, "AMT_CREDIT"] = "a lot"
    frame.to_csv(tmp_path / config.APPLICATION_TRAIN, index=False)
    with pytest.raises(dataset.DataError, match="AMT_CREDIT"):
        dataset.read_applications(tmp_path, required_fields())


def test_secondary_table_with_missing_column_names_it(tmp_path: Path) -> None:
    pd.DataFrame({"SK_ID_CURR": [1], "SK_ID_BUREAU": [2]}).to_csv(tmp_path / config.BUREAU, index=False)
    with pytest.raises(dataset.DataError, match=r"bureau\.csv: missing required column"):
        dataset.read_table(tmp_path, dataset.BUREAU)


def test_missing_secondary_tables_give_missing_features(tmp_path: Path) -> None:
    write_applications(tmp_path)
    feature_spec = features.build_feature_spec(None, {})
    applicants = dataset.read_applications(tmp_path, required_fields())
    matrix = features.build_features(tmp_path, feature_spec, applicants)
    history = [f["name"] for f in feature_spec["features"] if f["source"] != "application"]
    assert matrix.shape == (5, len(feature_spec["features"]))
    assert matrix[history].isna().all().all()
    assert matrix["DAYS_EMPLOYED"].isna().all()  # the 365243 placeholder
    assert matrix.dtypes.eq(np.float32).all()


def test_real_sample_rows(real_sample_folder: Path) -> None:
    feature_spec = features.build_feature_spec(None, {})
    applicants = dataset.read_applications(real_sample_folder, spec.raw_inputs(feature_spec))
    assert len(applicants) == 400 and applicants[config.TARGET].isin([0, 1]).all()
    assert applicants["AMT_CREDIT"].dtype == np.float32
    matrix = features.build_features(real_sample_folder, feature_spec, applicants)
    assert 150 <= matrix.shape[1] <= 250
    for source in ("bureau", "previous_application", "installments"):
        names = [f["name"] for f in feature_spec["features"] if f["source"] == source]
        assert matrix[names].notna().any().any(), source
    assert (applicants["DAYS_EMPLOYED"] == 365243).any() and not (matrix["DAYS_EMPLOYED"] == 365243).any()


def test_command_line_reports_data_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from octroi_training.train import main

    write_applications(tmp_path, drop="AMT_ANNUITY")
    assert main(["--data", str(tmp_path), "--out", str(tmp_path / "bundle")]) == 2
    assert "application_train.csv: missing required column AMT_ANNUITY" in capsys.readouterr().err


def test_target_must_be_known_and_binary(tmp_path: Path) -> None:
    write_applications(tmp_path)
    frame = pd.read_csv(tmp_path / config.APPLICATION_TRAIN)
    frame.loc[1, "TARGET"] = None
    frame.to_csv(tmp_path / config.APPLICATION_TRAIN, index=False)
    with pytest.raises(dataset.DataError, match=r"application_train\.csv: column TARGET must be 0 or 1"):
        dataset.read_applications(tmp_path, required_fields())
