"""Zaaknotities (Zaken 1.7): notes on a zaak, internal or for the citizen."""
from django.db import models

from ..constants import NotitieStatus, NotitieType
from .base import APIModel


class ZaakNotitie(APIModel):
    gerelateerd_aan = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, related_name="notities")
    onderwerp = models.CharField(max_length=255)
    tekst = models.TextField()
    aangemaakt_door = models.CharField(max_length=255, blank=True)
    notitie_type = models.CharField(max_length=10, choices=NotitieType.choices, default=NotitieType.intern)
    status = models.CharField(max_length=10, choices=NotitieStatus.choices, default=NotitieStatus.concept)
    aanmaakdatum = models.DateTimeField(auto_now_add=True)
    wijzigingsdatum = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "zaaknotitie"
        verbose_name_plural = "zaaknotities"
        indexes = [models.Index(fields=["aanmaakdatum"]), models.Index(fields=["wijzigingsdatum"])]
