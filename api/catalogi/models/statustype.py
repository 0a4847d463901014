"""STATUSTYPE: a step of a zaaktype; the highest volgnummer is the eindstatus."""
from django.db import models
from relativedeltafield import RelativeDeltaField

from .mixins import APIModel, OptionalGeldigheid


class StatusType(APIModel, OptionalGeldigheid):
    zaaktype = models.ForeignKey("catalogi.ZaakType", on_delete=models.CASCADE, related_name="statustypen")
    omschrijving = models.CharField(max_length=80)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    statustekst = models.CharField(max_length=1000, blank=True)
    volgnummer = models.PositiveSmallIntegerField()
    informeren = models.BooleanField(default=False)
    doorlooptijd = RelativeDeltaField(null=True, blank=True)
    toelichting = models.CharField(max_length=1000, blank=True)
    checklistitem_statustype = models.JSONField(default=list, blank=True)
    zaakobjecttype = models.ForeignKey(
        "catalogi.ZaakObjectType", on_delete=models.SET_NULL, null=True, blank=True, related_name="statustypen"
    )

    class Meta:
        verbose_name = "statustype"
        verbose_name_plural = "statustypen"
        ordering = ["zaaktype", "volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["zaaktype", "volgnummer"], name="statustype_zaaktype_volgnummer_uniq")
        ]

    def __str__(self):
        return self.omschrijving
