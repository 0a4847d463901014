"""Every answer of /applicaties validates against the served OAS: status, media type, headers and body.

Bodies are checked twice: with the discriminator followed (each autorisatie
against its component's schema) and as plain JSON Schema that ignores it, as
generic validators do; `uri` formats are checked strictly.
"""
import copy
from urllib.parse import urlsplit

import pytest
import yaml
from django.test import Client
from jsonschema import FormatChecker
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from tests.conftest import make_token

URL = "/autorisaties/api/v1/applicaties"
CATALOGI = "https://catalogi.example.nl/catalogi/api/v1"
AUTORISATIES = [
    {"component": "zrc", "scopes": ["zaken.lezen"], "zaaktype": f"{CATALOGI}/zaaktypen/1", "maxVertrouwelijkheidaanduiding": "openbaar"},
    {"component": "zrc", "scopes": ["notificaties.consumeren"]},  # no zaken scope: zaaktype stays blank
    {"component": "drc", "scopes": ["documenten.lezen"], "informatieobjecttype": f"{CATALOGI}/informatieobjecttypen/1", "maxVertrouwelijkheidaanduiding": "geheim"},
    {"component": "brc", "scopes": ["besluiten.lezen"], "besluittype": f"{CATALOGI}/besluittypen/1"},
    {"component": "ac", "scopes": ["autorisaties.lezen"]},
    {"component": "nrc", "scopes": ["notificaties.consumeren"]},
    {"component": "ztc", "scopes": []},
]
BODY = {"clientIds": ["app"], "label": "App", "alleenIsGereedVoorPublicatie": True, "autorisaties": AUTORISATIES}

formats = FormatChecker(formats=())
formats.checkers.update(oas30_format_checker.checkers)


@formats.checks("uri")
def _absolute_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


def _without_discriminators(node):
    if isinstance(node, dict):
        return {key: _without_discriminators(value) for key, value in node.items() if key != "discriminator"}
    if isinstance(node, list):
        return [_without_discriminators(value) for value in node]
    return node


@pytest.fixture(scope="module")
def served():
    return yaml.safe_load(Client().get("/autorisaties/api/v1/schema/openapi.yaml").content)


def _errors(schema: dict, components: dict, instance) -> list[str]:
    document = {**schema, "components": components}
    return [
        f"{list(error.absolute_path)}: {error.message}"
        for error in OAS30Validator(document, format_checker=formats).iter_errors(instance)
    ]


def _autorisaties(body) -> list[dict]:
    if isinstance(body, dict) and "results" in body:
        return [a for applicatie in body["results"] for a in applicatie.get("autorisaties", [])]
    return body.get("autorisaties", []) if isinstance(body, dict) else []


def assert_conforms(served: dict, path: str, method: str, response) -> None:
    """The response is one the served document describes for this operation."""
    operation = served["paths"][path][method]
    documented = operation["responses"].get(str(response.status_code))
    assert documented is not None, f"{method.upper()} {path} answered undocumented {response.status_code}"
    for header in documented.get("headers", {}):
        assert response.has_header(header), f"{method.upper()} {path} {response.status_code} lacks {header}"
    if "content" not in documented:
        assert not response.content
        return
    media_type = response["Content-Type"].split(";")[0]
    assert media_type in documented["content"], (media_type, list(documented["content"]))
    schema = documented["content"][media_type]["schema"]
    body = response.json()
    components = served["components"]
    problems = _errors(schema, components, body)
    problems += _errors(_without_discriminators(schema), _without_discriminators(components), body)
    base = components["schemas"].get("AutorisatieBase", {})
    mapping = base.get("discriminator", {}).get("mapping", {})
    for autorisatie in _autorisaties(body):
        assert autorisatie["component"] in mapping, autorisatie
        problems += _errors({"$ref": mapping[autorisatie["component"]]}, _without_discriminators(components), autorisatie)
    assert not problems, f"{method.upper()} {path} {response.status_code}: {problems}"


@pytest.mark.django_db
def test_success_answers_conform(served, superuser_client):
    created = superuser_client.post(URL, BODY, format="json")
    assert created.status_code == 201, created.content
    assert_conforms(served, "/applicaties", "post", created)
    url = created.json()["url"]
    detail = "/applicaties/{uuid}"
    assert_conforms(served, detail, "get", superuser_client.get(url))
    assert_conforms(served, detail, "put", superuser_client.put(url, {**BODY, "label": "Nieuw"}, format="json"))
    assert_conforms(served, detail, "patch", superuser_client.patch(url, {"label": "Weer"}, format="json"))
    assert_conforms(served, "/applicaties", "get", superuser_client.get(URL))
    assert_conforms(served, "/applicaties", "get", superuser_client.get(URL, {"clientIds": "app"}))
    assert_conforms(served, "/applicaties/consumer", "get", superuser_client.get(f"{URL}/consumer", {"clientId": "app"}))
    assert_conforms(served, detail, "delete", superuser_client.delete(url))


@pytest.mark.django_db
def test_error_answers_conform(served, superuser_client):
    url = superuser_client.post(URL, BODY, format="json").json()["url"]
    detail = "/applicaties/{uuid}"
    answers = [
        ("/applicaties", "post", superuser_client.post(URL, {"label": ""}, format="json")),
        ("/applicaties", "get", superuser_client.get(URL, {"unknown": "1"})),
        ("/applicaties", "get", superuser_client.get(URL, {"page": 9})),
        (detail, "get", superuser_client.get(url, {"unknown": "1"})),
        (detail, "get", superuser_client.get(f"{URL}/6f1b1d5e-4b0e-4a5e-9d3e-000000000000")),
        (detail, "put", superuser_client.put(url, {"label": "x"}, format="json")),
        (detail, "patch", superuser_client.patch(url, {"alleenIsGereedVoorPublicatie": "ja"}, format="json")),
        ("/applicaties/consumer", "get", superuser_client.get(f"{URL}/consumer")),
        ("/applicaties/consumer", "get", superuser_client.get(f"{URL}/consumer", {"clientId": "nobody"})),
        ("/applicaties", "get", Client().get(URL)),
        ("/applicaties", "get", Client().get(URL, HTTP_AUTHORIZATION=f"Bearer {make_token('superclient', 'wrong-secret-0123456789abcdef0123')}")),
    ]
    for path, method, response in answers:
        assert response.status_code >= 400, (path, method, response.status_code)
        assert_conforms(served, path, method, response)


def test_the_check_refuses_what_the_old_schema_allowed_wrongly(served):
    """Guards the guard: the oneOf vng_api_common generated for autorisaties fails the plain check."""
    components = copy.deepcopy(served["components"])
    schemas = components["schemas"]
    schemas["AutorisatieBase"] = {
        "oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in ("ac", "nrc", "ztc")],
    }
    for name in ("ac", "nrc", "ztc"):
        schemas[name] = {"type": "object", "properties": {"component": {"type": "string"}}}
    assert _errors({"$ref": "#/components/schemas/AutorisatieBase"}, components, {"component": "ac", "scopes": []})
    assert _errors({"type": "string", "format": "uri"}, components, "")
