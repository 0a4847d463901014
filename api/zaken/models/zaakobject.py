"""Zaakobjecten: the objects a zaak is about, each objectType with its objectIdentificatie (kept as JSON)."""
from django.db import models

from ..constants import Objecttype
from .base import APIModel


class ZaakObject(APIModel):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="zaakobjecten")
    object = models.URLField(max_length=1000, blank=True)
    zaakobjecttype = models.ForeignKey(
        "catalogi.ZaakObjectType", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_type = models.CharField(max_length=100, choices=Objecttype.choices)
    object_type_overige = models.CharField(max_length=100, blank=True)
    object_type_overige_definitie = models.JSONField(null=True, blank=True)
    relatieomschrijving = models.CharField(max_length=80, blank=True)
    object_identificatie = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = "zaakobject"
        verbose_name_plural = "zaakobjecten"
        indexes = [models.Index(fields=["object"]), models.Index(fields=["object_type"])]
