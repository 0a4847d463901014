"""The base of every Catalogi serializer: a `url` by uuid and read-only derived zaaktype fields."""
from rest_framework import serializers

from .fields import LocalURLField


def url_field(view_name: str) -> serializers.HyperlinkedIdentityField:
    return serializers.HyperlinkedIdentityField(view_name=view_name, lookup_field="uuid")


def urls_of(view_name: str, **kwargs) -> LocalURLField:
    """A read-only list of URLs of related resources."""
    return LocalURLField(view_name, read_only=True, many=True, **kwargs)


class ZaakTypePartSerializer(serializers.ModelSerializer):
    """A resource that belongs to one zaaktype: statustype, roltype, resultaattype, eigenschap, ..."""

    zaaktype_identificatie = serializers.CharField(source="zaaktype.identificatie", read_only=True)
    catalogus = LocalURLField("catalogus-detail", source="zaaktype.catalogus", read_only=True)
