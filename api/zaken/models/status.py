"""Statussen and the resultaat of a zaak."""
from django.db import models

from .base import APIModel


class Status(APIModel):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="statussen")
    statustype = models.ForeignKey("catalogi.StatusType", on_delete=models.PROTECT, related_name="+")
    datum_status_gezet = models.DateTimeField()
    statustoelichting = models.CharField(max_length=1000, blank=True)
    gezetdoor = models.ForeignKey("zaken.Rol", on_delete=models.SET_NULL, null=True, blank=True, related_name="statussen")

    class Meta:
        verbose_name = "status"
        verbose_name_plural = "statussen"
        indexes = [models.Index(fields=["zaak", "-datum_status_gezet"])]


class Resultaat(APIModel):
    zaak = models.OneToOneField("zaken.Zaak", on_delete=models.CASCADE, related_name="resultaat")
    resultaattype = models.ForeignKey("catalogi.ResultaatType", on_delete=models.PROTECT, related_name="+")
    toelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "resultaat"
        verbose_name_plural = "resultaten"
