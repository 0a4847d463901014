"""Serializers of VERZENDING: a document of this service sent to or received from a betrokkene, with the address.

Shapes and field rules only; that a verzending names exactly one address or
channel is checked by the service on the merged result (a PATCH may name a
single field).
"""
from rest_framework import serializers
from rest_framework.reverse import reverse

from .fields import SelfUrlField

AARD_RELATIE = ("afzender", "geadresseerde")
POSTADRES_TYPE = ("antwoordnummer", "postbusnummer")


class AddressGroupSerializer(serializers.Serializer):
    """An address group is written whole, in a PATCH too: its required fields stay required there."""

    def to_internal_value(self, data):
        if not self.root.partial:
            return super().to_internal_value(data)
        # DRF skips missing required fields of nested serializers in a partial update; validate on its own.
        whole = type(self)(data=data)
        whole.is_valid(raise_exception=True)
        return whole.validated_data


class BinnenlandsCorrespondentieadresVerzendingSerializer(AddressGroupSerializer):
    huisletter = serializers.CharField(max_length=1, required=False, allow_blank=True)
    huisnummer = serializers.IntegerField(min_value=1, max_value=99999)
    huisnummer_toevoeging = serializers.CharField(max_length=4, required=False, allow_blank=True)
    naam_openbare_ruimte = serializers.CharField(max_length=80)
    postcode = serializers.CharField(max_length=6, required=False, allow_blank=True)
    woonplaatsnaam = serializers.CharField(max_length=80)


class BuitenlandsCorrespondentieadresVerzendingSerializer(AddressGroupSerializer):
    adres_buitenland_1 = serializers.CharField(max_length=35)
    adres_buitenland_2 = serializers.CharField(max_length=35, required=False, allow_blank=True)
    adres_buitenland_3 = serializers.CharField(max_length=35, required=False, allow_blank=True)
    land_postadres = serializers.URLField(max_length=200)


class BuitenlandsCorrespondentiepostadresVerzendingSerializer(AddressGroupSerializer):
    """The postbus or antwoordnummer (named as the standard's OAS names it)."""

    post_bus_of_antwoordnummer = serializers.IntegerField(min_value=1, max_value=9999)
    postadres_postcode = serializers.CharField(max_length=6)
    postadres_type = serializers.ChoiceField(choices=POSTADRES_TYPE)
    woonplaatsnaam = serializers.CharField(max_length=80)


class VerzendingSerializer(serializers.Serializer):
    """VERZENDING; `informatieobject` is a document of this service (by URL), rendered from the stored uuid."""

    url = SelfUrlField()
    betrokkene = serializers.URLField(max_length=200)
    informatieobject = serializers.URLField()
    aard_relatie = serializers.ChoiceField(choices=AARD_RELATIE)
    toelichting = serializers.CharField(max_length=200, required=False, allow_blank=True)
    ontvangstdatum = serializers.DateField(required=False, allow_null=True)
    verzenddatum = serializers.DateField(required=False, allow_null=True)
    contact_persoon = serializers.URLField(max_length=1000)
    contactpersoonnaam = serializers.CharField(max_length=40, required=False, allow_blank=True)
    binnenlands_correspondentieadres = BinnenlandsCorrespondentieadresVerzendingSerializer(
        required=False, allow_null=True
    )
    buitenlands_correspondentieadres = BuitenlandsCorrespondentieadresVerzendingSerializer(
        required=False, allow_null=True
    )
    correspondentie_postadres = BuitenlandsCorrespondentiepostadresVerzendingSerializer(
        required=False, allow_null=True
    )
    faxnummer = serializers.CharField(max_length=15, required=False, allow_blank=True, allow_null=True)
    emailadres = serializers.CharField(max_length=100, required=False, allow_blank=True, allow_null=True)
    mijn_overheid = serializers.BooleanField(required=False)
    telefoonnummer = serializers.CharField(max_length=15, required=False, allow_blank=True, allow_null=True)

    def get_url(self, verzending) -> str:
        return reverse("verzending-detail", kwargs={"uuid": verzending.uuid}, request=self.context.get("request"))

    def to_representation(self, verzending):
        data = super().to_representation(verzending)
        data["informatieobject"] = reverse(
            "enkelvoudiginformatieobject-detail", kwargs={"uuid": verzending.informatieobject},
            request=self.context.get("request"),
        )
        return data
