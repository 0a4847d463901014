"""Rollen: who plays which part in a zaak.

The betrokkeneIdentificatie of each betrokkeneType is kept whole as JSON; the
keys the API filters on (and "Mijn zaken" searches by, at scale) are copied
into indexed columns by the services.
"""
from django.db import models

from ..constants import BetrokkeneType, IndicatieMachtiging, RolOmschrijving
from .base import APIModel


class Rol(APIModel):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="rollen")
    betrokkene = models.URLField(max_length=1000, blank=True)
    betrokkene_type = models.CharField(max_length=30, choices=BetrokkeneType.choices)
    afwijkende_naam_betrokkene = models.CharField(max_length=625, blank=True)
    roltype = models.ForeignKey("catalogi.RolType", on_delete=models.PROTECT, related_name="+")
    omschrijving = models.CharField(max_length=100)
    omschrijving_generiek = models.CharField(max_length=80, choices=RolOmschrijving.choices)
    roltoelichting = models.CharField(max_length=1000, blank=True)
    registratiedatum = models.DateTimeField(auto_now_add=True)
    indicatie_machtiging = models.CharField(max_length=20, choices=IndicatieMachtiging.choices, blank=True)
    contactpersoon_rol = models.JSONField(null=True, blank=True)
    betrokkene_identificatie = models.JSONField(null=True, blank=True)
    # Filter keys copied from betrokkene_identificatie (which one is set follows betrokkene_type).
    inp_bsn = models.CharField(max_length=9, blank=True)
    anp_identificatie = models.CharField(max_length=17, blank=True)
    inp_a_nummer = models.CharField(max_length=10, blank=True)
    inn_nnp_id = models.CharField(max_length=9, blank=True)
    ann_identificatie = models.CharField(max_length=17, blank=True)
    vestigings_nummer = models.CharField(max_length=24, blank=True)
    identificatie = models.CharField(max_length=24, blank=True)

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        indexes = [
            models.Index(fields=["betrokkene"]),
            models.Index(fields=["betrokkene_type"]),
            models.Index(fields=["omschrijving"]),
            models.Index(fields=["omschrijving_generiek"]),
            models.Index(fields=["inp_bsn"]),
            models.Index(fields=["anp_identificatie"]),
            models.Index(fields=["inp_a_nummer"]),
            models.Index(fields=["inn_nnp_id"]),
            models.Index(fields=["ann_identificatie"]),
            models.Index(fields=["vestigings_nummer"]),
            models.Index(fields=["identificatie"]),
        ]
