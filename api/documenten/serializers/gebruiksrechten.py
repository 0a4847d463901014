"""Serializer of GEBRUIKSRECHTEN: conditions on using a document of this service for a period."""
from rest_framework import serializers
from rest_framework.reverse import reverse

from .fields import SelfUrlField


class GebruiksrechtSerializer(serializers.Serializer):
    """GEBRUIKSRECHTEN of a document of this service."""

    url = SelfUrlField()
    informatieobject = serializers.URLField()
    startdatum = serializers.DateTimeField()
    einddatum = serializers.DateTimeField(required=False, allow_null=True)
    omschrijving_voorwaarden = serializers.CharField()

    def get_url(self, recht) -> str:
        return reverse("gebruiksrecht-detail", kwargs={"uuid": recht.uuid}, request=self.context.get("request"))

    def to_representation(self, recht):
        data = {
            "url": self.get_url(recht),
            "startdatum": self.fields["startdatum"].to_representation(recht.startdatum),
            "einddatum": self.fields["einddatum"].to_representation(recht.einddatum) if recht.einddatum else None,
            "omschrijving_voorwaarden": recht.omschrijving_voorwaarden,
        }
        data["informatieobject"] = reverse(
            "enkelvoudiginformatieobject-detail", kwargs={"uuid": recht.informatieobject},
            request=self.context.get("request"),
        )
        return data

    def validate(self, attrs):
        start = attrs.get("startdatum", getattr(self.instance, "startdatum", None))
        end = attrs.get("einddatum", getattr(self.instance, "einddatum", None))
        if start and end and end < start:
            raise serializers.ValidationError(
                {"einddatum": serializers.ErrorDetail("De einddatum ligt voor de startdatum.", code="invalid")}
            )
        return attrs
