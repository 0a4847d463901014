"""`expand` (linked resources under `_expand`) and conditional reads (ETag, If-None-Match, HEAD) of Documenten."""
import pytest

from tests.api.documenten.test_enkelvoudiginformatieobjecten import URL, body
from tests.conftest import invalid_params

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(documenten_client, informatieobjecttype) -> dict:
    return documenten_client.post(URL, body(informatieobjecttype), format="json").json()


def test_document_expands_its_informatieobjecttype(documenten_client, document, informatieobjecttype):
    detail = documenten_client.get(document["url"], {"expand": "informatieobjecttype"}).json()
    assert detail["_expand"]["informatieobjecttype"]["url"] == informatieobjecttype
    listed = documenten_client.get(URL, {"expand": "informatieobjecttype"}).json()["results"]
    assert listed[0]["_expand"]["informatieobjecttype"]["omschrijving"]
    found = documenten_client.post(
        f"{URL}/_zoek", {"uuid__in": [document["url"].rsplit("/", 1)[1]], "expand": "informatieobjecttype"},
        format="json",
    ).json()
    assert found["count"] == 1 and found["results"][0]["_expand"]["informatieobjecttype"]["url"] == informatieobjecttype
    assert "_expand" not in documenten_client.get(document["url"]).json()


def test_gebruiksrecht_expands_its_document_and_its_type(documenten_client, document, informatieobjecttype):
    recht = documenten_client.post(
        "/documenten/api/v1/gebruiksrechten",
        {"informatieobject": document["url"], "startdatum": "2024-01-01T00:00:00Z", "omschrijvingVoorwaarden": "geen"},
        format="json",
    ).json()
    expanded = documenten_client.get(
        recht["url"], {"expand": "informatieobject,informatieobject.informatieobjecttype"}
    ).json()["_expand"]
    assert expanded["informatieobject"]["url"] == document["url"]
    assert expanded["informatieobject"]["_expand"]["informatieobjecttype"]["url"] == informatieobjecttype


def test_unknown_expansion_is_refused(documenten_client, document):
    response = documenten_client.get(document["url"], {"expand": "zaak"})
    assert response.status_code == 400 and invalid_params(response) == {"expand": "invalid-expand"}


def test_etag_if_none_match_and_head(documenten_client, document):
    first = documenten_client.get(document["url"])
    etag = first["ETag"]
    assert documenten_client.get(document["url"], HTTP_IF_NONE_MATCH=etag).status_code == 304
    head = documenten_client.head(document["url"])
    assert head.status_code == 200 and head["ETag"] == etag and head.content == b""

    lock = documenten_client.post(f"{document['url']}/lock").json()["lock"]
    documenten_client.patch(document["url"], {"titel": "Anders", "lock": lock}, format="json")
    changed = documenten_client.get(document["url"], HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
