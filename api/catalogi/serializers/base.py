"""The base of every Catalogi serializer: a `url` by uuid and the fields derived from a part's zaaktype."""
from rest_framework import serializers

from ..models import Catalogus
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


class ZaakTypeCatalogusField(LocalURLField):
    """The catalogus of the part's zaaktype; a client may name it, and then it must be that one."""

    def get_attribute(self, instance):
        return instance.zaaktype.catalogus


class WritableCatalogusMixin(serializers.Serializer):
    """Roltypen and resultaattypen take `catalogus` in their request body (Catalogi 1.3.1)."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        catalogus = attrs.pop("catalogus", None)
        zaaktype = attrs.get("zaaktype") or getattr(self.instance, "zaaktype", None)
        if catalogus is not None and zaaktype is not None and catalogus.pk != zaaktype.catalogus_id:
            raise serializers.ValidationError(
                {"catalogus": serializers.ErrorDetail(
                    "De catalogus moet die van het zaaktype zijn.", code="relations-incorrect-catalogus"
                )}
            )
        return attrs


def zaaktype_catalogus_field() -> ZaakTypeCatalogusField:
    return ZaakTypeCatalogusField("catalogus-detail", queryset=Catalogus.objects.all(), required=False, allow_null=True)
