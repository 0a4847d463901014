"""Documenten API fixtures: every test runs on the database backend (content on a temporary local disk) and on
the CMIS backend (the CMIS test server, bestandsdelen staged on a temporary disk); a published
informatieobjecttype."""
import base64
import uuid

import pytest
from rest_framework.test import APIClient

from storage_backends import document_backend
from tests.cmis_server.conftest import AUTH
from tests.conftest import make_token
from tests.fixtures.catalogi import informatieobjecttype_body

API = "http://localhost/documenten/api/v1"


@pytest.fixture(autouse=True, params=["database", "cmis"])
def documents_on_tmp_disk(request, settings, tmp_path):
    settings.DOCUMENT_STORAGE, settings.DOCUMENTS_DIR = "local", tmp_path
    settings.DOCUMENTEN_BACKEND = request.param
    if request.param == "cmis":
        user, password = AUTH
        settings.CMIS = {
            **settings.CMIS, "url": request.getfixturevalue("cmis_service_url"), "user": user, "password": password,
            "base_folder": f"/api-{uuid.uuid4().hex[:12]}",
        }
    document_backend.cache_clear()
    yield tmp_path
    document_backend.cache_clear()


@pytest.fixture
def informatieobjecttype(catalogus, create, publish) -> str:
    return publish(create("informatieobjecttypen", informatieobjecttype_body(catalogus))["url"])["url"]


@pytest.fixture
def restricted_client(make_applicatie):
    """A client whose documenten scopes hold for one informatieobjecttype up to a level."""

    def _make(client_id: str, *, informatieobjecttype: str, level: str, scopes: list[str]) -> APIClient:
        secret = f"{client_id}-secret-0123456789abcdef0123"
        make_applicatie(client_id, secret, autorisaties=[{
            "component": "drc", "scopes": scopes, "informatieobjecttype": informatieobjecttype,
            "max_vertrouwelijkheidaanduiding": level,
        }])
        client = APIClient(SERVER_NAME="localhost")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}")
        return client

    return _make


@pytest.fixture
def documenten_client(make_applicatie) -> APIClient:
    """A client with every autorisatie (heeftAlleAutorisaties)."""
    secret = "documenten-alles-secret-0123456789abcdef"
    make_applicatie("documenten-alles", secret, alle=True)
    client = APIClient(SERVER_NAME="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token('documenten-alles', secret)}")
    return client


@pytest.fixture
def document_url(documenten_client, informatieobjecttype) -> str:
    """A stored document with one byte of content, by its URL."""
    response = documenten_client.post(f"{API}/enkelvoudiginformatieobjecten", {
        "bronorganisatie": "000000000", "creatiedatum": "2024-01-01", "titel": "t", "auteur": "a", "taal": "dut",
        "informatieobjecttype": informatieobjecttype, "inhoud": base64.b64encode(b"x").decode(),
    }, format="json")
    assert response.status_code == 201, response.content
    return response.json()["url"]

