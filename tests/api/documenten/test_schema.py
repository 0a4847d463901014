"""The served Documenten OAS documents every implemented resource (a viewset the generator skips would vanish)."""
import pytest
import yaml
from django.test import Client

from tests.api.documenten.conftest import API


def test_schema_lists_the_implemented_resources():
    schema = yaml.safe_load(Client().get("/documenten/api/v1/schema/openapi.yaml").content)
    paths = set(schema["paths"])
    assert {
        "/enkelvoudiginformatieobjecten",
        "/enkelvoudiginformatieobjecten/{uuid}/download",
        "/enkelvoudiginformatieobjecten/_zoek",
        "/gebruiksrechten/{uuid}",
        "/objectinformatieobjecten/{uuid}",
    } <= paths
    for path in ("/gebruiksrechten", "/objectinformatieobjecten", "/enkelvoudiginformatieobjecten"):
        body = schema["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        assert body["$ref"].startswith("#/components/schemas/"), path


def served() -> dict:
    return yaml.safe_load(Client().get("/documenten/api/v1/schema/openapi.yaml").content)


def response_schema(schema: dict, path: str, method: str, status: str) -> dict:
    found = schema["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
    while "$ref" in found:
        found = schema["components"]["schemas"][found["$ref"].rsplit("/", 1)[1]]
    return found


@pytest.mark.django_db
def test_gebruiksrechten_and_objectinformatieobjecten_lists_are_documented_as_the_arrays_they_are(documenten_client):
    schema = served()
    for path in ("/gebruiksrechten", "/objectinformatieobjecten"):
        assert response_schema(schema, path, "get", "200")["type"] == "array", path
        answer = documenten_client.get(f"{API}{path}")
        assert answer.status_code == 200 and answer.json() == [], path
    assert "results" in response_schema(schema, "/enkelvoudiginformatieobjecten", "get", "200")["properties"]


def test_create_documents_the_lock_it_answers_and_zoek_the_1_7_body():
    schema = served()
    created = response_schema(schema, "/enkelvoudiginformatieobjecten", "post", "201")
    assert created["properties"]["lock"]["readOnly"] is True
    zoek = schema["paths"]["/enkelvoudiginformatieobjecten/_zoek"]["post"]["requestBody"]["content"]["application/json"]
    body = schema["components"]["schemas"][zoek["schema"]["$ref"].rsplit("/", 1)[1]]
    assert set(body["properties"]) == {"uuid__in", "identificatie", "bronorganisatie", "expand"}
    assert body["required"] == ["uuid__in"]
