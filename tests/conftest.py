"""Shared fixtures: an API client, tokens, and applicaties with given autorisaties."""
import time

import jwt
import pytest
import requests
from django.core.cache import cache
from rest_framework.test import APIClient

from api.common.autorisaties import Applicatie, ApplicatieInstellingen, Autorisatie, JWTSecret

pytest_plugins = ["tests.fixtures.catalogi", "tests.fixtures.zaken"]


@pytest.fixture(scope="session")
def cmis_service_url(tmp_path_factory):
    """The CMIS test server (tests/cmis_server, a subprocess) with the content model of config/alfresco registered."""
    from storage_backends.cmis.model_json import type_definitions
    from tests.cmis_server.conftest import AUTH, SERVICE_PATH, start_server, stop_server

    process, base_url = start_server(tmp_path_factory.mktemp("cmis-repository"))
    try:
        response = requests.post(f"{base_url}/__control/types", json=type_definitions(), auth=AUTH, timeout=10)
        assert response.status_code == 201, response.text
        yield base_url + SERVICE_PATH
    finally:
        stop_server(process)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The auth cache outlives a test's rolled-back transaction; start each test clean.
    cache.clear()
    yield
    cache.clear()


def invalid_params(response) -> dict[str, str]:
    """The invalidParams of a 400 problem, name → code (asserting the 400)."""
    assert response.status_code == 400, response.content
    return {param["name"]: param["code"] for param in response.json()["invalidParams"]}


def make_token(client_id: str, secret: str, **claims) -> str:
    payload = {"iss": client_id, "client_id": client_id, "iat": int(time.time()), **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


@pytest.fixture
def make_applicatie(db):
    """Create an applicatie with a secret: make_applicatie("cid", autorisaties=[{...}]) or alle=True.

    `alleen_gereed=True` limits it to documents ready for publication (Autorisaties 1.1).
    """

    def _make(
        client_id="test-client", secret="test-secret-of-enough-length-0123456789", *, alle=False, autorisaties=(),
        alleen_gereed=False,
    ):
        applicatie = Applicatie.objects.create(
            label=f"applicatie {client_id}", client_ids=[client_id], heeft_alle_autorisaties=alle
        )
        if alleen_gereed:
            ApplicatieInstellingen.objects.create(applicatie=applicatie, alleen_is_gereed_voor_publicatie=True)
        for autorisatie in autorisaties:
            Autorisatie.objects.create(applicatie=applicatie, **autorisatie)
        JWTSecret.objects.update_or_create(identifier=client_id, defaults={"secret": secret})
        return applicatie

    return _make


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def superuser_client(make_applicatie):
    """A client whose applicatie has heeftAlleAutorisaties."""
    make_applicatie("superclient", "superclient-secret-0123456789abcdef", alle=True)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token('superclient', 'superclient-secret-0123456789abcdef')}")
    return client
