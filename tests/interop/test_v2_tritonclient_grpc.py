"""Open Inference Protocol V2 over gRPC with tritonclient: raw input contents, on the gateway's gRPC port."""

import numpy as np
import pytest
import tritonclient.grpc as grpcclient
from tritonclient.utils import InferenceServerException

from conftest import API_KEY, expected

HEADERS = {"x-api-key": API_KEY}


@pytest.fixture(scope="module")
def client(octroi):
    return grpcclient.InferenceServerClient(url=octroi.grpc_address)


def infer(client, served, rows, version="", outputs=None):
    tensor = grpcclient.InferInput("features", list(rows.shape), "FP32")
    tensor.set_data_from_numpy(rows)  # sent as raw_input_contents
    requested = [grpcclient.InferRequestedOutput(name) for name in outputs] if outputs else None
    return client.infer(
        served["model"]["name"], [tensor], model_version=version, outputs=requested, headers=dict(HEADERS)
    )


def test_server_and_model_metadata(client, served):
    name, version = served["model"]["name"], served["model"]["version"]
    assert client.is_server_live(headers=dict(HEADERS)) and client.is_server_ready(headers=dict(HEADERS))
    assert "binary_tensor_data" in client.get_server_metadata(headers=dict(HEADERS)).extensions
    metadata = client.get_model_metadata(name, model_version=version, headers=dict(HEADERS))
    assert list(metadata.versions) == [version]
    assert list(metadata.inputs[0].shape) == [-1, len(served["model"]["features"])]
    assert client.is_model_ready(name, headers=dict(HEADERS))


def test_known_rows_one_and_many_with_missing_values_score_as_the_api(octroi, client, served):
    rows, ids = served["rows"], served["ids"]
    want, want_decisions = expected(octroi, ids)
    one = infer(client, served, rows[:1])
    assert np.isnan(rows[0]).any()
    assert one.as_numpy("probabilities")[0, 1] == np.float32(want[0])
    many = infer(client, served, rows, version=served["model"]["version"])
    np.testing.assert_array_equal(many.as_numpy("probabilities")[:, 1], want.astype(np.float32))
    assert [d.decode() for d in many.as_numpy("decision")] == want_decisions
    for decision_id in many.as_numpy("decision_id")[:3]:
        assert octroi.get(f"/api/v1/decisions/{decision_id.decode()}").status_code == 200


def test_outputs_and_errors(client, served):
    rows = served["rows"][:2]
    only = infer(client, served, rows, outputs=["decision"])
    assert [o.name for o in only.get_response().outputs] == ["decision"]
    wrong = grpcclient.InferInput("income", list(rows.shape), "FP32")
    wrong.set_data_from_numpy(rows)
    with pytest.raises(InferenceServerException, match='unknown input "income"'):
        client.infer(served["model"]["name"], [wrong], headers=dict(HEADERS))
    with pytest.raises(InferenceServerException, match="API key"):
        client.get_model_metadata(served["model"]["name"])
    with pytest.raises(InferenceServerException, match="No model"):
        client.get_model_metadata("another-model", headers=dict(HEADERS))
