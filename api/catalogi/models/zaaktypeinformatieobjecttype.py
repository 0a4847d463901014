"""ZAAKTYPE-INFORMATIEOBJECTTYPE: which informatieobjecttypen zaken of a zaaktype hold, in which direction."""
from django.db import models

from ..constants import Richting
from .mixins import APIModel


class ZaakTypeInformatieObjectType(APIModel):
    zaaktype = models.ForeignKey("catalogi.ZaakType", on_delete=models.CASCADE, related_name="ziots")
    informatieobjecttype = models.ForeignKey(
        "catalogi.InformatieObjectType", on_delete=models.CASCADE, related_name="ziots"
    )
    volgnummer = models.PositiveSmallIntegerField()
    richting = models.CharField(max_length=20, choices=Richting.choices, db_index=True)
    statustype = models.ForeignKey("catalogi.StatusType", on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        verbose_name = "zaaktype-informatieobjecttype"
        verbose_name_plural = "zaaktype-informatieobjecttypen"

    def __str__(self):
        return f"{self.zaaktype} - {self.volgnummer}"
