"""Serializer of STATUSTYPE; isEindstatus is derived from the highest volgnummer of the zaaktype."""
from rest_framework import serializers

from ..models import Eigenschap, StatusType, ZaakType
from .base import ZaakTypePartSerializer, url_field
from .fields import LocalURLField, NullAsBlankCharField


class CheckListItemSerializer(serializers.Serializer):
    itemnaam = serializers.CharField(max_length=30)
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True, allow_null=True)
    vraagstelling = serializers.CharField(max_length=255)
    verplicht = serializers.BooleanField(default=False)


class StatusTypeSerializer(ZaakTypePartSerializer):
    url = url_field("statustype-detail")
    zaaktype = LocalURLField("zaaktype-detail", queryset=ZaakType.objects.all())
    is_eindstatus = serializers.SerializerMethodField()
    checklistitem_statustype = CheckListItemSerializer(many=True, required=False)
    eigenschappen = LocalURLField("eigenschap-detail", queryset=Eigenschap.objects.all(), many=True, required=False)
    # Catalogi 1.3.3 drops this field; it stays for 1.3.1 clients, null when no zaakobjecttype names the statustype.
    zaakobjecttype = LocalURLField("zaakobjecttype-detail", read_only=True, allow_null=True)
    toelichting = NullAsBlankCharField(max_length=1000)

    class Meta:
        model = StatusType
        fields = (
            "url", "omschrijving", "omschrijving_generiek", "statustekst", "zaaktype", "catalogus",
            "zaaktype_identificatie", "volgnummer", "is_eindstatus", "informeren", "doorlooptijd",
            "toelichting", "checklistitem_statustype", "eigenschappen", "begin_geldigheid",
            "einde_geldigheid", "begin_object", "einde_object", "zaakobjecttype",
        )
        validators = []

    def get_is_eindstatus(self, obj) -> bool:
        highest = max((s.volgnummer for s in obj.zaaktype.statustypen.all()), default=None)
        return obj.volgnummer == highest
