"""Fields shared by the Documenten serializers, with the schema the standard gives them."""
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field({"type": "string", "format": "uri", "minLength": 1, "maxLength": 1000, "readOnly": True})
class SelfUrlField(serializers.SerializerMethodField):
    """The resource's own URL, from the serializer's `get_url` (resources here are backend objects, not models)."""


class Base64ContentFieldSchema(OpenApiSerializerFieldExtension):
    """`inhoud` is base64 going in and the download URL coming out."""

    target_class = "api.documenten.serializers.enkelvoudiginformatieobjecten.Base64ContentField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "string", "format": "byte", "nullable": True, "description": "Binaire inhoud, in base64 geëncodeerd."}
        return {"type": "string", "format": "uri", "nullable": True, "description": "Download URL van de binaire inhoud."}
