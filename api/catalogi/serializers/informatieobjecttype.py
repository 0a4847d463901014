"""Serializer of INFORMATIEOBJECTTYPE, with its omschrijvingGeneriek gegevensgroep."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Catalogus, InformatieObjectType
from .base import url_field, urls_of
from .fields import LocalURLField, NullAsBlankCharField
from .keys import TypeKeysField


class OmschrijvingGeneriekSerializer(serializers.Serializer):
    informatieobjecttype_omschrijving_generiek = serializers.CharField(
        source="omschrijving_generiek_informatieobjecttype", max_length=80
    )
    definitie_informatieobjecttype_omschrijving_generiek = serializers.CharField(
        source="omschrijving_generiek_definitie", max_length=255
    )
    herkomst_informatieobjecttype_omschrijving_generiek = serializers.CharField(
        source="omschrijving_generiek_herkomst", max_length=12
    )
    hierarchie_informatieobjecttype_omschrijving_generiek = serializers.CharField(
        source="omschrijving_generiek_hierarchie", max_length=80
    )
    opmerking_informatieobjecttype_omschrijving_generiek = NullAsBlankCharField(
        source="omschrijving_generiek_opmerking", max_length=255
    )


class InformatieObjectTypeSerializer(serializers.ModelSerializer):
    url = url_field("informatieobjecttype-detail")
    catalogus = LocalURLField("catalogus-detail", queryset=Catalogus.objects.all())
    zaaktypen = serializers.SerializerMethodField()
    besluittypen = urls_of("besluittype-detail")
    zaaktype_identificaties = TypeKeysField(source="ziots", via="zaaktype", key="identificatie")
    besluittype_omschrijving = TypeKeysField(source="besluittypen", key="omschrijving")
    omschrijving_generiek = OmschrijvingGeneriekSerializer(source="*", required=False)

    class Meta:
        model = InformatieObjectType
        fields = (
            "url", "catalogus", "omschrijving", "vertrouwelijkheidaanduiding", "begin_geldigheid",
            "einde_geldigheid", "begin_object", "einde_object", "concept", "zaaktypen", "besluittypen",
            "informatieobjectcategorie", "trefwoord", "omschrijving_generiek", "zaaktype_identificaties",
            "besluittype_omschrijving",
        )
        read_only_fields = ("concept",)

    @extend_schema_field(serializers.ListField(child=serializers.URLField()))
    def get_zaaktypen(self, obj) -> list[str]:
        field = LocalURLField("zaaktype-detail", read_only=True)
        field.bind("zaaktypen", self)
        return [field.to_representation(ziot.zaaktype) for ziot in obj.ziots.all()]
