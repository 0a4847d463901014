"""The CMIS test server as a subprocess on a free loopback port, plus clients for its protocol tests.

One server runs per test session (``cmis_server``); each test files its objects in a folder of its
own, so tests do not see each other's documents. Faults and settings are reset after every test.
"""
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from cmislib import CmisClient
from cmislib.browser.binding import BrowserBinding

from tests.cmis_server.binding import SERVICE_PATH

ROOT = Path(__file__).resolve().parents[2]
AUTH = ("admin", "admin")
TEST_TYPES = [
    {"id": "D:zt:document", "parentId": "cmis:document", "displayName": "Test document",
     "propertyDefinitions": [
         {"id": "zt:titel", "propertyType": "string", "maxLength": 200},
         {"id": "zt:versie", "propertyType": "integer"},
         {"id": "zt:vaRank", "propertyType": "integer"},
         {"id": "zt:bedrag", "propertyType": "decimal"},
         {"id": "zt:vervallen", "propertyType": "boolean"},
         {"id": "zt:beginRegistratie", "propertyType": "datetime"},
         {"id": "zt:trefwoorden", "propertyType": "string", "cardinality": "multi"},
         {"id": "zt:notitie", "propertyType": "string", "queryable": False, "orderable": False},
         {"id": "zt:lock", "propertyType": "string", "updatability": "whencheckedout"},
     ]},
    {"id": "D:zt:verplicht", "parentId": "D:zt:document",
     "propertyDefinitions": [{"id": "zt:uuid", "propertyType": "id", "required": True}]},
    {"id": "D:zt:zonderinhoud", "parentId": "cmis:document", "contentStreamAllowed": "notallowed"},
    {"id": "F:zt:maandmap", "parentId": "cmis:folder",
     "propertyDefinitions": [{"id": "zt:maand", "propertyType": "string"}]},
    {"id": "I:zt:oio", "parentId": "cmis:item",
     "propertyDefinitions": [{"id": "zt:informatieobject", "propertyType": "id"}]},
    {"id": "P:zt:extra", "parentId": "cmis:secondary",
     "propertyDefinitions": [{"id": "zt:kenmerk", "propertyType": "string"}]},
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(data_dir: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """Start ``python -m tests.cmis_server`` and wait until it answers; returns (process, base URL)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.cmis_server", "--host", "127.0.0.1", "--port", str(port), "--data",
         str(data_dir), *extra],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if requests.get(base_url + SERVICE_PATH, auth=AUTH, timeout=1).status_code == 200:
                return process, base_url
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            stop_server(process)
            raise RuntimeError("the CMIS test server did not start")
        time.sleep(0.1)


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Overrides the project-wide Django cache reset: these tests use no Django cache (nor Redis)."""
    yield


@pytest.fixture(scope="session")
def cmis_server(tmp_path_factory):
    """Base URL of a running server with the test content model registered."""
    process, base_url = start_server(tmp_path_factory.mktemp("cmis-data"))
    try:
        response = requests.post(base_url + "/__control/types", json=TEST_TYPES, auth=AUTH, timeout=10)
        assert response.status_code == 201, response.text
        yield base_url
    finally:
        stop_server(process)


@pytest.fixture(scope="session")
def service_url(cmis_server):
    return cmis_server + SERVICE_PATH


@pytest.fixture
def http(cmis_server):
    """A plain requests session with basic auth: what the backend's raw-HTTP bypasses use."""
    with requests.Session() as session:
        session.auth = AUTH
        yield session


@pytest.fixture
def control(cmis_server, http):
    """POST/DELETE helpers for /__control; faults and settings are reset after the test."""

    class Control:
        def fault(self, **rule):
            response = http.post(cmis_server + "/__control/faults", json=rule, timeout=10)
            assert response.status_code == 201, response.text
            return response.json()

        def settings(self, **settings):
            response = http.post(cmis_server + "/__control/settings", json=settings, timeout=10)
            assert response.status_code == 200, response.text
            return response.json()

        def flush_index(self):
            assert http.post(cmis_server + "/__control/index/flush", timeout=10).status_code == 204

        def requests(self):
            return http.get(cmis_server + "/__control/requests", timeout=10).json()

    yield Control()
    http.delete(cmis_server + "/__control/faults", timeout=10)
    http.post(cmis_server + "/__control/settings", timeout=10,
              json={"indexLag": 0, "autoVersionOnUpdateProps": True, "exactNumItems": True})


@pytest.fixture
def repo(service_url):
    """The repository through the unmodified cmislib 0.7.0 Browser Binding client."""
    return CmisClient(service_url, *AUTH, binding=BrowserBinding()).getDefaultRepository()


@pytest.fixture
def folder(repo):
    """A folder of this test's own, under the root."""
    return repo.getRootFolder().createFolder(f"test-{uuid.uuid4().hex[:12]}")
