"""Serializer of ROLTYPE."""
from ..models import RolType, ZaakType
from .base import WritableCatalogusMixin, ZaakTypePartSerializer, url_field, zaaktype_catalogus_field
from .fields import LocalURLField


class RolTypeSerializer(WritableCatalogusMixin, ZaakTypePartSerializer):
    catalogus = zaaktype_catalogus_field()
    url = url_field("roltype-detail")
    zaaktype = LocalURLField("zaaktype-detail", queryset=ZaakType.objects.all())

    class Meta:
        model = RolType
        fields = (
            "url", "zaaktype", "zaaktype_identificatie", "omschrijving", "omschrijving_generiek", "catalogus",
            "begin_geldigheid", "einde_geldigheid", "begin_object", "einde_object",
        )
