"""Serializer of the Autorisaties API 1.1 Applicatie: the library's fields plus `alleenIsGereedVoorPublicatie`."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.common.autorisaties import Applicatie
from api.common.autorisaties import ApplicatieSerializer as _ApplicatieSerializer

from .selectors import applicatie_alleen_is_gereed_voor_publicatie
from .services import applicatie_instellingen_save

ALLEEN_IS_GEREED_VOOR_PUBLICATIE = (
    "Indien `true` mag de betreffende applicatie alleen documenten lezen met waarde `true` "
    "voor `isGereedVoorPublicatie`."
)


@extend_schema_field({"type": "boolean", "default": False, "title": "Alleen is gereed voor publicatie"})
class AlleenIsGereedVoorPublicatieField(serializers.BooleanField):
    """Read from the applicatie's ApplicatieInstellingen; written by the serializer's create/update."""

    def get_attribute(self, instance: Applicatie) -> bool:
        return applicatie_alleen_is_gereed_voor_publicatie(instance)


class ApplicatieSerializer(_ApplicatieSerializer):
    # Not required and without a serializer default: omitted on PUT or PATCH it
    # keeps its value, as `heeftAlleAutorisaties` does, so a 1.0 client that
    # rewrites an applicatie never lifts the restriction an operator set.
    alleen_is_gereed_voor_publicatie = AlleenIsGereedVoorPublicatieField(
        required=False, help_text=ALLEEN_IS_GEREED_VOOR_PUBLICATIE
    )

    class Meta(_ApplicatieSerializer.Meta):
        fields = (
            "url",
            "client_ids",
            "label",
            "heeft_alle_autorisaties",
            "alleen_is_gereed_voor_publicatie",
            "autorisaties",
        )

    def create(self, validated_data):
        alleen = validated_data.pop("alleen_is_gereed_voor_publicatie", False)
        applicatie = super().create(validated_data)
        applicatie_instellingen_save(applicatie=applicatie, alleen_is_gereed_voor_publicatie=alleen)
        return applicatie

    def update(self, instance, validated_data):
        alleen = validated_data.pop("alleen_is_gereed_voor_publicatie", None)
        applicatie = super().update(instance, validated_data)
        if alleen is not None:
            applicatie_instellingen_save(applicatie=applicatie, alleen_is_gereed_voor_publicatie=alleen)
        return applicatie
