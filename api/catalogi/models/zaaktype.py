"""ZAAKTYPE and its relations to other zaaktypen (gerelateerdeZaaktypen, deelzaaktypen)."""
from django.contrib.postgres.fields import ArrayField
from django.db import models
from relativedeltafield import RelativeDeltaField

from ..constants import AardRelatie, IndicatieInternOfExtern, VertrouwelijkheidsAanduiding
from .mixins import APIModel, Concept, Geldigheid


class ZaakType(APIModel, Geldigheid, Concept):
    catalogus = models.ForeignKey("catalogi.Catalogus", on_delete=models.PROTECT, related_name="zaaktypen")
    identificatie = models.CharField(max_length=50)
    omschrijving = models.CharField(max_length=80)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, choices=VertrouwelijkheidsAanduiding.choices)
    doel = models.TextField()
    aanleiding = models.TextField()
    toelichting = models.TextField(blank=True)
    indicatie_intern_of_extern = models.CharField(max_length=6, choices=IndicatieInternOfExtern.choices)
    handeling_initiator = models.CharField(max_length=20)
    onderwerp = models.CharField(max_length=80)
    handeling_behandelaar = models.CharField(max_length=20)
    doorlooptijd = RelativeDeltaField()
    servicenorm = RelativeDeltaField(null=True, blank=True)
    opschorting_en_aanhouding_mogelijk = models.BooleanField()
    verlenging_mogelijk = models.BooleanField()
    verlengingstermijn = RelativeDeltaField(null=True, blank=True)
    trefwoorden = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    publicatie_indicatie = models.BooleanField()
    publicatietekst = models.TextField(blank=True)
    verantwoordingsrelatie = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    producten_of_diensten = ArrayField(models.URLField(max_length=1000), default=list, blank=True)
    selectielijst_procestype = models.URLField(max_length=200, blank=True)
    referentieproces_naam = models.CharField(max_length=80)
    referentieproces_link = models.URLField(max_length=200, blank=True)
    verantwoordelijke = models.CharField(max_length=50)
    broncatalogus_url = models.URLField(max_length=200, blank=True)
    broncatalogus_domein = models.CharField(max_length=5, blank=True)
    broncatalogus_rsin = models.CharField(max_length=9, blank=True)
    bronzaaktype_url = models.URLField(max_length=200, blank=True)
    bronzaaktype_identificatie = models.CharField(max_length=50, blank=True)
    bronzaaktype_omschrijving = models.CharField(max_length=80, blank=True)
    versiedatum = models.DateField()
    besluittypen = models.ManyToManyField("catalogi.BesluitType", blank=True, related_name="zaaktypen")
    deelzaaktypen = models.ManyToManyField("self", blank=True, symmetrical=False, related_name="hoofdzaaktypen")

    class Meta:
        verbose_name = "zaaktype"
        verbose_name_plural = "zaaktypen"
        indexes = [
            models.Index(fields=["catalogus", "identificatie"], name="zt_catalogus_ident_idx"),
            models.Index(fields=["identificatie"], name="zt_ident_idx"),
        ]

    def __str__(self):
        return f"{self.identificatie} ({self.omschrijving})"


class ZaakTypenRelatie(models.Model):
    """A gerelateerd zaaktype, named by identificatie (or a URL for one elsewhere)."""

    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="zaaktypenrelaties")
    gerelateerd_zaaktype = models.CharField(max_length=200)
    aard_relatie = models.CharField(max_length=20, choices=AardRelatie.choices)
    toelichting = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "zaaktypenrelatie"
        verbose_name_plural = "zaaktypenrelaties"
