"""Open Inference Protocol V2 with tritonclient, the ecosystem's reference client, over HTTP (JSON and binary)."""

import numpy as np
import pytest
import tritonclient.http as httpclient
from tritonclient.utils import InferenceServerException

from conftest import API_KEY, expected


@pytest.fixture(scope="module")
def client(octroi):
    return httpclient.InferenceServerClient(url=octroi.url.removeprefix("http://"))


# tritonclient adds its own headers to the dict it is given: each call gets a copy.
HEADERS = {"X-API-Key": API_KEY}


def infer(client, served, rows, binary, version="", outputs=None):
    tensor = httpclient.InferInput("features", list(rows.shape), "FP32")
    tensor.set_data_from_numpy(rows, binary_data=binary)
    requested = [httpclient.InferRequestedOutput(name, binary_data=binary) for name in outputs] if outputs else None
    return client.infer(
        served["model"]["name"],
        [tensor],
        model_version=version,
        outputs=requested,
        headers=dict(HEADERS),
        parameters={"portfolio": "interop"},
    )


def test_server_and_model_metadata(client, served):
    name, version = served["model"]["name"], served["model"]["version"]
    assert client.is_server_live(headers=dict(HEADERS)) and client.is_server_ready(headers=dict(HEADERS))
    assert "binary_tensor_data" in client.get_server_metadata(headers=dict(HEADERS))["extensions"]
    for asked in ("", version):
        metadata = client.get_model_metadata(name, model_version=asked, headers=dict(HEADERS))
        assert metadata["versions"] == [version]
        assert metadata["inputs"][0] == {
            "name": "features",
            "datatype": "FP32",
            "shape": [-1, len(served["model"]["features"])],
        }
        assert client.is_model_ready(name, model_version=asked, headers=dict(HEADERS))


@pytest.mark.parametrize("binary", [False, True], ids=["json", "binary"])
def test_known_rows_one_and_many_with_missing_values_score_as_the_api(octroi, client, served, binary):
    rows, ids = served["rows"], served["ids"]
    want, want_decisions = expected(octroi, ids)
    one = infer(client, served, rows[:1], binary)  # a row with missing values, sent as NaN
    assert np.isnan(rows[0]).any()
    assert one.as_numpy("probabilities")[0, 1] == np.float32(want[0])
    many = infer(client, served, rows, binary, version=served["model"]["version"])
    probabilities = many.as_numpy("probabilities")
    assert probabilities.shape == (len(ids), 2)
    np.testing.assert_array_equal(probabilities[:, 1], want.astype(np.float32))
    np.testing.assert_allclose(probabilities.sum(axis=1), 1, atol=1e-6)
    assert [d.decode() for d in many.as_numpy("decision")] == want_decisions
    assert many.get_response()["parameters"] == {"portfolio": "interop"}


def test_every_inference_is_an_audited_decision(octroi, client, served):
    result = infer(client, served, served["rows"][:3], True)
    probabilities = result.as_numpy("probabilities")[:, 1]
    for decision_id, probability in zip(result.as_numpy("decision_id"), probabilities, strict=True):
        recorded = octroi.get(f"/api/v1/decisions/{decision_id.decode()}")
        assert recorded.status_code == 200
        assert np.float32(recorded.json()["probabilityOfDefault"]) == probability


def test_only_the_outputs_asked_for(client, served):
    result = infer(client, served, served["rows"][:2], False, outputs=["probabilities"])
    assert [o["name"] for o in result.get_response()["outputs"]] == ["probabilities"]


def test_errors_in_the_protocol_shape(client, served):
    rows = served["rows"][:1]
    wrong = httpclient.InferInput("income", list(rows.shape), "FP32")
    wrong.set_data_from_numpy(rows, binary_data=False)
    with pytest.raises(InferenceServerException, match='unknown input "income"'):
        client.infer(served["model"]["name"], [wrong], headers=dict(HEADERS))
    with pytest.raises(InferenceServerException, match="features per row"):
        infer(client, served, rows[:, :5], True)
    with pytest.raises(InferenceServerException, match="No version"):
        infer(client, served, rows, False, version="0.0.0")
    with pytest.raises(InferenceServerException, match="API key"):
        client.get_model_metadata(served["model"]["name"])
