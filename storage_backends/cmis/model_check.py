"""Start-up check of the repository's content model against mapping.py (CMIS.md §1.6).

A repository without the deployed model (config/alfresco/drc-model.xml) would
fail on the first write, or worse, answer queries on a property it does not
index with nothing. The backend therefore refuses to start and names every
difference at once, so the DMS administrator can fix them in one go.
"""
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured

from .mapping import BASES, PROPERTIES, Property


class TypeSource(Protocol):
    def type_definition(self, type_id: str) -> dict | None: ...


def _property_problems(type_id: str, prop: Property, definition: dict[str, Any] | None) -> list[str]:
    where = f"{type_id}: property {prop.id}"
    if definition is None:
        return [f"{where} is missing"]
    problems = []
    if definition.get("propertyType") != prop.type:
        problems.append(f"{where} has type {definition.get('propertyType')}, expected {prop.type}")
    cardinality = "multi" if prop.multi else "single"
    if definition.get("cardinality") != cardinality:
        problems.append(f"{where} has cardinality {definition.get('cardinality')}, expected {cardinality}")
    if prop.queryable and not definition.get("queryable"):
        problems.append(f"{where} is not queryable (indexed), and the backend queries it")
    if definition.get("updatability") == "readonly":
        problems.append(f"{where} is read-only, and the backend writes it")
    return problems


def missing_in_repository(gateway: TypeSource) -> list[str]:
    """One line per difference between the mapped types and the repository's type definitions."""
    problems = []
    for type_id, base_id in BASES.items():
        definition = gateway.type_definition(type_id)
        if definition is None:
            problems.append(f"type {type_id} is missing (expected a subtype of {base_id})")
            continue
        if definition.get("baseId") != base_id:
            problems.append(f"type {type_id} derives from {definition.get('baseId')}, expected {base_id}")
        found = definition.get("propertyDefinitions") or {}
        for prop in PROPERTIES[type_id]:
            problems += _property_problems(type_id, prop, found.get(prop.id))
    return problems


def require_model(gateway: TypeSource) -> None:
    """Raise ImproperlyConfigured naming everything the repository lacks; return quietly when it is complete."""
    problems = missing_in_repository(gateway)
    if problems:
        raise ImproperlyConfigured(
            "The CMIS repository does not have the content model this service needs "
            "(deploy config/alfresco/drc-model.xml):\n" + "\n".join(f"- {line}" for line in problems)
        )
