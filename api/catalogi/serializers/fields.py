"""Serializer fields for references: local resources by URL, sibling types by omschrijving or identificatie.

Catalogi 1.3.1 writes some relations by a type's key (the besluittypen of a
zaaktype by omschrijving, deelzaaktypen by identificatie, ...) and renders
them as URLs. `TypeKeyField` accepts either form: a URL is resolved at once, a
key is passed on as a `TypeKey` for the service to resolve within the
catalogus.
"""
from relativedeltafield import RelativeDeltaField
from rest_framework import serializers

from ..urlrefs import TypeKey, looks_like_url, object_for_url


class LocalURLField(serializers.HyperlinkedRelatedField):
    """A resource of this service, written and rendered as its URL."""

    def __init__(self, view_name: str, **kwargs):
        kwargs.setdefault("lookup_field", "uuid")
        super().__init__(view_name=view_name, **kwargs)

    def to_internal_value(self, data):
        return object_for_url(data, view_name=self.view_name, queryset=self.get_queryset())

    def use_pk_only_optimization(self):
        return False


class TypeKeyField(LocalURLField):
    """A type written as its URL or its key, rendered as its URL."""

    def to_internal_value(self, data):
        if isinstance(data, str) and looks_like_url(data):
            return super().to_internal_value(data)
        if not isinstance(data, str) or not data.strip():
            self.fail("incorrect_type", data_type=type(data).__name__)
        return TypeKey(data.strip())


# The ZGW duration field (ISO 8601 into a relativedelta) that the project maps RelativeDeltaField to.
DurationField = serializers.ModelSerializer.serializer_field_mapping[RelativeDeltaField]
