"""Serializer of ZAAKTYPE.

Catalogi 1.3.1 writes besluittypen by omschrijving, deelzaaktypen and the
zaaktype of each gerelateerd zaaktype by identificatie (a URL of this service
is accepted too); all are rendered as URLs.
"""
from django.db.models import OuterRef, Prefetch, Subquery
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from ..constants import AardRelatie
from ..models import BesluitType, Catalogus, ZaakType, ZaakTypenRelatie
from ..urlrefs import looks_like_url
from .base import url_field, urls_of
from .fields import LocalURLField, TypeKeyField
from .keys import TypeKeysField


class ReferentieProcesSerializer(serializers.Serializer):
    naam = serializers.CharField(source="referentieproces_naam", max_length=80)
    link = serializers.URLField(source="referentieproces_link", max_length=200, required=False, allow_blank=True)


class BronCatalogusSerializer(serializers.Serializer):
    """A zaaktype not derived from another catalogue renders this group blank, so its URL may be blank too."""

    url = serializers.URLField(source="broncatalogus_url", max_length=200, allow_blank=True)
    domein = serializers.CharField(source="broncatalogus_domein", max_length=5)
    rsin = serializers.CharField(source="broncatalogus_rsin", max_length=9)


class BronZaaktypeSerializer(serializers.Serializer):
    """Blank, like the broncatalogus, for a zaaktype derived from none."""

    url = serializers.URLField(source="bronzaaktype_url", max_length=200, allow_blank=True)
    identificatie = serializers.CharField(source="bronzaaktype_identificatie", max_length=50)
    omschrijving = serializers.CharField(source="bronzaaktype_omschrijving", max_length=80)


class ZaakTypenRelatieSerializer(serializers.ModelSerializer):
    zaaktype = serializers.CharField(source="gerelateerd_zaaktype", max_length=200)
    zaaktype_identificatie = serializers.SerializerMethodField()
    aard_relatie = serializers.ChoiceField(choices=AardRelatie.choices)

    class Meta:
        model = ZaakTypenRelatie
        fields = ("zaaktype", "zaaktype_identificatie", "aard_relatie", "toelichting")

    def get_zaaktype_identificatie(self, instance) -> str:
        # A zaaktype of another catalogue is stored by URL; its identificatie is not known here.
        return "" if looks_like_url(instance.gerelateerd_zaaktype) else instance.gerelateerd_zaaktype

    def to_representation(self, instance):
        data = super().to_representation(instance)
        # Lists annotate the target's uuid (`zaaktypenrelaties_with_targets`);
        # a single freshly written zaaktype looks it up.
        if hasattr(instance, "target_uuid"):
            target_uuid = instance.target_uuid
        else:
            target_uuid = (
                ZaakType.objects.filter(
                    catalogus_id=instance.zaaktype.catalogus_id, identificatie=instance.gerelateerd_zaaktype
                ).order_by("-begin_geldigheid").values_list("uuid", flat=True).first()
            )
        if target_uuid is not None:
            data["zaaktype"] = reverse(
                "zaaktype-detail", kwargs={"uuid": target_uuid}, request=self.context.get("request")
            )
        return data


def zaaktypenrelaties_with_targets() -> Prefetch:
    """Prefetch gerelateerde zaaktypen with the uuid of the newest zaaktype their identificatie names."""
    newest = ZaakType.objects.filter(
        catalogus_id=OuterRef("zaaktype__catalogus_id"), identificatie=OuterRef("gerelateerd_zaaktype")
    ).order_by("-begin_geldigheid")
    return Prefetch(
        "zaaktypenrelaties",
        queryset=ZaakTypenRelatie.objects.annotate(target_uuid=Subquery(newest.values("uuid")[:1])),
    )


class ZaakTypeSerializer(serializers.ModelSerializer):
    url = url_field("zaaktype-detail")
    catalogus = LocalURLField("catalogus-detail", queryset=Catalogus.objects.all())
    referentieproces = ReferentieProcesSerializer(source="*")
    broncatalogus = BronCatalogusSerializer(source="*", required=False)
    bronzaaktype = BronZaaktypeSerializer(source="*", required=False)
    statustypen = urls_of("statustype-detail")
    resultaattypen = urls_of("resultaattype-detail")
    eigenschappen = urls_of("eigenschap-detail")
    roltypen = urls_of("roltype-detail")
    zaakobjecttypen = urls_of("zaakobjecttype-detail")
    informatieobjecttypen = serializers.SerializerMethodField()
    besluittypen = TypeKeyField("besluittype-detail", queryset=BesluitType.objects.all(), many=True, required=False)
    deelzaaktypen = TypeKeyField("zaaktype-detail", queryset=ZaakType.objects.all(), many=True, required=False)
    informatieobjecttype_omschrijving = TypeKeysField(source="ziots", via="informatieobjecttype", key="omschrijving")
    besluittype_omschrijving = TypeKeysField(source="besluittypen", key="omschrijving")
    deelzaaktype_identificaties = TypeKeysField(source="deelzaaktypen", key="identificatie")
    gerelateerde_zaaktypen = ZaakTypenRelatieSerializer(source="zaaktypenrelaties", many=True, required=False)

    class Meta:
        model = ZaakType
        fields = (
            "url", "identificatie", "omschrijving", "omschrijving_generiek", "vertrouwelijkheidaanduiding",
            "doel", "aanleiding", "toelichting", "indicatie_intern_of_extern", "handeling_initiator",
            "onderwerp", "handeling_behandelaar", "doorlooptijd", "servicenorm",
            "opschorting_en_aanhouding_mogelijk", "verlenging_mogelijk", "verlengingstermijn", "trefwoorden",
            "publicatie_indicatie", "publicatietekst", "verantwoordingsrelatie", "producten_of_diensten",
            "selectielijst_procestype", "referentieproces", "verantwoordelijke", "zaakobjecttypen",
            "broncatalogus", "bronzaaktype", "catalogus", "statustypen", "resultaattypen", "eigenschappen",
            "informatieobjecttypen", "roltypen", "besluittypen", "deelzaaktypen", "gerelateerde_zaaktypen",
            "begin_geldigheid", "einde_geldigheid", "begin_object", "einde_object", "versiedatum", "concept",
            "informatieobjecttype_omschrijving", "besluittype_omschrijving", "deelzaaktype_identificaties",
        )
        read_only_fields = ("concept",)
        # Catalogi 1.3.3 no longer requires versiedatum (deprecated); it defaults to beginGeldigheid.
        extra_kwargs = {"versiedatum": {"required": False}}
        # Lists a request may leave out (docs/oas-differences.md) but every response holds.
        required_in_responses = ("producten_of_diensten", "besluittypen", "deelzaaktypen", "gerelateerde_zaaktypen")

    @extend_schema_field(serializers.ListField(child=serializers.URLField()))
    def get_informatieobjecttypen(self, obj) -> list[str]:
        field = LocalURLField("informatieobjecttype-detail", read_only=True)
        field.bind("informatieobjecttypen", self)
        return [field.to_representation(ziot.informatieobjecttype) for ziot in obj.ziots.all()]
