"""Every kind of Catalogi response validates against the schema the API itself serves for its operation.

Each answer is checked twice: as a validator that does not assert formats sees
it, and as one that does (dates, e-mail addresses, uuids).
"""
import re
from functools import cache

import pytest
import yaml
from django.test import Client
from openapi_schema_validator import OAS30ReadValidator, oas30_format_checker
from vng_api_common.utils import underscore_to_camel

from api.common.expand import RESOURCES

from tests.fixtures.catalogi import API, besluittype_body, informatieobjecttype_body, resultaattype_body, zaaktype_body

pytestmark = pytest.mark.django_db
PREFIX = "/catalogi/api/v1"
WITHOUT_STATUS = ("catalogussen", "zaakobjecttypen")


@cache
def served_schema() -> dict:
    return yaml.safe_load(Client().get(f"{PREFIX}/schema/openapi.yaml").content)


def response_schema(method: str, url: str, status: int) -> dict:
    document = served_schema()
    path = url.split("?")[0].removeprefix(API)
    for template, item in document["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template.removeprefix(PREFIX)) + "$"
        if re.match(pattern, path) and method in item:
            schema = item[method]["responses"][str(status)]["content"]["application/json"]["schema"]
            return {**schema, "components": document["components"]}
    raise AssertionError(f"{method} {path} is not in the served schema")


def schema_errors(response, method: str, url: str) -> list[str]:
    schema = response_schema(method, url, response.status_code)
    body = response.json()
    errors = []
    for validator in (OAS30ReadValidator(schema), OAS30ReadValidator(schema, format_checker=oas30_format_checker)):
        errors += [f"{method.upper()} {url}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
                   for e in validator.iter_errors(body)]
    return errors


class Recorder:
    """Sends requests as a client does and keeps every schema error of the answers."""

    def __init__(self, client):
        self.client = client
        self.errors: list[str] = []

    def send(self, method: str, url: str, body=None, *, expect: int = 200, params=None) -> dict:
        if method == "get":
            response = self.client.get(url, params or {})
        else:
            response = getattr(self.client, method)(url, body, format="json")
        assert response.status_code == expect, response.content
        self.errors += schema_errors(response, method, url)
        return response.json()

    def create(self, collection: str, body: dict) -> dict:
        created = self.send("post", f"{API}/{collection}", body, expect=201)
        self.send("get", created["url"])
        return created

    def lists(self, collection: str) -> None:
        self.send("get", f"{API}/{collection}", params={} if collection in WITHOUT_STATUS else {"status": "alles"})


MODELS = (
    "catalogus", "informatieobjecttype", "besluittype", "zaaktype", "statustype", "resultaattype",
    "roltype", "eigenschap", "zaaktypeinformatieobjecttype", "zaakobjecttype",
)
COLLECTIONS = (
    "catalogussen", "informatieobjecttypen", "besluittypen", "zaaktypen", "statustypen", "resultaattypen",
    "roltypen", "eigenschappen", "zaaktype-informatieobjecttypen", "zaakobjecttypen",
)


def test_every_response_matches_the_served_schema(catalogi_client, catalogus):
    api = Recorder(catalogi_client)
    build_catalogus(api, catalogus)
    for collection in COLLECTIONS:
        api.lists(collection)
    assert api.errors == []


def test_every_expanded_response_matches_the_served_schema(catalogi_client, catalogus):
    """Each resource with each of its links expanded, and one level further, as its `Expanded` schema says."""
    build_catalogus(Recorder(catalogi_client), catalogus)
    api = Recorder(catalogi_client)
    for collection, model in zip(COLLECTIONS, MODELS):
        links = RESOURCES[f"catalogi.{model}"].links
        deeper = [f"{name}.{next(iter(RESOURCES[link.target].links))}" for name, link in links.items()]
        expand = ",".join(underscore_to_camel(name) for name in [*links, *deeper])
        params = {"expand": expand} if collection in WITHOUT_STATUS else {"expand": expand, "status": "alles"}
        listed = api.send("get", f"{API}/{collection}", params=params)
        assert listed["results"] and all("_expand" in item for item in listed["results"]), collection
        api.send("get", listed["results"][0]["url"], params={"expand": expand})
    assert api.errors == []


def build_catalogus(api: Recorder, catalogus: str) -> None:
    """Every kind of Catalogi resource, created, changed and published through the API."""
    api.send("patch", catalogus, {"naam": "Catalogus", "contactpersoonBeheerEmailadres": "beheer@example.com"})
    api.send("put", catalogus, {"domein": "TEST", "rsin": "000000000", "contactpersoonBeheerNaam": "Beheer"})
    api.send("get", catalogus)
    iot = api.create("informatieobjecttypen", informatieobjecttype_body(catalogus))
    api.send("post", f"{iot['url']}/publish")
    besluittype = api.create("besluittypen", besluittype_body(catalogus, informatieobjecttypen=["Aanvraagformulier"]))
    api.send("patch", besluittype["url"], {"toelichting": "Bijgewerkt"})
    api.send("post", f"{besluittype['url']}/publish")
    deelzaaktype = api.create("zaaktypen", zaaktype_body(catalogus, identificatie="DEEL-1"))
    api.send("post", f"{deelzaaktype['url']}/publish")
    zaaktype = api.create("zaaktypen", zaaktype_body(
        catalogus, besluittypen=["Vergunningsbesluit"], deelzaaktypen=["DEEL-1"],
        gerelateerdeZaaktypen=[{"zaaktype": "ZT-9", "aardRelatie": "vervolg", "toelichting": ""}],
    ))
    api.send("put", zaaktype["url"], zaaktype_body(catalogus, omschrijving="Vernieuwd", besluittypen=["Vergunningsbesluit"]))
    statustype = api.create("statustypen", {"zaaktype": zaaktype["url"], "omschrijving": "Ontvangen", "volgnummer": 1})
    api.send("patch", statustype["url"], {"statustekst": "Ontvangen"})
    resultaattype = api.create("resultaattypen", resultaattype_body(zaaktype["url"], besluittypen=["Vergunningsbesluit"]))
    api.send("put", resultaattype["url"], resultaattype_body(zaaktype["url"], toelichting="Bijgewerkt"))
    api.create("roltypen", {"zaaktype": zaaktype["url"], "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"})
    api.create("eigenschappen", {
        "zaaktype": zaaktype["url"], "naam": "kenteken", "definitie": "Het kenteken",
        "specificatie": {"formaat": "datum", "lengte": "8", "kardinaliteit": "1"},
    })
    api.create("zaaktype-informatieobjecttypen", {
        "zaaktype": zaaktype["url"], "informatieobjecttype": "Aanvraagformulier", "volgnummer": 1, "richting": "inkomend",
    })
    zaakobjecttype = api.create("zaakobjecttypen", {
        "zaaktype": zaaktype["url"], "catalogus": catalogus, "anderObjecttype": False,
        "objecttype": "https://example.com/objecttypen/1", "relatieOmschrijving": "Het voertuig",
        "resultaattypen": [resultaattype["url"]], "statustypen": [statustype["url"]],
    })
    api.send("patch", zaakobjecttype["url"], {"relatieOmschrijving": "Het kenteken"})
    api.send("post", f"{zaaktype['url']}/publish")
