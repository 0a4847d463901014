"""Serializer of EIGENSCHAP with its specificatie gegevensgroep (formaat, lengte, kardinaliteit)."""
from rest_framework import serializers

from ..constants import FormaatEigenschap
from ..models import Eigenschap, StatusType, ZaakType
from .base import ZaakTypePartSerializer, url_field
from .fields import LocalURLField


class EigenschapSpecificatieSerializer(serializers.Serializer):
    groep = serializers.CharField(source="specificatie_groep", max_length=32, required=False, allow_blank=True)
    formaat = serializers.ChoiceField(source="specificatie_formaat", choices=FormaatEigenschap.choices)
    lengte = serializers.CharField(source="specificatie_lengte", max_length=14)
    kardinaliteit = serializers.CharField(source="specificatie_kardinaliteit", max_length=3)
    waardenverzameling = serializers.ListField(
        source="specificatie_waardenverzameling", child=serializers.CharField(max_length=100), required=False
    )


class EigenschapSerializer(ZaakTypePartSerializer):
    url = url_field("eigenschap-detail")
    zaaktype = LocalURLField("zaaktype-detail", queryset=ZaakType.objects.all())
    statustype = LocalURLField("statustype-detail", queryset=StatusType.objects.all(), required=False, allow_null=True)
    specificatie = EigenschapSpecificatieSerializer(source="*")

    class Meta:
        model = Eigenschap
        fields = (
            "url", "naam", "catalogus", "definitie", "specificatie", "toelichting", "zaaktype",
            "zaaktype_identificatie", "statustype", "begin_geldigheid", "einde_geldigheid", "begin_object",
            "einde_object",
        )
        validators = []
