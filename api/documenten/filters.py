"""Filters of GET /enkelvoudiginformatieobjecten and POST …/_zoek (Documenten 1.7) as a backend DocumentQuery.

Documents are no querysets (they may live in a CMIS repository), so the
filters are checked here and carried to the backend, which answers them in
SQL. A blank value is no filter, as with django-filter in the other APIs.
"""
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from storage_backends.base import DocumentQuery

from .serializers.objectinformatieobjecten import OBJECT_TYPES

OBJECT = "objectinformatieobjecten_object"
OBJECT_TYPE = "objectinformatieobjecten_objectType"
# Query parameter → (DocumentQuery field, how its value is checked).
LIST_FILTERS = {
    "identificatie": ("identificatie", serializers.CharField()),
    "bronorganisatie": ("bronorganisatie", serializers.CharField()),
    OBJECT: ("object", serializers.URLField(max_length=1000)),
    OBJECT_TYPE: ("object_type", serializers.ChoiceField(choices=OBJECT_TYPES)),
}
LIST_PARAMETERS = [
    OpenApiParameter(
        "identificatie", str,
        description="Een binnen een gegeven context ondubbelzinnige referentie naar het INFORMATIEOBJECT.",
    ),
    OpenApiParameter(
        "bronorganisatie", str,
        description="Het RSIN van de Niet-natuurlijk persoon zijnde de organisatie die het informatieobject heeft "
        "gecreëerd of heeft ontvangen en als eerste in een samenwerkingsketen heeft vastgelegd.",
    ),
    OpenApiParameter(
        OBJECT, {"type": "string", "format": "uri"},
        description="URL-referentie naar het gerelateerde OBJECT (in deze of andere API).",
    ),
    OpenApiParameter(OBJECT_TYPE, str, enum=OBJECT_TYPES, description="Het type van het gerelateerde OBJECT."),
    OpenApiParameter(
        "trefwoorden", {"type": "array", "items": {"type": "string"}}, style="form", explode=False,
        description="Een lijst van trefwoorden gescheiden door comma's; een document heeft ze alle.",
    ),
]


def document_query(params) -> DocumentQuery:
    """The DocumentQuery of the list's query parameters; a 400 naming every parameter whose value is wrong."""
    values, errors = {}, {}
    for name, (attribute, field) in LIST_FILTERS.items():
        if params.get(name, "") == "":
            continue
        try:
            values[attribute] = field.run_validation(params[name])
        except serializers.ValidationError as exc:
            errors[name] = exc.detail
    if errors:
        raise serializers.ValidationError(errors)
    trefwoorden = tuple(word.strip() for word in params.get("trefwoorden", "").split(",") if word.strip())
    return DocumentQuery(**values, trefwoorden=trefwoorden)
