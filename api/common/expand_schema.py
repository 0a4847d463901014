"""The `_expand` part of each served OAS, built from the expand registry (expand.py).

Written as the 1.7 standards write it: `<X>Expanded` is `<X>` with an
`_expand` of type `<X>Embedded`, which holds per link the target's
`Expanded` schema (to-one: or the `EmptyObject` `{}`; to-many: an array).
A target served by another API of this service is a nested expansion of
that API (an object; zrc-026 writes it the same way). The GET operations
that take `expand` (and the pages they answer with) answer `<X>Expanded`,
and document the 404 of an unknown expand name (drc-013).
"""
from vng_api_common.utils import underscore_to_camel

from .expand import EXPAND_KEY, RESOURCES, Link, Resource

REF = "#/components/schemas/"
EMPTY_OBJECT = {
    "type": "object",
    "maxProperties": 0,
    "description": "Leeg object. Dit wordt teruggeven indien het te expanderen veld een null waarde heeft.",
    "example": {},
}
NESTED = {"type": "object", "description": "Geneste expansie van een andere API van deze dienst.", "additionalProperties": True}


def expand_schema_hook(result, generator, request, public):
    """drf-spectacular postprocessing hook: add the Expanded/Embedded schemas and use them where expand applies."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    api = result.get("servers", [{}])[0].get("url", "").strip("/").split("/")[0]
    own = {r.name: r for r in RESOURCES.values() if r.api == api and r.schema_name in schemas}
    if not own:
        return result
    schemas["EmptyObject"] = EMPTY_OBJECT
    schemas["GenesteExpansie"] = NESTED
    for resource in own.values():
        schemas[f"{resource.schema_name}Expanded"] = {
            "allOf": [{"$ref": REF + resource.schema_name}, {"properties": {EXPAND_KEY: {"$ref": f"{REF}{resource.schema_name}Embedded"}}}]
        }
        schemas[f"{resource.schema_name}Embedded"] = _embedded(resource, own)
    expanded = {REF + r.schema_name: f"{REF}{r.schema_name}Expanded" for r in own.values()}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if _takes_expand(method, operation):
                responses = operation.get("responses", {})
                for media in responses.get("200", {}).get("content", {}).values():
                    _use_expanded(media.get("schema", {}), expanded, schemas)
                if "404" not in responses and "400" in responses:
                    # drc-013 / zrc-027: an unknown expand name is a 404, on lists too.
                    responses["404"] = {**responses["400"], "description": "Not found"}
                    responses["404"]["content"] = {"application/problem+json": {"schema": {"$ref": REF + "Fout"}}}
    return result


def _embedded(resource: Resource, own: dict[str, Resource]) -> dict:
    return {"type": "object", "properties": {
        underscore_to_camel(name): _link_schema(link, own) for name, link in resource.links.items()
    }}


def _link_schema(link: Link, own: dict[str, Resource]) -> dict:
    target = own.get(link.target)
    ref = {"$ref": f"{REF}{target.schema_name}Expanded" if target else REF + "GenesteExpansie"}
    if link.many:
        return {"type": "array", "items": ref}
    if link.required:
        return ref
    # anyOf where the standards write oneOf: an empty object would match both a
    # nested expansion and EmptyObject, which oneOf forbids.
    return {"anyOf": [ref, {"$ref": REF + "EmptyObject"}]}


def _takes_expand(method: str, operation: dict) -> bool:
    if method == "get":
        return any(p.get("name") == "expand" and p.get("in") == "query" for p in operation.get("parameters", []))
    if method == "post":
        body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
        return "_zoek" in operation.get("operationId", "") or "expand" in body.get("properties", {})
    return False


def _use_expanded(schema: dict, expanded: dict[str, str], schemas: dict) -> None:
    """Point a response schema (a resource, a plain list, or a page component) at the Expanded schemas."""
    ref = schema.get("$ref")
    if ref in expanded:
        schema["$ref"] = expanded[ref]
    elif ref and ref.startswith(REF):
        page = schemas.get(ref[len(REF):], {})
        results = page.get("properties", {}).get("results", {})
        if results.get("type") == "array":
            _use_expanded(results.get("items", {}), expanded, schemas)
    elif schema.get("type") == "array":
        _use_expanded(schema.get("items", {}), expanded, schemas)
