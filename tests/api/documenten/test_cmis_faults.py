"""ENKELVOUDIGINFORMATIEOBJECT writes when the CMIS repository fails: the client gets a problem, 503 or 502."""
import base64

import pytest
import requests

from storage_backends.database.models import StoredDocument
from tests.api.documenten.conftest import API
from tests.cmis_server.binding import SERVICE_PATH
from tests.cmis_server.conftest import AUTH

URL = f"{API}/enkelvoudiginformatieobjecten"
PROBLEM = "application/problem+json"
pytestmark = [pytest.mark.parametrize("documents_on_tmp_disk", ["cmis"], indirect=True), pytest.mark.django_db]


@pytest.fixture
def fault(cmis_service_url):
    """Adds a fault rule to the CMIS test server; all rules are removed after the test."""
    control = cmis_service_url.removesuffix(SERVICE_PATH) + "/__control/faults"

    def add(**rule):
        assert requests.post(control, json=rule, auth=AUTH, timeout=10).status_code == 201

    yield add
    requests.delete(control, auth=AUTH, timeout=10)


def body(informatieobjecttype: str, **overrides) -> dict:
    return {
        "bronorganisatie": "000000000", "creatiedatum": "2024-01-01", "titel": "Aanvraag", "auteur": "Burger",
        "taal": "dut", "informatieobjecttype": informatieobjecttype,
        "inhoud": base64.b64encode(b"inhoud van de aanvraag").decode(), **overrides,
    }


def assert_problem(response, status: int) -> None:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == status


@pytest.mark.parametrize("rule", [{"status": 500}, {"drop": True}], ids=["500", "dropped"])
def test_create_while_the_repository_fails_is_503(documenten_client, informatieobjecttype, fault, rule):
    fault(action="createDocument", **rule)
    response = documenten_client.post(URL, body(informatieobjecttype), format="json")
    assert_problem(response, 503)
    assert response.json()["code"] == "service-unavailable"
    assert not StoredDocument.objects.exists()


def test_create_the_repository_refuses_is_502(documenten_client, informatieobjecttype, fault):
    fault(action="createDocument", status=403, exception="permissionDenied")
    response = documenten_client.post(URL, body(informatieobjecttype), format="json")
    assert_problem(response, 502)
    assert not StoredDocument.objects.exists()


def test_update_while_the_repository_fails_is_503_and_keeps_the_version(documenten_client, document_url, fault):
    lock = documenten_client.post(f"{document_url}/lock").json()["lock"]
    fault(action="checkIn", status=500)
    response = documenten_client.patch(document_url, {"titel": "Nieuw", "lock": lock}, format="json")
    assert_problem(response, 503)
    current = documenten_client.get(document_url).json()
    assert (current["versie"], current["titel"]) == (1, "t")
