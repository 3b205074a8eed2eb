"""The OpenAPI document is strict, and every route answers as it says: real responses checked by openapi-core."""

import time

import requests
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from openapi_spec_validator import validate

from conftest import ADMIN, LEGACY_KEY

METHODS = {"get", "put", "post", "delete", "patch"}


def operations(document):
    return {
        operation["operationId"]: (method, path)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    }


def test_the_document_is_strict(octroi):
    document = octroi.get("/docs/json").json()
    validate(document)  # openapi-spec-validator, OpenAPI 3.1
    assert document["servers"] and document["info"]["license"]["name"]
    every = [op for item in document["paths"].values() for m, op in item.items() if m in METHODS]
    assert all("operationId" in op for op in every)
    assert len({op["operationId"] for op in every}) == len(every)
    for op in every:
        for parameter in op.get("parameters", []):
            if "default" in parameter.get("schema", {}):
                assert parameter["required"] is False, (op["operationId"], parameter["name"])
    application = document["components"]["schemas"]["NewApplication"]
    assert application["propertyNames"]["pattern"].startswith("^([A-Z0-9_]{1,60}|bureau|")


def test_every_route_answers_as_documented(octroi):
    document = octroi.get("/docs/json").json()
    openapi = OpenAPI.from_dict(document)
    client_id = octroi.get("/get_id_client").json()["data"][0]
    model = octroi.get("/api/v1/model").json()
    feature, other = model["features"][0]["name"], model["features"][1]["name"]
    application = {
        "NAME_CONTRACT_TYPE": "Cash loans",
        "AMT_CREDIT": 400000,
        "AMT_ANNUITY": 20000,
        "AMT_GOODS_PRICE": 350000,
        "AMT_INCOME_TOTAL": 150000,
        "NAME_INCOME_TYPE": "Working",
        "NAME_EDUCATION_TYPE": "Higher education",
        "NAME_HOUSING_TYPE": "House / apartment",
        "NAME_FAMILY_STATUS": "Married",
        "CODE_GENDER": "M",
        "DAYS_BIRTH": -14000,
        "DAYS_EMPLOYED": -3000,
        "CNT_CHILDREN": 0,
        "CNT_FAM_MEMBERS": 2,
    }
    scored = octroi.post("/api/v1/score", json=application)
    assert scored.status_code == 200, scored.text
    decision_id = scored.json()["decisionId"]
    width = len(model["features"])
    infer = {"inputs": [{"name": "features", "shape": [1, width], "datatype": "FP32", "data": [0.5] * width}]}
    legacy = f"/legacy/{LEGACY_KEY}"
    officer = requests.Session()
    # Officers' routes need a person: the demo officer and an administrator, each in a session of their own.
    person, admin = requests.Session(), requests.Session()
    person.post(octroi.url + "/api/v1/session", json={"username": "officer", "password": "interop-demo-password"})
    for _ in range(40):  # the gateway reads the users file again within seconds
        if admin.post(octroi.url + "/api/v1/session", json={"username": ADMIN, "password": octroi.admin_password}).ok:
            break
        time.sleep(0.25)
    referred = octroi.get("/api/v1/clients", params={"pageSize": 1, "decision": "referred"}).json()["items"]
    if referred:  # a referred known client's decision of record joins the review queue
        octroi.get(f"/api/v1/clients/{referred[0]['clientId']}/score")
    waiting = octroi.get("/api/v1/reviews").json()["referrals"]
    review = (
        (f"/api/v1/reviews/{waiting[0]['decisionId']}", 200) if waiting else (f"/api/v1/reviews/{decision_id}", 404)
    )
    # takeNextReview gives the officer the oldest case left once decision_id is decided, which they then give back.
    undecided = [r["decisionId"] for r in waiting if r["decisionId"] != decision_id]
    release = (
        (f"/api/v1/reviews/{undecided[0]}/claim", 200)
        if undecided
        else ("/api/v1/reviews/0190c0de-0000-7000-8000-000000000000/claim", 404)  # never referred
    )
    verdict = {
        "decisionId": decision_id,
        "decision": "granted",
        "reasonCode": "documents-verified",
        "justification": "Payslips and a bank statement checked with the applicant.",
    }
    # A batch job of two applications, done before its results are asked for.
    columns = list(application)
    batch = "\n".join([",".join(columns), *[",".join(str(application[c]) for c in columns)] * 2]) + "\n"
    csv_body = {"data": batch, "headers": {"Content-Type": "text/csv"}}
    job = octroi.post("/api/v1/batches", **csv_body)
    assert job.status_code == 202, job.text
    job_id = job.json()["id"]
    for _ in range(240):
        if octroi.get(f"/api/v1/batches/{job_id}").json()["state"] == "done":
            break
        time.sleep(0.25)
    sessions = {"signIn": officer, "getSession": officer, "signOut": officer}
    sessions |= {"recordOfficerDecision": person, "takeNextReview": person, "getOverridesReport": admin}
    sessions |= {"releaseReview": person}
    sessions |= {"promoteChampion": admin, "setChallenger": admin, "retireChallenger": admin}
    roles = {"version": model["version"], "reason": "the shipped bundle stays the champion"}

    # operationId: (method, path, request options, expected status); `officer` is a signed-in dashboard session.
    calls = {
        "getHealth": ("get", "/healthz", {}, 200),
        "getReadiness": ("get", "/readyz", {}, 200),
        "getMetrics": ("get", "/metrics", {}, 200),
        "signIn": (
            "post",
            "/api/v1/session",
            {"json": {"username": "officer", "password": "interop-demo-password"}},
            200,
        ),
        "getSession": ("get", "/api/v1/session", {}, 200),
        "signOut": ("delete", "/api/v1/session", {}, 204),
        "listClients": ("get", "/api/v1/clients", {"params": {"pageSize": 3, "decision": "refused"}}, 200),
        "getClient": ("get", f"/api/v1/clients/{client_id}", {"params": {"language": "en"}}, 200),
        "scoreKnownClient": ("get", f"/api/v1/clients/{client_id}/score", {}, 200),
        "getSimilarClients": ("get", f"/api/v1/clients/{client_id}/similar", {"params": {"k": 3}}, 200),
        "getPopulation": ("get", f"/api/v1/population/{feature}", {"params": {"clientId": client_id}}, 200),
        "getPopulationSample": (
            "get",
            "/api/v1/population-sample",
            {"params": {"x": feature, "y": other, "size": 10}},
            200,
        ),
        "scoreApplications": ("post", "/api/v1/score", {"json": {"applications": [application, application]}}, 200),
        "getModel": ("get", "/api/v1/model", {}, 200),
        "getReferralBand": ("get", "/api/v1/model/referral-band", {}, 200),
        "getDecision": ("get", f"/api/v1/decisions/{decision_id}", {}, 200),
        "explainClient": ("get", f"/api/v1/clients/{client_id}/explanation", {}, 200),
        "getCounterfactual": ("get", f"/api/v1/clients/{client_id}/counterfactual", {}, 200),
        "simulateWhatIf": (
            "post",
            "/api/v1/what-if",
            {"json": {"clientId": client_id, "changes": {"AMT_CREDIT": 100000}}},
            200,
        ),
        "explainApplication": (
            "post",
            "/api/v1/explanations",
            {"json": {"application": application, "language": "en"}},
            200,
        ),
        "getGlobalImportance": ("get", "/api/v1/explanations/global", {}, 200),
        "getShapSummary": ("get", "/api/v1/explanations/summary", {"params": {"top": 3, "points": 10}}, 200),
        "getShapDependence": (
            "get",
            "/api/v1/explanations/dependence",
            {"params": {"feature": feature, "points": 10}},
            200,
        ),
        "getDrift": ("get", "/api/v1/monitoring/drift", {"params": {"window": "1h"}}, 200),
        "getVariableDrift": (
            "get",
            "/api/v1/monitoring/drift/score",
            {"params": {"modelVersion": model["version"]}},
            200,
        ),
        "getDecisionMix": ("get", "/api/v1/monitoring/decisions", {"params": {"window": "7d"}}, 200),
        "recordOfficerDecision": ("post", "/api/v1/officer-decisions", {"json": verdict}, 201),
        "getDecisionHistory": ("get", f"/api/v1/clients/{client_id}/decision-history", {}, 200),
        "listReviews": ("get", "/api/v1/reviews", {"params": {"limit": 5}}, 200),
        "takeNextReview": ("post", "/api/v1/reviews/next", {}, 200),
        "releaseReview": ("delete", release[0], {}, release[1]),
        "getReview": ("get", review[0], {}, review[1]),
        "getOverridesReport": ("get", "/api/v1/overrides", {"params": {"weeks": 4}}, 200),
        "listModels": ("get", "/api/v1/models", {}, 200),
        "getShadowComparison": ("get", "/api/v1/models/comparison", {}, 200),
        # One bundle here: the champion promoted again changes nothing, and cannot be its own challenger.
        "promoteChampion": ("put", "/api/v1/models/champion", {"json": roles}, 200),
        "setChallenger": ("put", "/api/v1/models/challenger", {"json": roles}, 409),
        "retireChallenger": ("delete", "/api/v1/models/challenger", {"params": {"reason": "none to retire"}}, 200),
        "submitBatch": ("post", "/api/v1/batches", csv_body, 202),
        "listBatches": ("get", "/api/v1/batches", {"params": {"limit": 5}}, 200),
        "getBatch": ("get", f"/api/v1/batches/{job_id}", {}, 200),
        "getBatchResults": ("get", f"/api/v1/batches/{job_id}/results", {}, 200),
    }
    for prefix, base, headers in (("seed", "", None), ("legacy", legacy, {"X-API-Key": ""})):
        calls |= {
            f"{prefix}GetClientIds": ("get", f"{base}/get_id_client", {"headers": headers}, 200),
            f"{prefix}GetScore": ("get", f"{base}/get_score/{client_id}", {"headers": headers}, 200),
            f"{prefix}GetClientInfo": ("get", f"{base}/get_info_client/{client_id}", {"headers": headers}, 200),
            f"{prefix}GetColumn": ("get", f"{base}/get_feature/AMT_CREDIT", {"headers": headers}, 200),
            f"{prefix}GetFeatureImportance": ("get", f"{base}/get_feature_importance", {"headers": headers}, 200),
            f"{prefix}GetCorrelation": ("get", f"{base}/get_correlation/", {"headers": headers}, 200),
        }
    name, version = model["name"], model["version"]
    for versioned, base in (("", f"/v2/models/{name}"), ("Version", f"/v2/models/{name}/versions/{version}")):
        calls |= {
            f"v2ModelMetadata{versioned}": ("get", base, {}, 200),
            f"v2ModelReady{versioned}": ("get", f"{base}/ready", {}, 200),
            f"v2ModelInfer{versioned}": ("post", f"{base}/infer", {"json": infer}, 200),
        }
    calls |= {
        "v2ServerMetadata": ("get", "/v2", {}, 200),
        "v2ServerLive": ("get", "/v2/health/live", {}, 200),
        "v2ServerReady": ("get", "/v2/health/ready", {}, 200),
    }
    documented = operations(document)
    assert sorted(calls) == sorted(documented), "every documented operation is called, and only those"

    def check(operation_id, method, path, options, expected, session=None):
        session = session or sessions.get(operation_id, octroi.session)
        response = session.request(method, octroi.url + path, timeout=60, **options)
        assert response.status_code == expected, (operation_id, response.status_code, response.text[:300])
        openapi.validate_response(RequestsOpenAPIRequest(response.request), RequestsOpenAPIResponse(response))

    for operation_id, (method, path, options, expected) in calls.items():
        check(operation_id, method, path, options, expected)

    # Errors are documented too: bad input, an unknown client, no key, a V2 error in the protocol's shape.
    check("listClients", "get", "/api/v1/clients", {"params": {"pageSize": 0}}, 400)
    check("getClient", "get", "/api/v1/clients/1", {}, 404)
    check("getClient", "get", f"/api/v1/clients/{client_id}", {}, 401, session=requests.Session())
    check(
        "scoreApplications",
        "post",
        "/api/v1/score",
        {"data": "<AMT/>", "headers": {"Content-Type": "application/xml"}},
        415,
    )
    check("v2ModelInfer", "post", f"/v2/models/{name}/infer", {"json": {"inputs": []}}, 400)
    check("v2ModelMetadata", "get", "/v2/models/not-a-model", {}, 404)
    check("legacyGetScore", "get", f"{legacy}/get_score/1", {}, 404)
    check("recordOfficerDecision", "post", "/api/v1/officer-decisions", {"json": verdict}, 403, octroi.session)
    taken = {**verdict, "decision": "refused", "sequence": 1}  # the place the first decision took
    check("recordOfficerDecision", "post", "/api/v1/officer-decisions", {"json": taken}, 409, person)
    check("getOverridesReport", "get", "/api/v1/overrides", {}, 403, person)
    check("releaseReview", "delete", release[0], {}, 403, octroi.session)
    if undecided:  # given back above: nobody holds it now
        check("releaseReview", "delete", release[0], {}, 409, person)
    check("promoteChampion", "put", "/api/v1/models/champion", {"json": roles}, 403, octroi.session)
    check("promoteChampion", "put", "/api/v1/models/champion", {"json": {**roles, "version": "no-such"}}, 404, admin)
    check("promoteChampion", "put", "/api/v1/models/champion", {"json": {"version": model["version"]}}, 400, admin)
    check("submitBatch", "post", "/api/v1/batches", {"json": {}}, 415)
    # The applications with their history tables, as a multipart form (an empty bureau table: no credit known).
    with_history = {
        "applications": ("applications.csv", batch, "text/csv"),
        "bureau": ("bureau.csv", "SK_ID_CURR,SK_ID_BUREAU\n", "text/csv"),
    }
    check("submitBatch", "post", "/api/v1/batches", {"files": with_history}, 202)
    check("submitBatch", "post", "/api/v1/batches", {"files": {"bureau": with_history["bureau"]}}, 400)
    check("getBatch", "get", "/api/v1/batches/00000000-0000-4000-8000-000000000000", {}, 404)
