"""EIGENSCHAP: a property zaken of a zaaktype carry, with its specificatie (formaat, lengte, kardinaliteit)."""
from django.contrib.postgres.fields import ArrayField
from django.db import models

from ..constants import FormaatEigenschap
from .mixins import APIModel, OptionalGeldigheid


class Eigenschap(APIModel, OptionalGeldigheid):
    zaaktype = models.ForeignKey("catalogi.ZaakType", on_delete=models.CASCADE, related_name="eigenschappen")
    naam = models.CharField(max_length=20)
    definitie = models.CharField(max_length=255)
    toelichting = models.CharField(max_length=1000, blank=True)
    statustype = models.ForeignKey(
        "catalogi.StatusType", on_delete=models.SET_NULL, null=True, blank=True, related_name="eigenschappen"
    )
    specificatie_groep = models.CharField(max_length=32, blank=True)
    specificatie_formaat = models.CharField(max_length=10, choices=FormaatEigenschap.choices)
    specificatie_lengte = models.CharField(max_length=14)
    specificatie_kardinaliteit = models.CharField(max_length=3)
    specificatie_waardenverzameling = ArrayField(models.CharField(max_length=100), default=list, blank=True)

    class Meta:
        verbose_name = "eigenschap"
        verbose_name_plural = "eigenschappen"
        constraints = [models.UniqueConstraint(fields=["zaaktype", "naam"], name="eigenschap_zaaktype_naam_uniq")]

    def __str__(self):
        return self.naam
