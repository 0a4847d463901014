"""Autorisaties 1.1 alleenIsGereedVoorPublicatie on the Documenten API, on both backends.

An applicatie limited to documents ready for publication sees any other
document (isGereedVoorPublicatie false or not known) as one outside its
autorisaties: lists and _zoek leave it out, every read of it or of its
gebruiksrechten, objectinformatieobjecten, verzendingen and audit trail is a 403.
"""
import pytest
from rest_framework.test import APIClient

from tests.api.documenten.conftest import API
from tests.api.documenten.test_enkelvoudiginformatieobjecten import URL, body
from tests.api.documenten.test_gebruiksrechten import recht
from tests.api.documenten.test_objectinformatieobjecten import link, remote  # noqa: F401 (fixture)
from tests.api.documenten.test_verzendingen import verzending
from tests.conftest import make_token

pytestmark = pytest.mark.django_db
SECRET = "publicatie-secret-0123456789abcdef0123"
LEZEN = ["documenten.lezen", "audittrails.lezen"]


def client_of(make_applicatie, client_id: str, **applicatie) -> APIClient:
    make_applicatie(client_id, SECRET, **applicatie)
    client = APIClient(SERVER_NAME="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, SECRET)}")
    return client


@pytest.fixture
def publicatie_client(make_applicatie) -> APIClient:
    """heeftAlleAutorisaties, but only for documents ready for publication."""
    return client_of(make_applicatie, "publicatie", alle=True, alleen_gereed=True)


@pytest.fixture
def documents(documenten_client, informatieobjecttype) -> dict[str, str]:
    """A document per readiness (true, false, not known), by its identificatie."""
    urls = {}
    for identificatie, gereed in (("KLAAR", True), ("NIET", False), ("ONBEKEND", None)):
        response = documenten_client.post(
            URL, body(informatieobjecttype, identificatie=identificatie, isGereedVoorPublicatie=gereed), format="json"
        )
        assert response.status_code == 201, response.content
        urls[identificatie] = response.json()["url"]
    return urls


def identificaties(page: dict) -> set[str]:
    return {document["identificatie"] for document in page["results"]}


def test_lists_and_zoek_hold_only_ready_documents(publicatie_client, documenten_client, documents):
    page = publicatie_client.get(URL).json()
    assert (identificaties(page), page["count"]) == ({"KLAAR"}, 1)
    assert identificaties(publicatie_client.get(URL, {"identificatie": "NIET"}).json()) == set()
    zoek = publicatie_client.post(f"{URL}/_zoek", {"uuid__in": [u.rsplit("/", 1)[-1] for u in documents.values()]}, format="json")
    assert zoek.status_code == 200, zoek.content
    assert (identificaties(zoek.json()), zoek.json()["count"]) == ({"KLAAR"}, 1)
    assert documenten_client.get(URL).json()["count"] == 3  # a 1.0 applicatie reads them all


def test_reading_a_document_that_is_not_ready_is_refused(publicatie_client, documents):
    ready = documents["KLAAR"]
    assert publicatie_client.get(ready).status_code == 200
    assert publicatie_client.get(f"{ready}/download").status_code == 200
    assert publicatie_client.head(ready).status_code == 200
    for other in (documents["NIET"], documents["ONBEKEND"]):
        for response in (publicatie_client.get(other), publicatie_client.get(f"{other}/download"), publicatie_client.head(other)):
            assert response.status_code == 403
        assert publicatie_client.get(other).json()["code"] == "permission_denied"


def test_an_older_version_is_read_only_while_the_document_is_ready(publicatie_client, documenten_client, documents):
    def edit(url: str, gereed: bool | None) -> None:
        lock = documenten_client.post(f"{url}/lock").json()["lock"]
        assert documenten_client.patch(url, {"isGereedVoorPublicatie": gereed, "lock": lock}, format="json").status_code == 200
        documenten_client.post(f"{url}/unlock", {"lock": lock}, format="json")

    edit(documents["KLAAR"], False)  # version 1 was ready, version 2 is not
    edit(documents["NIET"], True)  # version 1 was not ready, version 2 is
    assert publicatie_client.get(documents["KLAAR"], {"versie": 1}).status_code == 403
    assert publicatie_client.get(f"{documents['KLAAR']}/download", {"versie": 1}).status_code == 403
    assert publicatie_client.get(documents["NIET"], {"versie": 1}).status_code == 403
    assert publicatie_client.get(documents["NIET"], {"versie": 2}).json()["isGereedVoorPublicatie"] is True
    assert identificaties(publicatie_client.get(URL).json()) == {"NIET"}


def test_gebruiksrechten_follow_their_document(publicatie_client, documenten_client, documents):
    ready = documenten_client.post(f"{API}/gebruiksrechten", recht(documents["KLAAR"]), format="json").json()
    hidden = documenten_client.post(f"{API}/gebruiksrechten", recht(documents["NIET"]), format="json").json()
    assert [r["url"] for r in publicatie_client.get(f"{API}/gebruiksrechten").json()] == [ready["url"]]
    assert publicatie_client.get(ready["url"]).status_code == 200
    assert publicatie_client.get(hidden["url"]).status_code == 403


def test_objectinformatieobjecten_follow_their_document(publicatie_client, documenten_client, documents, remote):
    ready = link(documenten_client, documents["KLAAR"], f"{remote}/zaken/1").json()
    hidden = link(documenten_client, documents["ONBEKEND"], f"{remote}/zaken/1").json()
    assert [o["url"] for o in publicatie_client.get(f"{API}/objectinformatieobjecten").json()] == [ready["url"]]
    assert publicatie_client.get(ready["url"]).status_code == 200
    assert publicatie_client.get(hidden["url"]).status_code == 403


def test_verzendingen_follow_their_document(publicatie_client, documenten_client, documents):
    ready = documenten_client.post(f"{API}/verzendingen", verzending(documents["KLAAR"]), format="json").json()
    hidden = documenten_client.post(f"{API}/verzendingen", verzending(documents["NIET"]), format="json").json()
    page = publicatie_client.get(f"{API}/verzendingen").json()
    assert ([v["url"] for v in page["results"]], page["count"]) == ([ready["url"]], 1)
    assert publicatie_client.get(ready["url"]).status_code == 200
    assert publicatie_client.get(hidden["url"]).status_code == 403


def test_the_audit_trail_follows_its_document(publicatie_client, documents):
    assert publicatie_client.get(f"{documents['KLAAR']}/audittrail").status_code == 200
    assert publicatie_client.get(f"{documents['NIET']}/audittrail").status_code == 403


def test_the_limit_adds_to_the_autorisaties_of_the_applicatie(make_applicatie, documents, informatieobjecttype):
    autorisatie = {"component": "drc", "scopes": LEZEN, "informatieobjecttype": informatieobjecttype}
    limited = client_of(
        make_applicatie, "beperkt", alleen_gereed=True,
        autorisaties=[{**autorisatie, "max_vertrouwelijkheidaanduiding": "zeer_geheim"}],
    )
    assert identificaties(limited.get(URL).json()) == {"KLAAR"}
    assert limited.get(documents["NIET"]).status_code == 403
    other_type = client_of(
        make_applicatie, "ander-type", alleen_gereed=True,
        autorisaties=[{**autorisatie, "informatieobjecttype": f"{informatieobjecttype}-ander", "max_vertrouwelijkheidaanduiding": "zeer_geheim"}],
    )
    assert other_type.get(URL).json()["count"] == 0
    assert other_type.get(documents["KLAAR"]).status_code == 403


def test_setting_the_flag_in_the_autorisaties_api_holds_on_the_next_request(make_applicatie, superuser_client, documents):
    reader = client_of(make_applicatie, "lezer", alle=True)
    assert reader.get(URL).json()["count"] == 3
    applicatie = superuser_client.get("/autorisaties/api/v1/applicaties/consumer", {"clientId": "lezer"}).json()
    assert superuser_client.patch(applicatie["url"], {"alleenIsGereedVoorPublicatie": True}, format="json").status_code == 200
    assert reader.get(URL).json()["count"] == 1
    assert reader.get(documents["NIET"]).status_code == 403
    superuser_client.patch(applicatie["url"], {"alleenIsGereedVoorPublicatie": False}, format="json")
    assert reader.get(URL).json()["count"] == 3
