"""Property-based fuzzing of every documented operation with schemathesis: valid and invalid requests generated from
the OpenAPI document itself. It fails on any 5xx and on any status the document does not declare for the operation.

Bounded in time: a few examples per operation and a time budget per run, and a run is killed if it overstays. The
seed is fixed, so a failure found in CI is found again by the same command on a developer's machine (printed below).
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from conftest import ADMIN, API_KEY

MAX_EXAMPLES = int(os.environ.get("OCTROI_FUZZ_EXAMPLES", "12"))
TIME_BUDGET_S = int(os.environ.get("OCTROI_FUZZ_SECONDS", "120"))
SEED = int(os.environ.get("OCTROI_FUZZ_SEED", "20261129"))
# The routes that need a person who signed in (an API key gets 403 there): fuzzed again with an administrator's session.
PEOPLE_ONLY = r"^/api/v1/(officer-decisions|reviews|overrides)"


def fuzz(octroi, header: str, budget_s: int, *only: str) -> str:
    command = [
        sys.executable,
        "-c",
        "from schemathesis.cli import schemathesis; schemathesis()",
        "run",
        f"{octroi.url}/docs/json",
        "--url",
        octroi.url,
        "--header",
        header,
        "--checks",
        "not_a_server_error,status_code_conformance",
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--max-time",
        str(budget_s),
        "--seed",
        str(SEED),
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--generation-database",
        "none",
        # The application body (over a hundred keyed fields with patterns) makes the generator discard many drafts;
        # how many depends on the machine's speed, so that health check fails at random. Bodies are still fuzzed.
        "--suppress-health-check",
        "filter_too_much",
        "--no-color",
        *only,
    ]
    try:
        # In a folder of its own: schemathesis leaves its working files where it runs.
        run = subprocess.run(
            command, capture_output=True, text=True, timeout=budget_s + 90, cwd=tempfile.mkdtemp(prefix="octroi-fuzz-")
        )
    except subprocess.TimeoutExpired as stopped:
        raise AssertionError(f"the fuzz run overstayed its budget:\n{str(stopped.stdout or '')[-4000:]}") from None
    settings = f"OCTROI_FUZZ_SEED={SEED} OCTROI_FUZZ_EXAMPLES={MAX_EXAMPLES}"
    again = f"{settings} python3 -m pytest tests/interop/{Path(__file__).name}"
    summary = run.stdout[-12000:]
    assert run.returncode == 0, f"schemathesis found failures (again: {again}):\n{summary}\n{run.stderr[-2000:]}"
    # The run reached the API: cases were sent and answered, not all skipped for want of a schema or a server.
    assert " passed" in summary and "Tested: 0" not in summary, summary
    return summary


def admin_cookie(octroi) -> str:
    session = requests.Session()
    for _ in range(40):  # the gateway reads the users file again within seconds of the account being added
        signed_in = session.post(
            octroi.url + "/api/v1/session", json={"username": ADMIN, "password": octroi.admin_password}
        )
        if signed_in.ok:
            return f"octroi_session={session.cookies['octroi_session']}"
        time.sleep(0.25)
    raise AssertionError(f"the administrator could not sign in: {signed_in.status_code} {signed_in.text}")


def test_no_operation_answers_5xx_or_an_undocumented_status(octroi):
    # Signed in first: the fuzzing of sign-in soon meets its limit of attempts per address.
    cookie = admin_cookie(octroi)
    fuzz(octroi, f"X-API-Key: {API_KEY}", TIME_BUDGET_S)
    people = fuzz(octroi, f"Cookie: {cookie}", TIME_BUDGET_S // 4, "--include-path-regex", PEOPLE_ONLY)
    assert "Authentication failed" not in people, "the session opened the routes for people: " + people
