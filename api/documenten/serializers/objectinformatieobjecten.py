"""Serializer of OBJECTINFORMATIEOBJECT: a document linked to a zaak, besluit or verzoek."""
from rest_framework import serializers
from rest_framework.reverse import reverse

from .fields import SelfUrlField

OBJECT_TYPES = ("besluit", "zaak", "verzoek")


class ObjectInformatieObjectSerializer(serializers.Serializer):
    """OBJECTINFORMATIEOBJECT; `informatieobject` is a document of this service, `object` any zaak/besluit/verzoek."""

    url = SelfUrlField()
    informatieobject = serializers.URLField()
    object = serializers.URLField(max_length=1000)
    object_type = serializers.ChoiceField(choices=OBJECT_TYPES)

    def get_url(self, link) -> str:
        return reverse("objectinformatieobject-detail", kwargs={"uuid": link.uuid}, request=self.context.get("request"))

    def to_representation(self, link):
        return {
            "url": self.get_url(link),
            "informatieobject": reverse(
                "enkelvoudiginformatieobject-detail",
                kwargs={"uuid": link.informatieobject},
                request=self.context.get("request"),
            ),
            "object": link.object,
            "object_type": link.object_type,
        }
