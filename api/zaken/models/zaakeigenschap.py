"""Zaakeigenschappen: the value of an eigenschap of the zaaktype for one zaak."""
from django.db import models

from .base import APIModel


class ZaakEigenschap(APIModel):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="zaakeigenschappen")
    eigenschap = models.ForeignKey("catalogi.Eigenschap", on_delete=models.PROTECT, related_name="+")
    naam = models.CharField(max_length=20)
    waarde = models.TextField()

    class Meta:
        verbose_name = "zaakeigenschap"
        verbose_name_plural = "zaakeigenschappen"
