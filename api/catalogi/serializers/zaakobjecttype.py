"""Serializer of ZAAKOBJECTTYPE with the resultaattypen and statustypen that need it."""
from rest_framework import serializers

from ..models import Catalogus, ResultaatType, StatusType, ZaakObjectType, ZaakType
from .base import url_field
from .fields import LocalURLField
from .keys import TypeKeysField


class ZaakObjectTypeSerializer(serializers.ModelSerializer):
    url = url_field("zaakobjecttype-detail")
    zaaktype = LocalURLField("zaaktype-detail", queryset=ZaakType.objects.all())
    zaaktype_identificatie = serializers.CharField(source="zaaktype.identificatie", read_only=True)
    catalogus = LocalURLField("catalogus-detail", queryset=Catalogus.objects.all())
    resultaattypen = LocalURLField(
        "resultaattype-detail", queryset=ResultaatType.objects.all(), many=True, required=False
    )
    # Parts of one zaaktype version: the rule on current versions does not apply.
    resultaattype_omschrijving = TypeKeysField(source="resultaattypen", key="omschrijving", current_only=False)
    statustypen = LocalURLField("statustype-detail", queryset=StatusType.objects.all(), many=True, required=False)

    class Meta:
        model = ZaakObjectType
        fields = (
            "url", "ander_objecttype", "begin_geldigheid", "einde_geldigheid", "begin_object", "einde_object",
            "objecttype", "relatie_omschrijving", "zaaktype", "zaaktype_identificatie", "resultaattypen",
            "statustypen", "catalogus", "resultaattype_omschrijving",
        )
        # Catalogi 1.3.3 leaves beginGeldigheid out (it defaults to the zaaktype's).
        extra_kwargs = {"begin_geldigheid": {"required": False}}
        required_in_responses = ("resultaattypen", "statustypen")
