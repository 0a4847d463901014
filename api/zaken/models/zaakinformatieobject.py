"""Zaakinformatieobjecten: a document (by URL, whatever backend holds it) linked to a zaak.

`informatieobject_uuid` is the document's id in this service's Documenten API;
`objectinformatieobject_uuid` is the mirrored link there (zrc-005), removed
together with this one.
"""
from django.db import models

from ..constants import AARD_RELATIE_HOORT_BIJ
from .base import APIModel


class ZaakInformatieObject(APIModel):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="zaakinformatieobjecten")
    informatieobject = models.URLField(max_length=1000)
    informatieobject_uuid = models.UUIDField(null=True, blank=True)
    objectinformatieobject_uuid = models.UUIDField(null=True, blank=True)
    aard_relatie = models.CharField(max_length=20, default=AARD_RELATIE_HOORT_BIJ)
    titel = models.CharField(max_length=200, blank=True)
    beschrijving = models.TextField(blank=True)
    registratiedatum = models.DateTimeField(auto_now_add=True)
    vernietigingsdatum = models.DateTimeField(null=True, blank=True)
    status = models.ForeignKey(
        "zaken.Status", on_delete=models.SET_NULL, null=True, blank=True, related_name="zaakinformatieobjecten"
    )

    class Meta:
        verbose_name = "zaakinformatieobject"
        verbose_name_plural = "zaakinformatieobjecten"
        constraints = [
            models.UniqueConstraint(fields=["zaak", "informatieobject"], name="zaakinformatieobject_unique"),
        ]
        indexes = [models.Index(fields=["informatieobject"])]
