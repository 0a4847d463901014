"""The type registry: CMIS base types as Alfresco exposes them, plus types a test or demo registers.

Alfresco type ids carry a prefix by base type (``D:`` document, ``F:`` folder, ``I:`` item, ``P:``
secondary/aspect) while queries use the queryName without it (CMIS.md §4.4). Registered types
stand in for a deployed Alfresco content model; Alfresco cannot create types over CMIS either.
"""
from typing import Any

from .errors import InvalidArgument, ObjectNotFound

NAMESPACES = {
    "cmis": "http://docs.oasis-open.org/ns/cmis/core/200908/",
    "alfcmis": "http://www.alfresco.org",
    "cm": "http://www.alfresco.org/model/content/1.0",
}
PROPERTY_TYPES = {"string", "id", "boolean", "integer", "decimal", "datetime", "uri", "html"}
UPDATABILITY = {"readonly", "readwrite", "oncreate", "whencheckedout"}
VERSIONABLE = "P:cm:versionable"  # the aspect Alfresco adds to every versioned document
PREFIX_BASE = {"D:": "cmis:document", "F:": "cmis:folder", "I:": "cmis:item", "P:": "cmis:secondary"}


def namespace(name: str) -> str:
    """The namespace URI of a prefixed name; registered models get a URN of their own."""
    prefix = name.split(":")[-2] if name.count(":") > 1 else name.split(":")[0]
    return NAMESPACES.get(prefix, f"urn:cmis-test-server:model:{prefix}")


def property_definition(raw: dict[str, Any]) -> dict[str, Any]:
    """A complete CMIS property definition from a partial one (id and propertyType are required)."""
    pid = raw.get("id")
    if not isinstance(pid, str) or ":" not in pid:
        raise InvalidArgument(f"Property id must be a prefixed name, got {pid!r}")
    if raw.get("propertyType") not in PROPERTY_TYPES:
        raise InvalidArgument(f"Property {pid}: propertyType must be one of {sorted(PROPERTY_TYPES)}")
    cardinality = raw.get("cardinality", "single")
    updatability = raw.get("updatability", "readwrite")
    if cardinality not in ("single", "multi") or updatability not in UPDATABILITY:
        raise InvalidArgument(f"Property {pid}: bad cardinality or updatability")
    definition = {
        "id": pid,
        "localName": raw.get("localName", pid.split(":", 1)[1]),
        "localNamespace": raw.get("localNamespace", namespace(pid)),
        "displayName": raw.get("displayName", pid),
        "queryName": raw.get("queryName", pid),
        "description": raw.get("description", pid),
        "propertyType": raw["propertyType"],
        "cardinality": cardinality,
        "updatability": updatability,
        "inherited": False,
        "required": bool(raw.get("required", False)),
        "queryable": bool(raw.get("queryable", True)),
        "orderable": bool(raw.get("orderable", cardinality == "single")),
        "openChoice": bool(raw.get("openChoice", True)),
    }
    if raw.get("maxLength") is not None:
        definition["maxLength"] = int(raw["maxLength"])
    return definition


def _props(*specs: tuple) -> dict[str, dict[str, Any]]:
    definitions = {}
    for pid, ptype, *flags in specs:
        raw = {"id": pid, "propertyType": ptype, "updatability": "readonly"}
        for flag in flags:
            key, _, value = flag.partition("=")
            raw[key] = value if value else True
        definitions[pid] = property_definition(raw)
    return definitions


COMMON = _props(
    ("cmis:objectId", "id"),
    ("cmis:baseTypeId", "id"),
    ("cmis:objectTypeId", "id", "updatability=oncreate", "required"),
    ("cmis:secondaryObjectTypeIds", "id", "cardinality=multi", "updatability=readwrite"),
    ("cmis:name", "string", "updatability=readwrite", "required"),
    ("cmis:description", "string", "updatability=readwrite"),
    ("cmis:createdBy", "string"),
    ("cmis:creationDate", "datetime"),
    ("cmis:lastModifiedBy", "string"),
    ("cmis:lastModificationDate", "datetime"),
    ("cmis:changeToken", "string"),
    ("alfcmis:nodeRef", "id"),
)
DOCUMENT = _props(
    ("cmis:isImmutable", "boolean"),
    ("cmis:isLatestVersion", "boolean"),
    ("cmis:isMajorVersion", "boolean"),
    ("cmis:isLatestMajorVersion", "boolean"),
    ("cmis:isPrivateWorkingCopy", "boolean"),
    ("cmis:versionLabel", "string"),
    ("cmis:versionSeriesId", "id"),
    ("cmis:isVersionSeriesCheckedOut", "boolean"),
    ("cmis:versionSeriesCheckedOutBy", "string"),
    ("cmis:versionSeriesCheckedOutId", "id"),
    ("cmis:checkinComment", "string"),
    ("cmis:contentStreamLength", "integer"),
    ("cmis:contentStreamMimeType", "string"),
    ("cmis:contentStreamFileName", "string"),
    ("cmis:contentStreamId", "id"),
)
FOLDER = _props(
    ("cmis:parentId", "id"),
    ("cmis:path", "string"),
    ("cmis:allowedChildObjectTypeIds", "id", "cardinality=multi"),
)
RELATIONSHIP = _props(
    ("cmis:sourceId", "id", "updatability=oncreate"), ("cmis:targetId", "id", "updatability=oncreate"),
)


def type_definition(raw: dict[str, Any], base_id: str, own: dict[str, dict]) -> dict[str, Any]:
    """A complete type definition; ``own`` holds the properties this type adds to its parent's."""
    prefixed = raw["id"][:2] in PREFIX_BASE
    query_name = raw.get("queryName") or (raw["id"][2:] if prefixed else raw["id"])
    definition = {
        "id": raw["id"],
        "localName": raw.get("localName", query_name.split(":")[-1]),
        "localNamespace": raw.get("localNamespace", namespace(raw["id"])),
        "displayName": raw.get("displayName", raw["id"]),
        "queryName": query_name,
        "description": raw.get("description", raw["id"]),
        "baseId": base_id,
        "parentId": raw.get("parentId"),
        "creatable": bool(raw.get("creatable", base_id in ("cmis:document", "cmis:folder", "cmis:item"))),
        "fileable": base_id in ("cmis:document", "cmis:folder", "cmis:item"),
        "queryable": bool(raw.get("queryable", base_id != "cmis:secondary")),
        "fulltextIndexed": False,
        "includedInSupertypeQuery": True,
        "controllablePolicy": False,
        "controllableACL": base_id != "cmis:secondary",
        "typeMutability": {"create": False, "update": False, "delete": False},
        "propertyDefinitions": own,
    }
    if base_id == "cmis:document":
        definition["versionable"] = True
        allowed = raw.get("contentStreamAllowed", "allowed")
        if allowed not in ("allowed", "notallowed", "required"):
            raise InvalidArgument("contentStreamAllowed must be allowed, notallowed or required")
        definition["contentStreamAllowed"] = allowed
    return definition


BASE_TYPES = [
    type_definition({"id": "cmis:document", "localName": "content"}, "cmis:document", {**COMMON, **DOCUMENT}),
    type_definition({"id": "cmis:folder", "localName": "folder"}, "cmis:folder", {**COMMON, **FOLDER}),
    type_definition({"id": "cmis:item"}, "cmis:item", dict(COMMON)),
    type_definition({"id": "cmis:secondary"}, "cmis:secondary", {}),
    type_definition({"id": "cmis:relationship", "creatable": False}, "cmis:relationship", {**COMMON, **RELATIONSHIP}),
    type_definition({"id": "cmis:policy", "creatable": False}, "cmis:policy", dict(COMMON)),
]
BUILTIN_SECONDARY = [
    {"id": VERSIONABLE, "parentId": "cmis:secondary", "displayName": "Versionable"},
    {"id": "P:cm:titled", "parentId": "cmis:secondary", "displayName": "Titled",
     "propertyDefinitions": [{"id": "cm:title", "propertyType": "string"}]},
]


class TypeRegistry:
    """Base types, Alfresco's built-in aspects and registered types; lookups by id and queryName."""

    def __init__(self, registered: list[dict[str, Any]] = ()):
        self._types: dict[str, dict[str, Any]] = {t["id"]: t for t in BASE_TYPES}
        pending = [*BUILTIN_SECONDARY, *registered]
        while pending:  # parents first, whatever order they were stored in
            ready = [raw for raw in pending if raw.get("parentId") in self._types] or pending[:1]
            for raw in ready:
                self.register(raw)
                pending.remove(raw)

    def register(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Validate and add (or replace, as a model redeploy would) one type definition."""
        type_id, parent_id = raw.get("id"), raw.get("parentId")
        if not isinstance(type_id, str) or type_id[:2] not in PREFIX_BASE:
            raise InvalidArgument(f"Type id must start with one of {sorted(PREFIX_BASE)}: {type_id!r}")
        parent = self._types.get(parent_id)
        if parent is None:
            raise InvalidArgument(f"Unknown parentId {parent_id!r}")
        base_id = parent["baseId"]
        if PREFIX_BASE[type_id[:2]] != base_id:
            raise InvalidArgument(f"Type {type_id} has prefix {type_id[:2]} but base type {base_id}")
        inherited = self.properties(parent_id)
        raw_props = raw.get("propertyDefinitions") or []
        own = {}
        for prop in raw_props.values() if isinstance(raw_props, dict) else raw_props:
            definition = property_definition(prop)
            if definition["id"] in inherited:
                raise InvalidArgument(f"Property {definition['id']} is already defined by a supertype")
            own[definition["id"]] = definition
        if base_id == "cmis:document" and "contentStreamAllowed" not in raw:
            raw = {**raw, "contentStreamAllowed": parent["contentStreamAllowed"]}
        definition = type_definition(raw, base_id, own)
        self._types[type_id] = definition
        return definition

    def get(self, type_id: str) -> dict[str, Any]:
        if type_id not in self._types:
            raise ObjectNotFound(f"Type '{type_id}' is unknown!")
        return self._types[type_id]

    def find(self, type_id: str) -> dict[str, Any] | None:
        return self._types.get(type_id)

    def by_query_name(self, query_name: str) -> dict[str, Any] | None:
        return next((t for t in self._types.values() if t["queryName"] == query_name), None)

    def properties(self, type_id: str) -> dict[str, dict[str, Any]]:
        """Every property definition of a type, inherited ones marked ``inherited``."""
        chain = []
        current = self._types.get(type_id)
        while current is not None:
            chain.append(current)
            current = self._types.get(current["parentId"])
        merged = {}
        for depth, definition in enumerate(reversed(chain)):
            for pid, prop in definition["propertyDefinitions"].items():
                merged[pid] = {**prop, "inherited": depth < len(chain) - 1}
        return merged

    def children(self, type_id: str | None) -> list[dict[str, Any]]:
        return [t for t in self._types.values() if t["parentId"] == type_id]

    def descendant_ids(self, type_id: str) -> set[str]:
        """The type and all its subtypes (what a query FROM that type covers)."""
        found = {type_id}
        for child in self.children(type_id):
            found |= self.descendant_ids(child["id"])
        return found

    def registered(self) -> list[dict[str, Any]]:
        builtin = {t["id"] for t in BASE_TYPES} | {t["id"] for t in BUILTIN_SECONDARY}
        return [t for t in self._types.values() if t["id"] not in builtin]

    def definition_json(self, type_id: str, *, include_properties: bool = True) -> dict[str, Any]:
        definition = dict(self.get(type_id))
        if include_properties:
            definition["propertyDefinitions"] = self.properties(type_id)
        else:
            definition.pop("propertyDefinitions")
        return definition
