"""Serializers of BESTANDSDEEL: the parts in which large content is uploaded.

A part is shown with the lock of its document only to the client that
holds it (the response to the create or update that started the upload,
and to a part upload); elsewhere `lock` is empty.
"""
from rest_framework import serializers
from rest_framework.reverse import reverse

from storage_backends.base import Part

from .fields import SelfUrlField


def part_url(part: Part, request) -> str:
    return reverse("bestandsdeel-detail", kwargs={"uuid": part.uuid}, request=request)


class BestandsDeelSerializer(serializers.Serializer):
    """A part as a document shows it, and as PUT /bestandsdelen/{uuid} answers."""

    url = SelfUrlField()
    volgnummer = serializers.IntegerField(read_only=True)
    omvang = serializers.IntegerField(read_only=True)
    voltooid = serializers.BooleanField(read_only=True)
    lock = serializers.CharField()

    def get_url(self, part) -> str:
        return part_url(part, self.context.get("request"))

    def to_representation(self, part):
        return {
            "url": part_url(part, self.context.get("request")),
            "volgnummer": part.volgnummer,
            "omvang": part.omvang,
            "voltooid": part.voltooid,
            "lock": self.context.get("lock", ""),
        }


class BestandsDeelUploadSerializer(BestandsDeelSerializer):
    """PUT /bestandsdelen/{uuid}: the part's bytes as a file, with the document's lock."""

    inhoud = serializers.FileField(write_only=True, allow_empty_file=True, required=False)
    lock = serializers.CharField()

    def validate(self, attrs):
        # Optional in the standard's schema, yet a part upload without its bytes means nothing.
        if "inhoud" not in attrs:
            raise serializers.ValidationError(
                {"inhoud": serializers.ErrorDetail("De inhoud van het bestandsdeel ontbreekt.", code="required")}
            )
        return attrs
