"""Serializer of EIGENSCHAP with its specificatie gegevensgroep (formaat, lengte, kardinaliteit).

`kardinaliteit` is a count of 1 to 999 or `N` (any number); `lengte` is a
positive whole number of characters, and for formaat `getal` may give decimals
as `<digits>,<decimals>`.
"""
import re

from rest_framework import serializers

from ..constants import FormaatEigenschap
from ..models import Eigenschap, StatusType, ZaakType
from .base import ZaakTypePartSerializer, url_field
from .fields import LocalURLField


KARDINALITEIT = re.compile(r"^([1-9][0-9]{0,2}|N)$")
LENGTE = re.compile(r"^[1-9][0-9]*$")
LENGTE_GETAL = re.compile(r"^[1-9][0-9]*(,[0-9]+)?$")


class EigenschapSpecificatieSerializer(serializers.Serializer):
    groep = serializers.CharField(source="specificatie_groep", max_length=32, required=False, allow_blank=True)
    formaat = serializers.ChoiceField(source="specificatie_formaat", choices=FormaatEigenschap.choices)
    lengte = serializers.CharField(source="specificatie_lengte", max_length=14)
    kardinaliteit = serializers.CharField(source="specificatie_kardinaliteit", max_length=3)
    waardenverzameling = serializers.ListField(
        source="specificatie_waardenverzameling", child=serializers.CharField(max_length=100), required=False
    )

    def validate(self, attrs):
        errors = {}
        kardinaliteit = attrs.get("specificatie_kardinaliteit")
        if kardinaliteit is not None and not KARDINALITEIT.match(kardinaliteit):
            errors["kardinaliteit"] = serializers.ErrorDetail(
                "De kardinaliteit is een aantal van 1 tot en met 999, of N.", code="invalid"
            )
        lengte = attrs.get("specificatie_lengte")
        pattern = LENGTE_GETAL if attrs.get("specificatie_formaat") == FormaatEigenschap.getal else LENGTE
        if lengte is not None and not pattern.match(lengte):
            errors["lengte"] = serializers.ErrorDetail(
                "De lengte is een positief geheel getal (bij formaat getal eventueel met ',<decimalen>').",
                code="invalid",
            )
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


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
