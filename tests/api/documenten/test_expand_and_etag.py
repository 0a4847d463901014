"""`expand` (linked resources under `_expand`) and conditional reads (ETag, If-None-Match, HEAD) of Documenten."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.api.documenten.conftest import API
from tests.api.documenten.test_enkelvoudiginformatieobjecten import URL, body
from tests.conftest import invalid_params, make_token
from tests.fixtures.catalogi import besluittype_body

pytestmark = pytest.mark.django_db


def client_for(make_applicatie, client_id: str, autorisaties: list[dict]) -> APIClient:
    secret = f"{client_id}-secret-0123456789abcdef0123"
    make_applicatie(client_id, secret, autorisaties=autorisaties)
    client = APIClient(SERVER_NAME="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}")
    return client


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


def test_unknown_expansion_is_not_found(documenten_client, document):
    # drc-013: a name that is no attribute of the resource (at any level) is a 404.
    for expand in ("zaak", "informatieobjecttype.zaak"):
        response = documenten_client.get(document["url"], {"expand": expand})
        assert response.status_code == 404 and response.json()["code"] == "invalid-expand"
        assert response["Content-Type"] == "application/problem+json"


def test_expand_reaches_from_a_document_to_its_types_catalogus(documenten_client, document, informatieobjecttype,
                                                                 catalogus):
    detail = documenten_client.get(document["url"], {"expand": "informatieobjecttype.catalogus"}).json()
    iot = detail["_expand"]["informatieobjecttype"]
    assert iot["url"] == informatieobjecttype
    assert iot["_expand"]["catalogus"]["url"] == catalogus


def test_expand_follows_to_many_links_as_arrays(documenten_client, document, informatieobjecttype, catalogus,
                                                create, publish):
    besluittype = publish(create("besluittypen", besluittype_body(
        catalogus, informatieobjecttypen=["Aanvraagformulier"]
    ))["url"])
    listed = documenten_client.get(URL, {"expand": "informatieobjecttype.besluittypen.zaaktypen"})
    assert listed.status_code == 200, listed.content
    iot = listed.json()["results"][0]["_expand"]["informatieobjecttype"]
    assert [b["url"] for b in iot["_expand"]["besluittypen"]] == [besluittype["url"]]
    assert iot["_expand"]["besluittypen"][0]["_expand"] == {"zaaktypen": []}


def test_zoek_with_a_malformed_expand_is_a_400(documenten_client, document):
    for expand in ([None], [1], {"a": 1}, "informatieobjecttype..catalogus"):
        response = documenten_client.post(
            f"{URL}/_zoek", {"uuid__in": [document["url"].rsplit("/", 1)[1]], "expand": expand}, format="json"
        )
        assert response.status_code == 400, (expand, response.content)
        assert "expand" in invalid_params(response)


def test_expand_goes_at_most_three_levels_deep(documenten_client, document, catalogus):
    # drc-012: a deeper expand answers three levels, not an error.
    detail = documenten_client.get(
        document["url"],
        {"expand": "informatieobjecttype.catalogus.zaaktypen.catalogus"},
    )
    assert detail.status_code == 200, detail.content
    level3 = detail.json()["_expand"]["informatieobjecttype"]["_expand"]["catalogus"]["_expand"]["zaaktypen"]
    assert level3 == []
    verzending = documenten_client.post(f"{API}/verzendingen", {
        "informatieobject": document["url"], "betrokkene": "https://localhost/betrokkene/1",
        "aardRelatie": "geadresseerde", "contactPersoon": "https://localhost/persoon/1",
        "emailadres": "a@example.com",
    }, format="json")
    assert verzending.status_code == 201, verzending.content
    deep = documenten_client.get(
        verzending.json()["url"], {"expand": "informatieobject.informatieobjecttype.catalogus.zaaktypen"}
    ).json()["_expand"]["informatieobject"]["_expand"]["informatieobjecttype"]["_expand"]["catalogus"]
    assert deep["url"] == catalogus and "_expand" not in deep


def test_expand_beyond_the_caps_is_a_400(documenten_client, document, settings):
    settings.EXPAND_MAX_PATHS = 1
    response = documenten_client.get(document["url"], {"expand": "informatieobjecttype,informatieobjecttype.catalogus"})
    assert invalid_params(response) == {"expand": "expand-too-large"}
    settings.EXPAND_MAX_PATHS, settings.EXPAND_MAX_DEPTH = 20, 1
    assert invalid_params(documenten_client.get(document["url"], {"expand": "informatieobjecttype.catalogus"})) == {
        "expand": "expand-too-large"
    }
    settings.EXPAND_MAX_DEPTH, settings.EXPAND_MAX_OBJECTS = 6, 1
    assert invalid_params(documenten_client.get(document["url"], {"expand": "informatieobjecttype.catalogus"})) == {
        "expand": "expand-too-large"
    }


def test_expanded_object_outside_the_clients_autorisaties_is_left_out(make_applicatie, document, informatieobjecttype):
    """A drc client without a Catalogi autorisatie may not read the informatieobjecttype: it is not leaked."""
    drc = {"component": "drc", "scopes": ["documenten.lezen"], "informatieobjecttype": informatieobjecttype,
           "max_vertrouwelijkheidaanduiding": "zeer_geheim"}
    documenten_only = client_for(make_applicatie, "alleen-documenten", [drc])
    detail = documenten_only.get(document["url"], {"expand": "informatieobjecttype"})
    assert detail.status_code == 200 and detail.json()["_expand"] == {}
    listed = documenten_only.get(URL, {"expand": "informatieobjecttype"}).json()["results"]
    assert listed[0]["_expand"] == {}

    with_catalogi = client_for(make_applicatie, "ook-catalogi", [drc, {"component": "ztc", "scopes": ["catalogi.lezen"]}])
    expanded = with_catalogi.get(document["url"], {"expand": "informatieobjecttype"}).json()["_expand"]
    assert expanded["informatieobjecttype"]["url"] == informatieobjecttype


def test_expanded_document_outside_the_clients_autorisaties_is_left_out(documenten_client, make_applicatie, document,
                                                                      informatieobjecttype):
    """A verzending of a document the caller may read expands; the expansion is the document as the caller may read it."""
    verzending = documenten_client.post(f"{API}/verzendingen", {
        "informatieobject": document["url"], "betrokkene": "https://localhost/betrokkene/1",
        "aardRelatie": "geadresseerde", "contactPersoon": "https://localhost/persoon/1", "emailadres": "a@example.com",
    }, format="json").json()
    openbaar_only = client_for(make_applicatie, "openbaar", [{
        "component": "drc", "scopes": ["documenten.lezen"], "informatieobjecttype": informatieobjecttype,
        "max_vertrouwelijkheidaanduiding": "openbaar",
    }])
    assert openbaar_only.get(verzending["url"], {"expand": "informatieobject"}).json()["_expand"]["informatieobject"][
        "url"] == document["url"]
    lock = documenten_client.post(f"{document['url']}/lock").json()["lock"]
    documenten_client.patch(document["url"], {"vertrouwelijkheidaanduiding": "geheim", "lock": lock}, format="json")
    assert openbaar_only.get(verzending["url"]).status_code == 403
    assert openbaar_only.get(f"{API}/verzendingen", {"expand": "informatieobject"}).json()["results"] == []


def test_expand_costs_the_same_queries_for_one_document_or_many(documenten_client, document, informatieobjecttype, settings):
    if settings.DOCUMENTEN_BACKEND != "database":
        pytest.skip("query counts of the database backend")
    params = {"expand": "informatieobjecttype.catalogus,informatieobjecttype.zaaktypen"}
    with CaptureQueriesContext(connection) as one:
        assert documenten_client.get(URL, params).status_code == 200
    for _ in range(4):
        documenten_client.post(URL, body(informatieobjecttype), format="json")
    with CaptureQueriesContext(connection) as five:
        page = documenten_client.get(URL, params).json()
    assert page["count"] == 5 and all(item["_expand"]["informatieobjecttype"] for item in page["results"])
    assert len(five.captured_queries) == len(one.captured_queries)


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


def test_zoek_takes_expand_as_a_string_or_a_list(documenten_client, document, informatieobjecttype):
    uuid = document["url"].rsplit("/", 1)[1]
    for expand in ("informatieobjecttype", ["informatieobjecttype"]):
        found = documenten_client.post(f"{URL}/_zoek", {"uuid__in": [uuid], "expand": expand}, format="json")
        assert found.status_code == 200, found.content
        assert found.json()["results"][0]["_expand"]["informatieobjecttype"]["url"] == informatieobjecttype
