"""Octroi as a user runs it (`npm start`: embedded mode, the shipped model), on free ports, for the real clients."""

import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "interop-key-0123456789"
LEGACY_KEY = "interop-legacy-key-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ADMIN = "interop-admin"


class Octroi:
    def __init__(self, url: str, grpc_address: str, admin_password: str):
        self.url = url
        self.grpc_address = grpc_address
        self.admin_password = admin_password
        self.session = requests.Session()
        self.session.headers["X-API-Key"] = API_KEY

    def get(self, path: str, **kwargs):
        return self.session.get(self.url + path, timeout=30, **kwargs)

    def post(self, path: str, **kwargs):
        return self.session.post(self.url + path, timeout=30, **kwargs)


def add_admin(env) -> str:
    """An administrator, added as operations would (`npm run users`); the running gateway reads the file again."""
    added = subprocess.run(
        ["npm", "run", "--silent", "users", "--", "add", ADMIN, "--role", "admin"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return added.stdout.split("shown only now: ")[1].split()[0]


@pytest.fixture(scope="session")
def octroi():
    data = Path(tempfile.mkdtemp(prefix="octroi-interop-"))
    port, grpc_port = free_port(), free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "GRPC_PORT": str(grpc_port),
        "OCTROI_DATA_DIR": str(data),
        "AUDIT_FILE": str(data / "audit.jsonl"),
        "OCTROI_API_KEYS": API_KEY,
        "OCTROI_LEGACY_KEYS": LEGACY_KEY,
        "OCTROI_DEMO_PASSWORD": "interop-demo-password",
        "RATE_LIMIT_PER_MINUTE": "0",
        "LOG_LEVEL": "warn",
    }
    with open(data / "octroi.log", "w") as log:
        process = subprocess.Popen(
            ["npm", "start", "--silent"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                try:
                    if requests.get(url + "/readyz", timeout=2).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                if process.poll() is not None:
                    break
                time.sleep(0.5)
            if process.poll() is not None or requests.get(url + "/readyz", timeout=2).status_code != 200:
                raise RuntimeError("Octroi did not become ready:\n" + (data / "octroi.log").read_text()[-3000:])
            yield Octroi(url, f"127.0.0.1:{grpc_port}", add_admin(env))
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def served(octroi):
    """The model as the server describes it, and rows of known clients read from the shipped bundle's own file."""
    model = octroi.get("/api/v1/model").json()
    names = [f["name"] for f in sorted(model["features"], key=lambda f: f["index"])]
    table = pa.ipc.open_file(ROOT / "models/home-credit-generated/features.arrow").read_all()
    matrix = np.column_stack([table.column(name).to_numpy(zero_copy_only=False) for name in names]).astype(np.float32)
    ids = table.column("SK_ID_CURR").to_numpy()
    missing = np.isnan(matrix).any(axis=1)
    assert missing.any() and (~missing).any(), "the bundle has rows with and without missing values"
    order = np.concatenate([np.flatnonzero(missing)[:30], np.flatnonzero(~missing)[:30]])
    return {"model": model, "ids": ids[order], "rows": matrix[order]}


def expected(octroi, ids):
    """The probability of default and the decision the current API gives each known client."""
    scores = [octroi.get(f"/api/v1/clients/{int(i)}/score").json() for i in ids]
    return np.array([s["probabilityOfDefault"] for s in scores]), [s["decision"] for s in scores]
