"""The zaak, its kenmerken and its relevante andere zaken.

`status` and `resultaat` are kept on the zaak by the services (the current
status is the latest `datum_status_gezet`), so a page of zaken renders them
without a query per zaak. Every filter and ordering of the API has an index.
"""
from django.contrib.gis.db import models as gis_models
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from ..constants import AardRelatieZaken, Archiefnominatie, Archiefstatus, Betalingsindicatie, VertrouwelijkheidsAanduiding
from .base import APIModel


class Zaak(APIModel):
    identificatie = models.CharField(max_length=40)
    bronorganisatie = models.CharField(max_length=9)
    omschrijving = models.CharField(max_length=80, blank=True)
    toelichting = models.CharField(max_length=1000, blank=True)
    zaaktype = models.ForeignKey("catalogi.ZaakType", on_delete=models.PROTECT, related_name="zaken")
    registratiedatum = models.DateField(default=timezone.localdate)
    verantwoordelijke_organisatie = models.CharField(max_length=9)
    startdatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    einddatum_gepland = models.DateField(null=True, blank=True)
    uiterlijke_einddatum_afdoening = models.DateField(null=True, blank=True)
    publicatiedatum = models.DateField(null=True, blank=True)
    communicatiekanaal = models.URLField(max_length=1000, blank=True)
    producten_of_diensten = ArrayField(models.URLField(max_length=1000), default=list, blank=True)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, choices=VertrouwelijkheidsAanduiding.choices)
    betalingsindicatie = models.CharField(max_length=20, choices=Betalingsindicatie.choices, blank=True)
    laatste_betaaldatum = models.DateTimeField(null=True, blank=True)
    zaakgeometrie = gis_models.GeometryField(srid=4326, null=True, blank=True)
    verlenging_reden = models.CharField(max_length=200, blank=True)
    verlenging_duur = models.DurationField(null=True, blank=True)
    opschorting_indicatie = models.BooleanField(default=False)
    opschorting_reden = models.CharField(max_length=200, blank=True)
    selectielijstklasse = models.URLField(max_length=1000, blank=True)
    hoofdzaak = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="deelzaken"
    )
    archiefnominatie = models.CharField(max_length=20, choices=Archiefnominatie.choices, blank=True)
    archiefstatus = models.CharField(
        max_length=40, choices=Archiefstatus.choices, default=Archiefstatus.nog_te_archiveren
    )
    archiefactiedatum = models.DateField(null=True, blank=True)
    opdrachtgevende_organisatie = models.CharField(max_length=9, blank=True)
    processobjectaard = models.CharField(max_length=200, blank=True)
    startdatum_bewaartermijn = models.DateField(null=True, blank=True)
    processobject_datumkenmerk = models.CharField(max_length=250, blank=True)
    processobject_identificatie = models.CharField(max_length=250, blank=True)
    processobject_objecttype = models.CharField(max_length=250, blank=True)
    processobject_registratie = models.CharField(max_length=250, blank=True)
    # Kept by the services: the status with the latest datum_status_gezet, and the resultaat.
    status = models.ForeignKey("zaken.Status", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        constraints = [
            models.UniqueConstraint(fields=["bronorganisatie", "identificatie"], name="zaak_identificatie_unique"),
        ]
        indexes = [
            models.Index(fields=["identificatie"]),
            models.Index(fields=["zaaktype", "vertrouwelijkheidaanduiding"]),
            models.Index(fields=["archiefnominatie"]),
            models.Index(fields=["archiefactiedatum"]),
            models.Index(fields=["archiefstatus"]),
            models.Index(fields=["startdatum"]),
            models.Index(fields=["registratiedatum"]),
            models.Index(fields=["einddatum"]),
            models.Index(fields=["einddatum_gepland"]),
            models.Index(fields=["uiterlijke_einddatum_afdoening"]),
            models.Index(fields=["publicatiedatum"]),
            gis_models.Index(fields=["zaakgeometrie"], name="zaak_zaakgeometrie_gist"),
        ]

    def __str__(self):
        return f"{self.bronorganisatie} - {self.identificatie}"

    @property
    def is_closed(self) -> bool:
        return self.einddatum is not None


class ZaakKenmerk(models.Model):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="kenmerken")
    kenmerk = models.CharField(max_length=40)
    bron = models.CharField(max_length=40)

    class Meta:
        verbose_name = "zaakkenmerk"
        verbose_name_plural = "zaakkenmerken"


class RelevanteZaakRelatie(models.Model):
    """A relevante andere zaak of this service (zrc-011 validates it exists)."""

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="relevante_andere_zaken")
    andere_zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="+")
    aard_relatie = models.CharField(max_length=20, choices=AardRelatieZaken.choices)

    class Meta:
        verbose_name = "relevante andere zaak"
        verbose_name_plural = "relevante andere zaken"


class ZaakIdentificatieCounter(models.Model):
    """The last number handed out per bronorganisatie and year (zrc-002), locked while one is taken."""

    bronorganisatie = models.CharField(max_length=9)
    jaar = models.PositiveIntegerField()
    laatste = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bronorganisatie", "jaar"], name="zaak_identificatie_counter_unique"),
        ]


class ReservedZaakIdentificatie(models.Model):
    """A zaaknummer handed out by `zaaknummer_reserveren`, free for a later create to use."""

    bronorganisatie = models.CharField(max_length=9)
    identificatie = models.CharField(max_length=40)
    reserved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bronorganisatie", "identificatie"], name="reserved_zaak_identificatie_unique"),
        ]
