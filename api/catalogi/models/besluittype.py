"""BESLUITTYPE: the kind of besluit, with the informatieobjecttypen it is laid down in."""
from django.db import models
from relativedeltafield import RelativeDeltaField

from .mixins import APIModel, Concept, Geldigheid


class BesluitType(APIModel, Geldigheid, Concept):
    catalogus = models.ForeignKey("catalogi.Catalogus", on_delete=models.PROTECT, related_name="besluittypen")
    omschrijving = models.CharField(max_length=80, blank=True)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    besluitcategorie = models.CharField(max_length=40, blank=True)
    reactietermijn = RelativeDeltaField(null=True, blank=True)
    publicatie_indicatie = models.BooleanField()
    publicatietekst = models.TextField(blank=True)
    publicatietermijn = RelativeDeltaField(null=True, blank=True)
    toelichting = models.TextField(blank=True)
    informatieobjecttypen = models.ManyToManyField(
        "catalogi.InformatieObjectType", blank=True, related_name="besluittypen"
    )

    class Meta:
        verbose_name = "besluittype"
        verbose_name_plural = "besluittypen"
        indexes = [models.Index(fields=["catalogus", "omschrijving"], name="bt_catalogus_omschr_idx")]

    def __str__(self):
        return self.omschrijving or str(self.uuid)
