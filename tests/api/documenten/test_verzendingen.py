"""VERZENDINGEN through the API: one address or channel each, filters and pages, autorisatie by their document."""
import uuid

import pytest
import yaml
from django.test import Client

from api.common.models import OutboxNotification
from tests.api.documenten.conftest import API
from tests.conftest import invalid_params

pytestmark = pytest.mark.django_db
URL = f"{API}/verzendingen"
BETROKKENE = "https://klanten.example.nl/klanten/api/v1/klanten/1"
CONTACT = "https://medewerkers.example.nl/api/v1/medewerkers/1"
THUIS = {"huisnummer": 117, "huisletter": "A", "naamOpenbareRuimte": "Keizersgracht", "woonplaatsnaam": "Amsterdam",
         "postcode": "1015CJ", "huisnummerToevoeging": ""}
BUITENLAND = {"adresBuitenland1": "Rue de la Loi 1", "landPostadres": "https://landen.example.nl/BE"}
POSTBUS = {"postBusOfAntwoordnummer": 1234, "postadresPostcode": "1000AA", "postadresType": "postbusnummer",
           "woonplaatsnaam": "Amsterdam"}


def verzending(document_url: str, **overrides) -> dict:
    return {
        "informatieobject": document_url, "betrokkene": BETROKKENE, "aardRelatie": "geadresseerde",
        "contactPersoon": CONTACT, "verzenddatum": "2024-03-01", "binnenlandsCorrespondentieadres": THUIS,
        **overrides,
    }


def create_document(client, informatieobjecttype: str, level: str) -> str:
    response = client.post(f"{API}/enkelvoudiginformatieobjecten", {
        "bronorganisatie": "000000000", "creatiedatum": "2024-01-01", "titel": "t", "auteur": "a", "taal": "dut",
        "informatieobjecttype": informatieobjecttype, "vertrouwelijkheidaanduiding": level,
    }, format="json")
    assert response.status_code == 201, response.content
    return response.json()["url"]


def test_create_read_and_head_with_etag(documenten_client, document_url):
    created = documenten_client.post(URL, verzending(document_url, toelichting="aangetekend"), format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["informatieobject"] == document_url
    assert (body["binnenlandsCorrespondentieadres"], body["buitenlandsCorrespondentieadres"]) == (THUIS, None)
    assert (body["aardRelatie"], body["toelichting"]) == ("geadresseerde", "aangetekend")
    assert body["verzenddatum"] == "2024-03-01"
    assert (body["ontvangstdatum"], body["mijnOverheid"], body["emailadres"]) == (None, False, "")
    assert documenten_client.get(body["url"]).json() == body
    head = documenten_client.head(body["url"])
    assert (head.status_code, head.content) == (200, b"")
    assert head["ETag"] == documenten_client.get(body["url"])["ETag"]
    # A verzending is not announced (the documenten kanaal lists no such resource) and leaves the document as is.
    assert not OutboxNotification.objects.filter(resource="verzending").exists()
    assert documenten_client.get(document_url).json()["versie"] == 1


@pytest.mark.parametrize(
    "channel",
    [{"buitenlandsCorrespondentieadres": BUITENLAND}, {"correspondentiePostadres": POSTBUS},
     {"faxnummer": "0201234567"}, {"emailadres": "burger@example.nl"}, {"mijnOverheid": True},
     {"telefoonnummer": "0612345678"}],
)
def test_each_channel_alone_is_accepted(documenten_client, document_url, channel):
    body = verzending(document_url, binnenlandsCorrespondentieadres=None, **channel)
    created = documenten_client.post(URL, body, format="json")
    assert created.status_code == 201, created.content
    for name, value in channel.items():
        rendered = created.json()[name]
        if isinstance(value, dict):
            assert value.items() <= rendered.items()
        else:
            assert rendered == value


@pytest.mark.parametrize(
    "channels",
    [
        {"binnenlandsCorrespondentieadres": None},
        {"binnenlandsCorrespondentieadres": None, "mijnOverheid": False, "emailadres": ""},
        {"buitenlandsCorrespondentieadres": BUITENLAND},
        {"correspondentiePostadres": POSTBUS},
        {"emailadres": "burger@example.nl"},
        {"binnenlandsCorrespondentieadres": None, "mijnOverheid": True, "telefoonnummer": "0612345678"},
        {"faxnummer": "0201234567"},
    ],
)
def test_a_verzending_needs_exactly_one_address_or_channel(documenten_client, document_url, channels):
    response = documenten_client.post(URL, verzending(document_url, **channels), format="json")
    assert invalid_params(response) == {"nonFieldErrors": "invalid-address"}
    assert documenten_client.get(URL).json()["count"] == 0


@pytest.mark.parametrize(
    ("field", "value", "nested"),
    [
        ("binnenlandsCorrespondentieadres", {**THUIS, "huisnummer": None}, "huisnummer"),
        ("binnenlandsCorrespondentieadres", {**THUIS, "huisnummer": 100000}, "huisnummer"),
        ("binnenlandsCorrespondentieadres", {**THUIS, "postcode": "1015 CJ"}, "postcode"),
        ("correspondentiePostadres", {**POSTBUS, "postadresType": "huis"}, "postadresType"),
        ("buitenlandsCorrespondentieadres", {"adresBuitenland1": "x"}, "landPostadres"),
        ("aardRelatie", "ontvanger", None),
        ("contactPersoon", None, None),
    ],
)
def test_field_rules(documenten_client, document_url, field, value, nested):
    body = {**verzending(document_url, binnenlandsCorrespondentieadres=None), field: value}
    expected = f"{field}.{nested}" if nested else field
    assert set(invalid_params(documenten_client.post(URL, body, format="json"))) == {expected}


def test_put_replaces_and_patch_keeps_one_channel(documenten_client, document_url):
    url = documenten_client.post(URL, verzending(document_url, toelichting="per post"), format="json").json()["url"]
    put = documenten_client.put(url, verzending(document_url, binnenlandsCorrespondentieadres=None,
                                                emailadres="burger@example.nl"), format="json")
    assert put.status_code == 200, put.content
    assert (put.json()["binnenlandsCorrespondentieadres"], put.json()["toelichting"]) == (None, "")
    second = documenten_client.patch(url, {"telefoonnummer": "0612345678"}, format="json")
    assert invalid_params(second) == {"nonFieldErrors": "invalid-address"}
    patched = documenten_client.patch(url, {"toelichting": "per mail"}, format="json")
    assert (patched.json()["toelichting"], patched.json()["emailadres"]) == ("per mail", "burger@example.nl")
    incomplete = documenten_client.patch(
        url, {"emailadres": None, "correspondentiePostadres": {"postBusOfAntwoordnummer": 1}}, format="json"
    )
    assert set(invalid_params(incomplete)) == {
        f"correspondentiePostadres.{name}" for name in ("postadresPostcode", "postadresType", "woonplaatsnaam")
    }
    switched = documenten_client.patch(url, {"emailadres": None, "correspondentiePostadres": POSTBUS}, format="json")
    assert switched.status_code == 200, switched.content
    assert (switched.json()["emailadres"], switched.json()["correspondentiePostadres"]) == ("", POSTBUS)
    assert documenten_client.get(url).json() == switched.json()


def test_update_may_move_to_another_document_of_this_service(documenten_client, document_url, informatieobjecttype):
    other = create_document(documenten_client, informatieobjecttype, "openbaar")
    url = documenten_client.post(URL, verzending(document_url), format="json").json()["url"]
    moved = documenten_client.patch(url, {"informatieobject": other}, format="json")
    assert moved.status_code == 200, moved.content
    assert moved.json()["informatieobject"] == other
    unknown = f"{API}/enkelvoudiginformatieobjecten/{uuid.uuid4()}"
    assert invalid_params(documenten_client.patch(url, {"informatieobject": unknown}, format="json")) == {
        "informatieobject": "bad-url"
    }


def test_list_filters_and_pages(documenten_client, document_url, informatieobjecttype):
    other = create_document(documenten_client, informatieobjecttype, "openbaar")
    first = documenten_client.post(URL, verzending(document_url), format="json").json()["url"]
    second = documenten_client.post(URL, verzending(
        document_url, aardRelatie="afzender", betrokkene="https://klanten.example.nl/klanten/api/v1/klanten/2"
    ), format="json").json()["url"]
    third = documenten_client.post(URL, verzending(other), format="json").json()["url"]

    def urls(**params):
        response = documenten_client.get(URL, params)
        assert response.status_code == 200, response.content
        return [item["url"] for item in response.json()["results"]]

    assert urls() == [first, second, third]
    assert urls(informatieobject=document_url) == [first, second]
    assert urls(betrokkene=BETROKKENE) == [first, third]
    assert urls(aardRelatie="afzender") == [second]
    page = documenten_client.get(URL).json()
    assert (page["count"], page["next"], page["previous"]) == (3, None, None)
    assert documenten_client.get(URL, {"page": 2}).status_code == 404
    assert invalid_params(documenten_client.get(URL, {"aardRelatie": "ontvanger"})) == {"aardRelatie": "invalid_choice"}
    assert invalid_params(documenten_client.get(URL, {"status": "x"})) == {"nonFieldErrors": "unknown-parameters"}
    assert invalid_params(documenten_client.get(URL, {"informatieobject": "https://elders.example.nl/1"})) == {
        "informatieobject": "bad-url"
    }


def test_delete_and_deleting_the_document(documenten_client, document_url):
    first = documenten_client.post(URL, verzending(document_url), format="json").json()["url"]
    second = documenten_client.post(URL, verzending(document_url), format="json").json()["url"]
    assert documenten_client.delete(first).status_code == 204
    assert documenten_client.get(first).status_code == 404
    assert documenten_client.delete(document_url).status_code == 204
    assert documenten_client.get(second).status_code == 404


@pytest.mark.parametrize(
    "informatieobject",
    [f"{API}/enkelvoudiginformatieobjecten/{uuid.uuid4()}", "https://elders.example.nl/documenten/api/v1/x/1"],
)
def test_informatieobject_must_be_an_existing_document_here(documenten_client, informatieobject):
    response = documenten_client.post(URL, verzending(informatieobject), format="json")
    assert invalid_params(response) == {"informatieobject": "bad-url"}


def test_autorisaties_of_the_document_decide(documenten_client, informatieobjecttype, restricted_client):
    openbaar = create_document(documenten_client, informatieobjecttype, "openbaar")
    geheim = create_document(documenten_client, informatieobjecttype, "geheim")
    visible = documenten_client.post(URL, verzending(openbaar), format="json").json()["url"]
    hidden = documenten_client.post(URL, verzending(geheim), format="json").json()["url"]
    client = restricted_client(
        "verzender", informatieobjecttype=informatieobjecttype, level="intern",
        scopes=["documenten.lezen", "documenten.aanmaken", "documenten.bijwerken", "documenten.verwijderen"],
    )
    listed = client.get(URL).json()
    assert (listed["count"], [item["url"] for item in listed["results"]]) == (1, [visible])
    assert client.get(URL, {"informatieobject": geheim}).json()["count"] == 0
    assert client.get(hidden).status_code == 403
    assert client.head(hidden).status_code == 403
    assert client.post(URL, verzending(geheim), format="json").status_code == 403
    assert client.patch(hidden, {"toelichting": "x"}, format="json").status_code == 403
    assert client.patch(visible, {"informatieobject": geheim}, format="json").status_code == 403
    assert client.delete(hidden).status_code == 403
    assert documenten_client.get(visible).json()["informatieobject"] == openbaar
    assert client.get(visible).status_code == 200


def test_schema_describes_verzendingen_like_the_standard():
    schema = yaml.safe_load(Client().get("/documenten/api/v1/schema/openapi.yaml").content)
    listing, detail = schema["paths"]["/verzendingen"], schema["paths"]["/verzendingen/{uuid}"]
    assert (listing["get"]["operationId"], listing["post"]["operationId"]) == ("verzending_list", "verzending_create")
    assert (detail["put"]["operationId"], detail["patch"]["operationId"]) == (
        "verzending_update", "verzending_partial_update"
    )
    assert {"get", "put", "patch", "delete", "head"} <= set(detail)
    params = {param["name"]: param for param in listing["get"]["parameters"]}
    assert {"aardRelatie", "informatieobject", "betrokkene", "page"} <= set(params)
    assert params["aardRelatie"]["schema"]["enum"] == ["afzender", "geadresseerde"]
    assert listing["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/PaginatedVerzendingList"
    )
    request_body = listing["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert request_body["$ref"].endswith("/VerzendingRequest")
    component = schema["components"]["schemas"]["Verzending"]
    assert {"aardRelatie", "betrokkene", "contactPersoon", "informatieobject", "url"} <= set(component["required"])
