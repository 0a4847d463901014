"""Serializer fields for references: local resources by URL, sibling types by omschrijving or identificatie.

Catalogi 1.3.1 writes some relations by a type's key (the besluittypen of a
zaaktype by omschrijving, deelzaaktypen by identificatie, ...) and renders
them as URLs. `TypeKeyField` accepts either form: a URL is resolved at once, a
key is passed on as a `TypeKey` for the service to resolve within the
catalogus.
"""
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers

from ..urlrefs import TypeKey, looks_like_url, object_for_url


class LocalURLField(serializers.HyperlinkedRelatedField):
    """A resource of this service, written and rendered as its URL."""

    def __init__(self, view_name: str, **kwargs):
        kwargs.setdefault("lookup_field", "uuid")
        super().__init__(view_name=view_name, **kwargs)

    def to_internal_value(self, data):
        return object_for_url(
            data, view_name=self.view_name, queryset=self.get_queryset(), request=self.context.get("request")
        )

    def use_pk_only_optimization(self):
        return False


class TypeKeyField(LocalURLField):
    """A type written as its URL or its key (at most `max_length` characters), rendered as its URL."""

    def __init__(self, view_name: str, *, max_length: int | None = None, **kwargs):
        self.max_length = max_length
        super().__init__(view_name, **kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str) and looks_like_url(data):
            return super().to_internal_value(data)
        if not isinstance(data, str) or not data.strip():
            self.fail("incorrect_type", data_type=type(data).__name__)
        if self.max_length and len(data) > self.max_length:
            raise serializers.ValidationError(
                f"Zorg ervoor dat dit veld niet meer dan {self.max_length} karakters bevat.", code="max_length"
            )
        return TypeKey(data.strip())


class TypeKeyFieldSchema(OpenApiSerializerFieldExtension):
    """In requests a plain string (a key or a URL), in responses a URL; a field
    with a `max_length` is a plain string both ways, as the standard has it."""

    target_class = TypeKeyField

    def map_serializer_field(self, auto_schema, direction):
        if self.target.max_length:
            return {"type": "string", "maxLength": self.target.max_length}
        if direction == "response":
            return {"type": "string", "format": "uri"}
        return {"type": "string"}


class NullAsBlankCharField(serializers.CharField):
    """Text the standard lets clients send as null; stored (and rendered) as the empty string."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def run_validation(self, data=serializers.empty):
        return super().run_validation("" if data is None else data)

