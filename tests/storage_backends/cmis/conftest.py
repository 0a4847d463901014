"""The CMIS test server (a subprocess, with the test content model) and a gateway on a base folder per test.

The server fixtures are the CMIS server suite's own, imported rather than repeated: ``cmis_server`` starts
it once per session, ``control`` injects faults and resets them (and the settings) after each test.
"""
import uuid

import pytest

from storage_backends.cmis.client import CmisConfig, CmisGateway
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
