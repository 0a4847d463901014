"""Every Documenten answer with `expand` validates against the `…Expanded` schema the API itself serves."""
import re
from functools import cache

import pytest
import yaml
from django.test import Client
from openapi_schema_validator import OAS30ReadValidator, oas30_format_checker

from tests.api.documenten.conftest import API
from tests.api.documenten.test_enkelvoudiginformatieobjecten import URL, body
from tests.api.documenten.test_expand_and_etag import client_for
from tests.api.documenten.test_objectinformatieobjecten import link, remote  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
PREFIX = "/documenten/api/v1"


@cache
def served_schema() -> dict:
    return yaml.safe_load(Client().get(f"{PREFIX}/schema/openapi.yaml").content)


def schema_errors(response, method: str, url: str) -> list[str]:
    document = served_schema()
    path = url.split("?")[0].removeprefix(API)
    operation = next(
        item[method] for template, item in document["paths"].items()
        if re.match("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$", path) and method in item
    )
    schema = {**operation["responses"][str(response.status_code)]["content"]["application/json"]["schema"],
              "components": document["components"]}
    errors = []
    for validator in (OAS30ReadValidator(schema), OAS30ReadValidator(schema, format_checker=oas30_format_checker)):
        errors += [
            f"{method.upper()} {url}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(response.json())
            # The standard writes an empty group (ondertekening, integriteit, adressen) as
            # `allOf: [$ref], nullable: true`, which OAS 3.0 validators read as not nullable.
            if not (e.instance is None and "allOf" in e.absolute_schema_path)
        ]
    return errors


def test_every_expanded_answer_matches_the_served_schema(documenten_client, make_applicatie, informatieobjecttype,
                                                          remote):  # noqa: F811
    document = documenten_client.post(URL, body(informatieobjecttype), format="json").json()
    recht = documenten_client.post(f"{API}/gebruiksrechten", {
        "informatieobject": document["url"], "startdatum": "2024-01-01T00:00:00Z", "omschrijvingVoorwaarden": "geen",
    }, format="json").json()
    verzending = documenten_client.post(f"{API}/verzendingen", {
        "informatieobject": document["url"], "betrokkene": "https://localhost/betrokkene/1",
        "aardRelatie": "geadresseerde", "contactPersoon": "https://localhost/persoon/1", "emailadres": "a@example.com",
    }, format="json").json()
    koppeling = link(documenten_client, document["url"], f"{remote}/zaken/1").json()
    # Without a Catalogi autorisatie the informatieobjecttype is left out: that answer must validate too.
    documenten_only = client_for(make_applicatie, "alleen-documenten", [{
        "component": "drc", "scopes": ["documenten.lezen"], "informatieobjecttype": informatieobjecttype,
        "max_vertrouwelijkheidaanduiding": "zeer_geheim",
    }])
    deep = "informatieobject.informatieobjecttype.catalogus"
    gets = [
        (document["url"], "informatieobjecttype.catalogus,informatieobjecttype.zaaktypen"),
        (URL, "informatieobjecttype.besluittypen"),
        *((url, deep) for url in (recht["url"], verzending["url"], koppeling["url"])),
        *((f"{API}/{collection}", deep) for collection in ("gebruiksrechten", "verzendingen", "objectinformatieobjecten")),
    ]
    errors = []
    for client in (documenten_client, documenten_only):
        for url, expand in gets:
            response = client.get(url, {"expand": expand})
            assert response.status_code == 200 and response.content.count(b"_expand"), (url, response.content)
            errors += schema_errors(response, "get", url)
        found = client.post(f"{URL}/_zoek", {
            "uuid__in": [document["url"].rsplit("/", 1)[1]], "expand": "informatieobjecttype.catalogus",
        }, format="json")
        assert found.status_code == 200, found.content
        errors += schema_errors(found, "post", f"{URL}/_zoek")
    assert errors == []
