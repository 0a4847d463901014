"""The served Documenten OAS documents every implemented resource (a viewset the generator skips would vanish)."""
import yaml
from django.test import Client


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
