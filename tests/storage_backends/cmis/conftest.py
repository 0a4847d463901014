"""The CMIS test server (a subprocess, with the test content model) and a gateway on a base folder per test.

The server fixtures are the CMIS server suite's own, imported rather than repeated: ``cmis_server`` starts
it once per session, ``control`` injects faults and resets them (and the settings) after each test.
For the backend's tests (on the server with the project's model, ``cmis_service_url``): ``repository``
(faults and settings of that server) and ``dms`` (a DMS user: unmodified cmislib).
"""
import uuid

import pytest
import requests
from cmislib import CmisClient
from cmislib.browser.binding import BrowserBinding

from storage_backends.cmis.client import CmisConfig, CmisGateway
from tests.cmis_server.binding import SERVICE_PATH
from tests.cmis_server.conftest import AUTH, cmis_server, control, http, service_url  # noqa: F401


@pytest.fixture
def cmis_config(service_url):  # noqa: F811 (the imported fixture)
    user, password = AUTH
    return CmisConfig(url=service_url, user=user, password=password, base_folder=f"/gw-{uuid.uuid4().hex[:12]}",
                      connect_timeout=2, read_timeout=10)


@pytest.fixture
def gateway(cmis_config):
    gateway = CmisGateway(cmis_config)
    yield gateway
    gateway.close()


@pytest.fixture
def folder_id(gateway):
    """This test's base folder."""
    return gateway.folder("")


class Repository:
    """The `/__control` endpoint of the CMIS test server the backend writes to."""

    def __init__(self, base_url: str, session: requests.Session):
        self.base_url = base_url
        self.http = session

    def fault(self, action: str, **rule) -> None:
        response = self.http.post(f"{self.base_url}/__control/faults", json={"action": action, **rule}, timeout=10)
        assert response.status_code == 201, response.text

    def settings(self, **settings) -> None:
        response = self.http.post(f"{self.base_url}/__control/settings", json=settings, timeout=10)
        assert response.status_code == 200, response.text

    def reset(self) -> None:
        self.http.delete(f"{self.base_url}/__control/faults", timeout=10)
        self.settings(indexLag=0, autoVersionOnUpdateProps=True, exactNumItems=True)


@pytest.fixture
def repository(cmis_service_url):
    """Faults and settings of the test server; reset after the test."""
    with requests.Session() as session:
        session.auth = AUTH
        control = Repository(cmis_service_url.removesuffix(SERVICE_PATH), session)
        yield control
        control.reset()


@pytest.fixture
def dms(cmis_service_url):
    """The repository as a DMS user sees it: unmodified cmislib 0.7.0 over the Browser Binding."""
    return CmisClient(cmis_service_url, *AUTH, binding=BrowserBinding()).getDefaultRepository()
