"""ENKELVOUDIGINFORMATIEOBJECT through the API on the database backend (drc rules)."""
import base64

import pytest

from api.common.models import OutboxNotification
from tests.api.documenten.conftest import API
from tests.conftest import invalid_params

pytestmark = pytest.mark.django_db
URL = f"{API}/enkelvoudiginformatieobjecten"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def body(informatieobjecttype: str, **overrides) -> dict:
    return {
        "bronorganisatie": "000000000",
        "creatiedatum": "2024-01-01",
        "titel": "Aanvraag",
        "auteur": "Burger",
        "taal": "dut",
        "informatieobjecttype": informatieobjecttype,
        "inhoud": base64.b64encode(PDF).decode(),
        "bestandsnaam": "aanvraag.pdf",
        **overrides,
    }



@pytest.fixture
def document(documenten_client, informatieobjecttype) -> dict:
    response = documenten_client.post(URL, body(informatieobjecttype), format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_create_generates_identificatie_sniffs_formaat_and_notifies(document, informatieobjecttype):
    assert document["identificatie"].startswith("DOCUMENT-2024-")
    assert document["formaat"] == "application/pdf"
    assert document["vertrouwelijkheidaanduiding"] == "openbaar"  # taken from the informatieobjecttype
    assert document["versie"] == 1 and document["locked"] is False
    assert document["inhoud"].endswith("/download?versie=1")
    assert document["lock"] == ""  # created with its content, so not locked for an upload in parts
    notification = OutboxNotification.objects.get(kanaal="documenten", actie="create")
    assert notification.kenmerken["informatieobjecttype"] == informatieobjecttype


def test_download_streams_the_content(documenten_client, document):
    response = documenten_client.get(document["inhoud"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(PDF))
    assert 'filename="aanvraag.pdf"' in response["Content-Disposition"]


def test_download_range(documenten_client, document):
    response = documenten_client.get(document["inhoud"], HTTP_RANGE="bytes=0-7")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == PDF[:8]
    assert response["Content-Range"] == f"bytes 0-7/{len(PDF)}"
    beyond = documenten_client.get(document["inhoud"], HTTP_RANGE=f"bytes={len(PDF)}-")
    assert beyond.status_code == 416


def test_identificatie_is_unique_per_bronorganisatie(documenten_client, document, informatieobjecttype):
    again = documenten_client.post(URL, body(informatieobjecttype, identificatie=document["identificatie"]), format="json")
    assert invalid_params(again) == {"identificatie": "identificatie-niet-uniek"}


def test_concept_informatieobjecttype_is_refused(documenten_client, catalogus, create):
    from tests.fixtures.catalogi import informatieobjecttype_body

    concept = create("informatieobjecttypen", informatieobjecttype_body(catalogus, omschrijving="concept"))["url"]
    assert invalid_params(documenten_client.post(URL, body(concept), format="json")) == {"informatieobjecttype": "not-published"}


def test_bad_base64_is_refused_and_nothing_is_stored(documenten_client, informatieobjecttype, documents_on_tmp_disk):
    response = documenten_client.post(URL, body(informatieobjecttype, inhoud="not base64!"), format="json")
    assert invalid_params(response) == {"inhoud": "invalid"}
    assert not [path for path in documents_on_tmp_disk.rglob("*") if path.is_file()]


def test_update_needs_the_lock_and_makes_a_new_version(document, informatieobjecttype, restricted_client):
    documenten_client = restricted_client(
        "bewerker", informatieobjecttype=informatieobjecttype, level="zeer_geheim",
        scopes=["documenten.lezen", "documenten.bijwerken", "documenten.lock"],
    )
    url = document["url"]
    missing = documenten_client.patch(url, {"titel": "Nieuw"}, format="json")
    assert invalid_params(missing) == {"nonFieldErrors": "missing-lock-id"}
    unlocked = documenten_client.patch(url, {"titel": "Nieuw", "lock": "x"}, format="json")
    assert invalid_params(unlocked) == {"nonFieldErrors": "unlocked"}
    lock = documenten_client.post(f"{url}/lock").json()["lock"]
    patched = documenten_client.patch(url, {"titel": "Nieuw", "lock": lock}, format="json")
    assert patched.status_code == 200, patched.content
    assert (patched.json()["versie"], patched.json()["titel"], patched.json()["locked"]) == (2, "Nieuw", True)
    assert documenten_client.get(url, {"versie": 1}).json()["titel"] == "Aanvraag"
    # The new version kept the content.
    assert b"".join(documenten_client.get(patched.json()["inhoud"]).streaming_content) == PDF
    wrong = documenten_client.post(f"{url}/unlock", {"lock": "wrong"}, format="json")
    assert invalid_params(wrong) == {"nonFieldErrors": "incorrect-lock-id"}
    assert documenten_client.post(f"{url}/unlock", {"lock": lock}, format="json").status_code == 204
    assert documenten_client.get(url).json()["locked"] is False


def test_forced_unlock_needs_no_lock(documenten_client, document):
    documenten_client.post(f"{document['url']}/lock")
    assert documenten_client.post(f"{document['url']}/unlock", {}, format="json").status_code == 204
    assert documenten_client.get(document["url"]).json()["locked"] is False


def test_registratie_op_reads_an_earlier_version(documenten_client, document):
    url = document["url"]
    lock = documenten_client.post(f"{url}/lock").json()["lock"]
    documenten_client.patch(url, {"titel": "Twee", "lock": lock}, format="json")
    first = documenten_client.get(url, {"registratieOp": document["beginRegistratie"]})
    assert first.json()["versie"] == 1
    assert invalid_params(documenten_client.get(url, {"registratieOp": "gisteren"})) == {"registratieOp": "invalid"}


def test_destroy(documenten_client, document):
    assert documenten_client.delete(document["url"]).status_code == 204
    assert documenten_client.get(document["url"]).status_code == 404
    assert OutboxNotification.objects.filter(kanaal="documenten", actie="destroy").exists()


def test_list_filters_and_zoek(documenten_client, document, informatieobjecttype):
    other = documenten_client.post(URL, body(informatieobjecttype, trefwoorden=["bouw"]), format="json").json()
    assert documenten_client.get(URL).json()["count"] == 2
    assert [d["url"] for d in documenten_client.get(URL, {"trefwoorden": "bouw"}).json()["results"]] == [other["url"]]
    found = documenten_client.post(f"{URL}/_zoek", {"uuid__in": [document["url"].rsplit("/", 1)[1]]}, format="json")
    assert [d["url"] for d in found.json()["results"]] == [document["url"]]
    assert invalid_params(documenten_client.get(URL, {"unknown": "x"})) == {"nonFieldErrors": "unknown-parameters"}


def test_autorisaties_limit_what_a_client_sees(documenten_client, informatieobjecttype, restricted_client):
    documenten_client.post(URL, body(informatieobjecttype, vertrouwelijkheidaanduiding="openbaar"), format="json")
    geheim = documenten_client.post(URL, body(informatieobjecttype, vertrouwelijkheidaanduiding="geheim"), format="json").json()
    reader = restricted_client(
        "lezer", informatieobjecttype=informatieobjecttype, level="intern", scopes=["documenten.lezen"]
    )
    listed = reader.get(URL).json()
    assert listed["count"] == 1
    assert listed["results"][0]["vertrouwelijkheidaanduiding"] == "openbaar"
    assert reader.get(geheim["url"]).status_code == 403
    assert reader.get(geheim["inhoud"]).status_code == 403
    creator = restricted_client(
        "maker", informatieobjecttype=informatieobjecttype, level="intern", scopes=["documenten.aanmaken"]
    )
    refused = creator.post(URL, body(informatieobjecttype, vertrouwelijkheidaanduiding="geheim"), format="json")
    assert refused.status_code == 403
