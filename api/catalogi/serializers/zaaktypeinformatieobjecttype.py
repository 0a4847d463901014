"""Serializer of ZAAKTYPE-INFORMATIEOBJECTTYPE; the informatieobjecttype is written by omschrijving (or URL)."""
from ..constants import Richting
from ..models import InformatieObjectType, StatusType, ZaakType, ZaakTypeInformatieObjectType
from .base import ZaakTypePartSerializer, url_field
from .fields import LocalURLField, TypeKeyField


class ZaakTypeInformatieObjectTypeSerializer(ZaakTypePartSerializer):
    url = url_field("zaaktypeinformatieobjecttype-detail")
    zaaktype = LocalURLField("zaaktype-detail", queryset=ZaakType.objects.all())
    informatieobjecttype = TypeKeyField(
        "informatieobjecttype-detail", queryset=InformatieObjectType.objects.all(), max_length=100
    )
    statustype = LocalURLField("statustype-detail", queryset=StatusType.objects.all(), required=False, allow_null=True)

    class Meta:
        model = ZaakTypeInformatieObjectType
        fields = (
            "url", "zaaktype", "zaaktype_identificatie", "catalogus", "informatieobjecttype", "volgnummer",
            "richting", "statustype",
        )
        extra_kwargs = {"richting": {"choices": Richting.choices}}
