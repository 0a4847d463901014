"""Serializer of RESULTAATTYPE with its brondatumArchiefprocedure gegevensgroep.

besluittypen are written by omschrijving (or URL); omschrijvingGeneriek is
derived from the resultaattypeomschrijving (ztc-002b).
"""
from rest_framework import serializers

from api.common.fields import DurationField

from ..constants import Afleidingswijze, Objecttype
from ..models import BesluitType, InformatieObjectType, ResultaatType, ZaakType
from .base import (
    WritableCatalogusMixin,
    ZaakTypePartSerializer,
    url_field,
    urls_of,
    zaaktype_catalogus_field,
)
from .fields import LocalURLField, NullAsBlankCharField, TypeKeyField


class BrondatumArchiefprocedureSerializer(serializers.Serializer):
    afleidingswijze = serializers.ChoiceField(
        source="brondatum_archiefprocedure_afleidingswijze", choices=Afleidingswijze.choices
    )
    datumkenmerk = serializers.CharField(
        source="brondatum_archiefprocedure_datumkenmerk", max_length=80, required=False, allow_blank=True
    )
    einddatum_bekend = serializers.BooleanField(source="brondatum_archiefprocedure_einddatum_bekend", required=False)
    objecttype = serializers.ChoiceField(
        source="brondatum_archiefprocedure_objecttype", choices=Objecttype.choices, required=False, allow_blank=True
    )
    registratie = serializers.CharField(
        source="brondatum_archiefprocedure_registratie", max_length=80, required=False, allow_blank=True
    )
    procestermijn = DurationField(
        source="brondatum_archiefprocedure_procestermijn", required=False, allow_null=True
    )


class ResultaatTypeSerializer(WritableCatalogusMixin, ZaakTypePartSerializer):
    catalogus = zaaktype_catalogus_field()
    url = url_field("resultaattype-detail")
    zaaktype = LocalURLField("zaaktype-detail", queryset=ZaakType.objects.all())
    brondatum_archiefprocedure = BrondatumArchiefprocedureSerializer(source="*", required=False, allow_null=True)
    procesobjectaard = NullAsBlankCharField(max_length=200)
    besluittypen = TypeKeyField("besluittype-detail", queryset=BesluitType.objects.all(), many=True, required=False)
    besluittype_omschrijving = serializers.SlugRelatedField(
        source="besluittypen", slug_field="omschrijving", many=True, read_only=True
    )
    informatieobjecttypen = LocalURLField(
        "informatieobjecttype-detail", queryset=InformatieObjectType.objects.all(), many=True, required=False
    )
    informatieobjecttype_omschrijving = serializers.SlugRelatedField(
        source="informatieobjecttypen", slug_field="omschrijving", many=True, read_only=True
    )
    zaakobjecttypen = urls_of("zaakobjecttype-detail")

    class Meta:
        model = ResultaatType
        fields = (
            "url", "zaaktype", "zaaktype_identificatie", "omschrijving", "resultaattypeomschrijving",
            "omschrijving_generiek", "selectielijstklasse", "toelichting", "archiefnominatie",
            "archiefactietermijn", "brondatum_archiefprocedure", "procesobjectaard", "catalogus",
            "begin_geldigheid", "einde_geldigheid", "begin_object", "einde_object", "indicatie_specifiek",
            "procestermijn", "besluittypen", "besluittype_omschrijving", "informatieobjecttypen",
            "informatieobjecttype_omschrijving", "zaakobjecttypen",
        )
        read_only_fields = ("omschrijving_generiek",)

    def to_internal_value(self, data):
        # The gegevensgroep is nullable; null means "not given" for a group stored in the resource itself.
        if isinstance(data, dict) and data.get("brondatum_archiefprocedure", ...) is None:
            data = {key: value for key, value in data.items() if key != "brondatum_archiefprocedure"}
        return super().to_internal_value(data)
