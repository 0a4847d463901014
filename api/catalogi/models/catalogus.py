"""CATALOGUS: a collection of types, unique per domein and rsin."""
from django.db import models

from .mixins import APIModel


class Catalogus(APIModel):
    domein = models.CharField(max_length=5)
    rsin = models.CharField(max_length=9)
    contactpersoon_beheer_naam = models.CharField(max_length=40)
    contactpersoon_beheer_telefoonnummer = models.CharField(max_length=20, blank=True)
    contactpersoon_beheer_emailadres = models.EmailField(max_length=254, blank=True)
    naam = models.CharField(max_length=200, blank=True)
    versie = models.CharField(max_length=20, blank=True)
    begindatum_versie = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "catalogus"
        verbose_name_plural = "catalogussen"
        constraints = [models.UniqueConstraint(fields=["domein", "rsin"], name="catalogus_domein_rsin_uniq")]

    def __str__(self):
        return f"{self.domein} - {self.rsin}"
