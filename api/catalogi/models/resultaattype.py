"""RESULTAATTYPE: a possible outcome of a zaaktype with its archiving parameters (brondatumArchiefprocedure)."""
from django.db import models
from relativedeltafield import RelativeDeltaField

from ..constants import Afleidingswijze, Archiefnominatie, Objecttype
from .mixins import APIModel, OptionalGeldigheid


class ResultaatType(APIModel, OptionalGeldigheid):
    zaaktype = models.ForeignKey("catalogi.ZaakType", on_delete=models.CASCADE, related_name="resultaattypen")
    omschrijving = models.CharField(max_length=30)
    resultaattypeomschrijving = models.URLField(max_length=1000)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    selectielijstklasse = models.URLField(max_length=1000)
    toelichting = models.TextField(blank=True)
    archiefnominatie = models.CharField(max_length=20, choices=Archiefnominatie.choices, blank=True)
    archiefactietermijn = RelativeDeltaField(null=True, blank=True)
    procesobjectaard = models.CharField(max_length=200, blank=True)
    indicatie_specifiek = models.BooleanField(null=True, blank=True)
    procestermijn = RelativeDeltaField(null=True, blank=True)
    brondatum_archiefprocedure_afleidingswijze = models.CharField(
        max_length=20, choices=Afleidingswijze.choices, blank=True
    )
    brondatum_archiefprocedure_datumkenmerk = models.CharField(max_length=80, blank=True)
    brondatum_archiefprocedure_einddatum_bekend = models.BooleanField(default=False)
    brondatum_archiefprocedure_objecttype = models.CharField(max_length=80, choices=Objecttype.choices, blank=True)
    brondatum_archiefprocedure_registratie = models.CharField(max_length=80, blank=True)
    brondatum_archiefprocedure_procestermijn = RelativeDeltaField(null=True, blank=True)
    besluittypen = models.ManyToManyField("catalogi.BesluitType", blank=True, related_name="resultaattypen")
    informatieobjecttypen = models.ManyToManyField(
        "catalogi.InformatieObjectType", blank=True, related_name="resultaattypen"
    )

    class Meta:
        verbose_name = "resultaattype"
        verbose_name_plural = "resultaattypen"

    def __str__(self):
        return self.omschrijving
