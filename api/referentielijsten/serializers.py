"""Response shapes of the Referentielijsten API 0.6: ProcesType, Resultaat,
ResultaattypeOmschrijvingGeneriek and CommunicatieKanaal.

The resources are in-memory records (see `selectors`), not models. Their URLs
are built from `context["base_url"]`, the base URL (without trailing slash) of
the API that serves them, so every URL points at the answering service.
"""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .constants import Procestermijn, Waardering


@extend_schema_field(OpenApiTypes.URI)
class ResourceUrlField(serializers.Field):
    """Read-only `<base_url>/<collection>/<uuid>`, from the uuid its `source` names."""

    def __init__(self, collection: str, **kwargs):
        self.collection = collection
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return f"{self.context['base_url']}/{self.collection}/{value}"


class ProcesTypeSerializer(serializers.Serializer):
    url = ResourceUrlField("procestypen", source="uuid")
    nummer = serializers.IntegerField(help_text="Nummer van de selectielijstcategorie")
    jaar = serializers.IntegerField()
    naam = serializers.CharField(max_length=100, help_text="Benaming van het procestype")
    omschrijving = serializers.CharField(max_length=300, help_text="Omschrijving van het procestype")
    toelichting = serializers.CharField(help_text="Toelichting van het procestype")
    procesobject = serializers.CharField(
        max_length=80,
        help_text=(
            "Object waar de uitvoering van het proces op van toepassing is en waarvan de "
            "bestaans- of geldigheidsduur eventueel van belang is bij het bepalen van de "
            "start van de bewaartermijn"
        ),
    )


class ResultaatSerializer(serializers.Serializer):
    url = ResourceUrlField("resultaten", source="uuid")
    proces_type = ResourceUrlField("procestypen", source="procestype_uuid")
    nummer = serializers.IntegerField(
        help_text=(
            "Nummer van het resultaat. Dit wordt samengesteld met het procestype en "
            "generiek resultaat indien van toepassing."
        )
    )
    volledig_nummer = serializers.CharField(read_only=True)
    generiek = serializers.BooleanField(read_only=True)
    specifiek = serializers.BooleanField(read_only=True)
    naam = serializers.CharField(max_length=40, help_text="Benaming van het procestype")
    omschrijving = serializers.CharField(
        max_length=150, required=False, help_text="Omschrijving van het specifieke resultaat"
    )
    herkomst = serializers.CharField(
        max_length=200,
        help_text="Voorbeeld: 'Risicoanalyse', 'Systeemanalyse' of verwijzing naar Wet- en regelgeving",
    )
    waardering = serializers.ChoiceField(choices=Waardering.choices)
    procestermijn = serializers.ChoiceField(
        choices=Procestermijn.choices,
        allow_blank=True,
        required=False,
        help_text="Uitleg bij mogelijke waarden:\n\n"
        + "\n".join(f"* `{value}` - {label}" for value, label in Procestermijn.choices),
    )
    procestermijn_weergave = serializers.CharField(read_only=True)
    bewaartermijn = serializers.CharField(allow_null=True, required=False)
    toelichting = serializers.CharField(required=False)
    algemeen_bestuur_en_inrichting_organisatie = serializers.BooleanField(required=False)
    bedrijfsvoering_en_personeel = serializers.BooleanField(required=False)
    publieke_informatie_en_registratie = serializers.BooleanField(required=False)
    burgerzaken = serializers.BooleanField(required=False)
    veiligheid = serializers.BooleanField(required=False)
    verkeer_en_vervoer = serializers.BooleanField(required=False)
    economie = serializers.BooleanField(required=False)
    onderwijs = serializers.BooleanField(required=False)
    sport_cultuur_en_recreatie = serializers.BooleanField(required=False)
    sociaal_domein = serializers.BooleanField(required=False)
    volksgezonheid_en_milieu = serializers.BooleanField(required=False)
    vhrosv = serializers.BooleanField(required=False)
    heffen_belastingen = serializers.BooleanField(required=False)
    alle_taakgebieden = serializers.BooleanField(required=False)
    procestermijn_opmerking = serializers.CharField(
        max_length=20, required=False, help_text="Voorbeeld: '25 jaar', '30 jaar, '5 of 10 jaar'"
    )


class ResultaattypeOmschrijvingGeneriekSerializer(serializers.Serializer):
    url = ResourceUrlField("resultaattypeomschrijvingen", source="uuid")
    omschrijving = serializers.CharField(
        max_length=20,
        help_text="Algemeen gehanteerde omschrijvingen van de aard van het resultaat van zaken",
    )
    definitie = serializers.CharField(
        max_length=255, help_text="Nauwkeurige beschrijving van het generieke type resultaat."
    )
    opmerking = serializers.CharField(
        max_length=255,
        required=False,
        help_text="Zinvolle toelichting bij de waarde van de generieke omschrijving van het resultaat.",
    )


class CommunicatieKanaalSerializer(serializers.Serializer):
    url = ResourceUrlField("communicatiekanalen", source="uuid")
    naam = serializers.CharField(max_length=20)
    omschrijving = serializers.CharField(max_length=200)
