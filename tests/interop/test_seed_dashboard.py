"""The seed's dashboard against Octroi, its base URL changed to a legacy base path and nothing else.

Replays the calls the seed's Dash app (dashboard/app_front.py of the seed) makes, and reads the answers the way it
does, up to the data it hands to its gauge, its importance chart and its scatter plot.
"""

import math

import pandas as pd
import requests

from conftest import LEGACY_KEY


def test_the_seed_dashboard_draws_its_gauge_importance_and_scatter(octroi):
    # The seed's dashboard builds every URL as f"http://{ip_address}/<route>": only ip_address changes.
    ip_address = f"{octroi.url.removeprefix('http://')}/legacy/{LEGACY_KEY}"
    get = requests.get  # it sends no header at all

    # Start-up: the list of clients (its first 30 in the drop-down), then a client's score and file. The seed
    # hard-codes a client of the full data set; the replay starts on the first client this system serves.
    id_client = get(f"http://{ip_address}/get_id_client").json()
    id_client = id_client["data"][:30]
    current = id_client[0]
    req = get(f"http://{ip_address}/get_score/{current}").json()
    info_client = get(f"http://{ip_address}/get_info_client/{current}").json()
    info_client = pd.Series(info_client["info_client"]).to_frame().T.iloc[:, 2:]
    table = info_client.to_dict("records")
    columns = [{"name": str(i), "id": str(i)} for i in info_client.columns]
    assert len(id_client) == 30 and req["id_client"] == str(current)
    assert len(table) == 1 and len(columns) > 2
    assert "SK_ID_CURR" not in info_client.columns, "the two leading columns it drops are the id and the outcome"

    # The gauge: the probability of default of the client chosen in the drop-down.
    for id_user in id_client[:3]:
        score_client = get(f"http://{ip_address}/get_score/{id_user}").json()
        prediction = float(score_client["prediction"][1])
        assert 0 <= prediction <= 1
        officer_view = octroi.get(f"/api/v1/clients/{id_user}/score").json()
        assert prediction == officer_view["probabilityOfDefault"]

    # The importance chart (the commented-out call of the seed's dashboard, a bar per feature).
    data = get(f"http://{ip_address}/get_feature_importance").json()
    importance = pd.Series(data["importance"], index=data["feature"])
    assert len(importance) == len(octroi.get("/api/v1/model").json()["features"])
    assert importance.is_monotonic_decreasing and (importance >= 0).all()

    # The scatter: two fields of every client, and the chosen client's point, for the default drop-down values
    # (the first two columns it shows) and for two numeric fields.
    for feature1, feature2 in ((info_client.columns[0], info_client.columns[1]), ("AMT_INCOME_TOTAL", "AMT_CREDIT")):
        for id_client_chosen in id_client[:2]:
            info = get(f"http://{ip_address}/get_info_client/{id_client_chosen}").json()
            info = pd.Series(info["info_client"]).to_frame().T.iloc[:, 2:]
            feature1_data = get(f"http://{ip_address}/get_feature/{feature1}").json()["data"]
            feature2_data = get(f"http://{ip_address}/get_feature/{feature2}").json()["data"]
            marker = ([info[feature1][0]], [info[feature2][0]])
            assert (
                len(feature1_data)
                == len(feature2_data)
                == len(get(f"http://{ip_address}/get_id_client").json()["data"])
            )
            position = get(f"http://{ip_address}/get_id_client").json()["data"].index(id_client_chosen)
            assert feature1_data[position] == marker[0][0] or _both_missing(feature1_data[position], marker[0][0])

    # The correlation route the seed also served: a square table over the same columns.
    correlation = pd.DataFrame(get(f"http://{ip_address}/get_correlation/").json()["correlation"])
    assert list(correlation.index) == list(correlation.columns) and "TARGET" in correlation.columns


def _missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def _both_missing(a, b):
    return _missing(a) and _missing(b)
