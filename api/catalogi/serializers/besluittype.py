"""Serializer of BESLUITTYPE; informatieobjecttypen are written by omschrijving (or URL), rendered as URLs."""
from rest_framework import serializers

from ..models import BesluitType, Catalogus, InformatieObjectType
from .base import url_field, urls_of
from .fields import LocalURLField, TypeKeyField
from .keys import TypeKeysField


class BesluitTypeSerializer(serializers.ModelSerializer):
    url = url_field("besluittype-detail")
    catalogus = LocalURLField("catalogus-detail", queryset=Catalogus.objects.all())
    zaaktypen = urls_of("zaaktype-detail")
    informatieobjecttypen = TypeKeyField(
        "informatieobjecttype-detail", queryset=InformatieObjectType.objects.all(), many=True, required=False
    )
    zaaktype_identificaties = TypeKeysField(source="zaaktypen", key="identificatie")
    informatieobjecttype_omschrijvingen = TypeKeysField(source="informatieobjecttypen", key="omschrijving")
    resultaattypen = urls_of("resultaattype-detail")
    resultaattypen_omschrijving = serializers.SlugRelatedField(
        source="resultaattypen", slug_field="omschrijving", many=True, read_only=True
    )
    vastgelegd_in = serializers.SlugRelatedField(
        source="informatieobjecttypen", slug_field="omschrijving", many=True, read_only=True
    )

    class Meta:
        model = BesluitType
        fields = (
            "url", "catalogus", "zaaktypen", "omschrijving", "omschrijving_generiek", "besluitcategorie",
            "reactietermijn", "publicatie_indicatie", "publicatietekst", "publicatietermijn", "toelichting",
            "informatieobjecttypen", "begin_geldigheid", "einde_geldigheid", "begin_object", "einde_object",
            "concept", "resultaattypen", "resultaattypen_omschrijving", "vastgelegd_in", "zaaktype_identificaties",
            "informatieobjecttype_omschrijvingen",
        )
        read_only_fields = ("concept",)
        required_in_responses = ("informatieobjecttypen",)
