"""The content model as CMIS type definitions: what the CMIS test server registers as "deployed".

A real Alfresco gets config/alfresco/drc-model.xml; it cannot create types over
CMIS. The test server (tests/cmis_server) takes this JSON through
``POST /__control/types`` or ``--types FILE``, so tests and ``make run`` see the
types Alfresco would report for that model: namespaces as the XML declares
them, queryable exactly where the XML indexes, orderable where a queryable
property is single-valued (Alfresco's rule for untokenised indexes).

``python -m storage_backends.cmis.model_json > FILE`` writes it.
"""
import json
import sys
from typing import Any

from .mapping import BASES, DOCUMENT, GEBRUIKSRECHT, OBJECT_LINK, PROPERTIES, VERZENDING, Property

# Namespace URI per prefix, as config/alfresco/drc-model.xml declares them.
NAMESPACES = {
    "drc": "http://openzaak-cmis.nl/model/drc/1.0",
    "drcgr": "http://openzaak-cmis.nl/model/drcgr/1.0",
    "drcoio": "http://openzaak-cmis.nl/model/drcoio/1.0",
    "drcvz": "http://openzaak-cmis.nl/model/drcvz/1.0",
}
# The <title> of each type in the XML, which Alfresco reports as its displayName.
TITLES = {
    DOCUMENT: "Enkelvoudig informatieobject",
    GEBRUIKSRECHT: "Gebruiksrecht",
    OBJECT_LINK: "Objectinformatieobject",
    VERZENDING: "Verzending",
}


def _split(name: str) -> tuple[str, str]:
    """(prefix, local name) of ``drc:titel`` or ``D:drc:document``."""
    prefix, local = name.split(":")[-2:]
    return prefix, local


def _property(prop: Property) -> dict[str, Any]:
    prefix, local = _split(prop.id)
    return {
        "id": prop.id,
        "localName": local,
        "localNamespace": NAMESPACES[prefix],
        "queryName": prop.id,
        "propertyType": prop.type,
        "cardinality": "multi" if prop.multi else "single",
        "updatability": "readwrite",
        "queryable": prop.queryable,
        "orderable": prop.queryable and not prop.multi,
    }


def type_definitions() -> list[dict[str, Any]]:
    """One definition per mapped type, parents first, in the shape ``/__control/types`` accepts."""
    definitions = []
    for type_id, properties in PROPERTIES.items():
        prefix, local = _split(type_id)
        definitions.append({
            "id": type_id,
            "parentId": BASES[type_id],
            "localName": local,
            "localNamespace": NAMESPACES[prefix],
            "displayName": TITLES[type_id],
            "propertyDefinitions": [_property(prop) for prop in properties],
        })
    return definitions


if __name__ == "__main__":
    json.dump(type_definitions(), sys.stdout, indent=2)
    sys.stdout.write("\n")
