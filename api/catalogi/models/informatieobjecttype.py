"""INFORMATIEOBJECTTYPE: the kind of document a zaak or besluit may hold."""
from django.contrib.postgres.fields import ArrayField
from django.db import models

from ..constants import VertrouwelijkheidsAanduiding
from .mixins import APIModel, Concept, Geldigheid


class InformatieObjectType(APIModel, Geldigheid, Concept):
    catalogus = models.ForeignKey("catalogi.Catalogus", on_delete=models.PROTECT, related_name="informatieobjecttypen")
    omschrijving = models.CharField(max_length=80)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, choices=VertrouwelijkheidsAanduiding.choices)
    informatieobjectcategorie = models.CharField(max_length=80)
    trefwoord = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    omschrijving_generiek_informatieobjecttype = models.CharField(max_length=80, blank=True)
    omschrijving_generiek_definitie = models.CharField(max_length=255, blank=True)
    omschrijving_generiek_herkomst = models.CharField(max_length=12, blank=True)
    omschrijving_generiek_hierarchie = models.CharField(max_length=80, blank=True)
    omschrijving_generiek_opmerking = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "informatieobjecttype"
        verbose_name_plural = "informatieobjecttypen"
        indexes = [models.Index(fields=["catalogus", "omschrijving"], name="iot_catalogus_omschr_idx")]

    def __str__(self):
        return self.omschrijving
