"""ZAAKOBJECTTYPE: a kind of object zaken of a zaaktype relate to, with the status- and resultaattypen needing it."""
from django.db import models

from .mixins import APIModel, Geldigheid


class ZaakObjectType(APIModel, Geldigheid):
    catalogus = models.ForeignKey("catalogi.Catalogus", on_delete=models.PROTECT, related_name="zaakobjecttypen")
    zaaktype = models.ForeignKey("catalogi.ZaakType", on_delete=models.CASCADE, related_name="zaakobjecttypen")
    ander_objecttype = models.BooleanField(db_index=True)
    objecttype = models.URLField(max_length=200, db_index=True)
    relatie_omschrijving = models.CharField(max_length=80)
    resultaattypen = models.ManyToManyField("catalogi.ResultaatType", blank=True, related_name="zaakobjecttypen")

    class Meta:
        verbose_name = "zaakobjecttype"
        verbose_name_plural = "zaakobjecttypen"

    def __str__(self):
        return self.relatie_omschrijving
