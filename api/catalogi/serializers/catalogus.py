"""Serializer of CATALOGUS (rsin: nine digits)."""
from django.core.validators import RegexValidator
from rest_framework import serializers

from ..models import Catalogus
from .base import url_field, urls_of
from .fields import NullAsBlankCharField
from .keys import TypeKeysField

RSIN = RegexValidator(r"^\d{9}$", "Een RSIN bestaat uit 9 cijfers.", code="invalid-length")


class CatalogusSerializer(serializers.ModelSerializer):
    url = url_field("catalogus-detail")
    zaaktypen = urls_of("zaaktype-detail")
    besluittypen = urls_of("besluittype-detail")
    informatieobjecttypen = urls_of("informatieobjecttype-detail")
    # The rule on current versions names no catalogus field: every type counts.
    besluittype_omschrijving = TypeKeysField(source="besluittypen", key="omschrijving", current_only=False)
    informatieobjecttype_omschrijving = TypeKeysField(
        source="informatieobjecttypen", key="omschrijving", current_only=False
    )
    naam = NullAsBlankCharField(max_length=200)
    versie = NullAsBlankCharField(max_length=20)

    class Meta:
        model = Catalogus
        fields = (
            "url", "domein", "rsin", "contactpersoon_beheer_naam", "contactpersoon_beheer_telefoonnummer",
            "contactpersoon_beheer_emailadres", "zaaktypen", "besluittypen", "informatieobjecttypen",
            "naam", "versie", "begindatum_versie", "besluittype_omschrijving", "informatieobjecttype_omschrijving",
        )
        extra_kwargs = {"rsin": {"validators": [RSIN]}}
