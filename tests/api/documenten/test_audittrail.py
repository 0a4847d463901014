"""The audit trail of a document: every write to it and its parts, read at /enkelvoudiginformatieobjecten/{uuid}/audittrail."""
import base64
import uuid

import pytest
from rest_framework.test import APIClient
from vng_api_common.audittrails.models import AuditTrail

from tests.api.documenten.conftest import API
from tests.api.documenten.test_objectinformatieobjecten import link, remote  # noqa: F401 (remote is a fixture)
from tests.conftest import invalid_params, make_token

pytestmark = pytest.mark.django_db
URL = f"{API}/enkelvoudiginformatieobjecten"
SECRET = "auditor-secret-0123456789abcdef0123456789"


def body(informatieobjecttype: str, **overrides) -> dict:
    return {
        "bronorganisatie": "000000000", "creatiedatum": "2024-01-01", "titel": "Aanvraag", "auteur": "Burger",
        "taal": "dut", "informatieobjecttype": informatieobjecttype, "inhoud": base64.b64encode(b"x").decode(),
        **overrides,
    }


@pytest.fixture
def applicatie(make_applicatie):
    return make_applicatie("auditor", SECRET, alle=True)


@pytest.fixture
def client(applicatie) -> APIClient:
    """A client with every autorisatie whose token names its user (the audit trail's gebruiker)."""
    client = APIClient(SERVER_NAME="localhost")
    token = make_token("auditor", SECRET, user_id="u-17", user_representation="Mevr. A. Ambtenaar")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


@pytest.fixture
def document(client, informatieobjecttype) -> dict:
    created = client.post(URL, body(informatieobjecttype), format="json", HTTP_X_AUDIT_TOELICHTING="Aanvraag ontvangen")
    assert created.status_code == 201, created.content
    return created.json()


def trail(client, document_url: str) -> list[dict]:
    response = client.get(f"{document_url}/audittrail")
    assert response.status_code == 200, response.content
    return response.json()


def test_document_writes_leave_a_trail_with_caller_and_changes(client, applicatie, document):
    url = document["url"]
    lock = client.post(f"{url}/lock").json()["lock"]
    patched = client.patch(url, {"titel": "Nieuw", "lock": lock}, format="json", HTTP_X_NLX_LOGRECORD_ID="req-1")
    put = client.put(url, body(document["informatieobjecttype"], titel="Derde", lock=lock), format="json")
    assert (patched.status_code, put.status_code) == (200, 200), (patched.content, put.content)

    created_row, patch_row, put_row = trail(client, url)
    assert [row["actie"] for row in (created_row, patch_row, put_row)] == ["create", "partial_update", "update"]
    assert [row["resultaat"] for row in (created_row, patch_row, put_row)] == [201, 200, 200]
    assert created_row == {
        **created_row,
        "bron": "drc",
        "applicatieId": str(applicatie.uuid),
        "applicatieWeergave": applicatie.label,
        "gebruikersId": "u-17",
        "gebruikersWeergave": "Mevr. A. Ambtenaar",
        "actieWeergave": "Object aangemaakt",
        "hoofdObject": url,
        "resource": "enkelvoudiginformatieobject",
        "resourceUrl": url,
        "resourceWeergave": f"000000000 - {document['identificatie']}",
        "toelichting": "Aanvraag ontvangen",
        "wijzigingen": {"oud": None, "nieuw": document},
    }
    assert patch_row["toelichting"] == ""
    assert patch_row["wijzigingen"]["oud"]["titel"] == "Aanvraag"
    assert patch_row["wijzigingen"]["nieuw"] == patched.json()
    assert put_row["wijzigingen"]["oud"] == patched.json()
    assert put_row["wijzigingen"]["nieuw"] == put.json()
    assert AuditTrail.objects.get(uuid=patch_row["uuid"]).logrecord_id == "req-1"


def test_one_entry_by_uuid_and_404_for_unknown_ones(client, document, informatieobjecttype):
    (entry,) = trail(client, document["url"])
    assert client.get(f"{document['url']}/audittrail/{entry['uuid']}").json() == entry
    other = client.post(URL, body(informatieobjecttype), format="json").json()
    for missing in (f"{document['url']}/audittrail/{uuid.uuid4()}", f"{document['url']}/audittrail/not-a-uuid",
                    f"{other['url']}/audittrail/{entry['uuid']}", f"{URL}/{uuid.uuid4()}/audittrail"):
        response = client.get(missing)
        assert response.status_code == 404, missing
        assert response["Content-Type"] == "application/problem+json"


def test_gebruiksrechten_and_object_links_appear_in_the_documents_trail(client, document, remote):  # noqa: F811
    url = document["url"]
    recht = client.post(f"{API}/gebruiksrechten", {
        "informatieobject": url, "startdatum": "2024-01-01T00:00:00Z", "omschrijvingVoorwaarden": "intern",
    }, format="json", HTTP_X_AUDIT_TOELICHTING="Gebruik vastgelegd").json()
    patched = client.patch(recht["url"], {"omschrijvingVoorwaarden": "extern"}, format="json").json()
    assert client.delete(recht["url"]).status_code == 204
    linked = link(client, url, f"{remote}/zaken/1").json()
    assert client.delete(linked["url"]).status_code == 204

    parts = trail(client, url)[1:]
    assert [(row["resource"], row["actie"], row["resultaat"]) for row in parts] == [
        ("gebruiksrecht", "create", 201),
        ("gebruiksrecht", "partial_update", 200),
        ("gebruiksrecht", "destroy", 204),
        ("objectinformatieobject", "create", 201),
        ("objectinformatieobject", "destroy", 204),
    ]
    assert {row["hoofdObject"] for row in parts} == {url}
    assert [row["resourceUrl"] for row in parts] == [recht["url"]] * 3 + [linked["url"]] * 2
    assert parts[0]["toelichting"] == "Gebruik vastgelegd"
    assert [row["wijzigingen"] for row in parts] == [
        {"oud": None, "nieuw": recht},
        {"oud": recht, "nieuw": patched},
        {"oud": patched, "nieuw": None},
        {"oud": None, "nieuw": linked},
        {"oud": linked, "nieuw": None},
    ]


def test_failed_writes_record_nothing(client, document, remote):  # noqa: F811
    url = document["url"]
    assert invalid_params(client.post(URL, body(document["informatieobjecttype"], titel=""), format="json"))
    assert invalid_params(client.patch(url, {"titel": "Zonder lock"}, format="json")) == {"nonFieldErrors": "missing-lock-id"}
    client.post(f"{url}/lock")
    assert invalid_params(client.patch(url, {"titel": "Fout", "lock": "wrong"}, format="json")) == {
        "nonFieldErrors": "incorrect-lock-id"
    }
    assert invalid_params(client.delete(url)) == {"nonFieldErrors": "existing-lock"}
    backwards = {"informatieobject": url, "startdatum": "2024-02-01T00:00:00Z", "einddatum": "2024-01-01T00:00:00Z",
                 "omschrijvingVoorwaarden": "intern"}
    assert invalid_params(client.post(f"{API}/gebruiksrechten", backwards, format="json"))
    assert invalid_params(link(client, url, f"{remote}/zaaktypen/1")) == {"object": "invalid-resource"}
    assert [row["actie"] for row in trail(client, url)] == ["create"]
    assert AuditTrail.objects.count() == 1


def test_destroying_the_document_removes_its_trail_and_only_its(client, document, informatieobjecttype, remote):  # noqa: F811
    url = document["url"]
    other = client.post(URL, body(informatieobjecttype), format="json").json()["url"]
    client.post(f"{API}/gebruiksrechten", {
        "informatieobject": url, "startdatum": "2024-01-01T00:00:00Z", "omschrijvingVoorwaarden": "intern",
    }, format="json")
    linked = link(client, url, f"{remote}/zaken/1").json()
    refused = client.delete(url)
    assert invalid_params(refused) == {"nonFieldErrors": "pending-relations"}
    assert len(trail(client, url)) == 3  # the refused destroy left the trail as it was
    client.delete(linked["url"])

    assert client.delete(url).status_code == 204
    assert client.get(f"{url}/audittrail").status_code == 404
    assert not AuditTrail.objects.filter(hoofd_object=url).exists()
    assert [row["actie"] for row in trail(client, other)] == ["create"]


def test_reading_needs_audittrails_lezen_for_the_documents_type_and_level(
    client, informatieobjecttype, restricted_client
):
    geheim = client.post(URL, body(informatieobjecttype, vertrouwelijkheidaanduiding="geheim"), format="json").json()
    openbaar = client.post(URL, body(informatieobjecttype), format="json").json()
    lezer = restricted_client("lezer", informatieobjecttype=informatieobjecttype, level="openbaar",
                              scopes=["audittrails.lezen"])
    assert lezer.get(f"{openbaar['url']}/audittrail").status_code == 200
    entry = trail(client, openbaar["url"])[0]
    assert lezer.get(f"{openbaar['url']}/audittrail/{entry['uuid']}").status_code == 200
    assert lezer.get(f"{geheim['url']}/audittrail").status_code == 403

    documenten_lezer = restricted_client("documenten-lezer", informatieobjecttype=informatieobjecttype,
                                         level="zeer_geheim", scopes=["documenten.lezen"])
    assert documenten_lezer.get(f"{openbaar['url']}/audittrail").status_code == 403
    assert documenten_lezer.get(f"{openbaar['url']}/audittrail/{entry['uuid']}").status_code == 403

    other_type = f"http://localhost/catalogi/api/v1/informatieobjecttypen/{uuid.uuid4()}"
    elders = restricted_client("elders", informatieobjecttype=other_type, level="zeer_geheim",
                               scopes=["audittrails.lezen"])
    assert elders.get(f"{openbaar['url']}/audittrail").status_code == 403


def test_unknown_query_parameters_are_refused(client, document):
    assert invalid_params(client.get(f"{document['url']}/audittrail", {"actie": "create"})) == {
        "nonFieldErrors": "unknown-parameters"
    }


def test_an_overlong_logrecord_id_is_cut_not_fatal(client, document):
    lock = client.post(f"{document['url']}/lock").json()["lock"]
    response = client.patch(document["url"], {"titel": "Lang", "lock": lock}, format="json",
                            HTTP_X_NLX_LOGRECORD_ID="x" * 400)
    assert response.status_code == 200, response.content
    assert AuditTrail.objects.get(actie="partial_update").logrecord_id == "x" * 255
