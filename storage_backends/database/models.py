"""Tables of the database backend: one row per document (identity, lock), one per version, one per object link,
one per gebruiksrecht, one per part of an upload in progress and one per verzending.

The latest version carries `is_latest`, so lists read one row per document
with an index; (bronorganisatie, identificatie) is unique per document.
"""
import uuid as _uuid

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models


class StoredDocument(models.Model):
    uuid = models.UUIDField(unique=True, default=_uuid.uuid4)
    bronorganisatie = models.CharField(max_length=9)
    identificatie = models.CharField(max_length=40)
    lock = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bronorganisatie", "identificatie"], name="document_identificatie_uniq")
        ]


class StoredVersion(models.Model):
    document = models.ForeignKey(StoredDocument, on_delete=models.CASCADE, related_name="versions")
    versie = models.PositiveIntegerField()
    is_latest = models.BooleanField(default=True)
    begin_registratie = models.DateTimeField()
    content_key = models.CharField(max_length=300, blank=True)
    content_size = models.BigIntegerField(null=True)

    identificatie = models.CharField(max_length=40)
    bronorganisatie = models.CharField(max_length=9)
    creatiedatum = models.DateField()
    titel = models.CharField(max_length=200)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, blank=True)
    auteur = models.CharField(max_length=200)
    status = models.CharField(max_length=20, blank=True)
    formaat = models.CharField(max_length=255, blank=True)
    taal = models.CharField(max_length=3)
    bestandsnaam = models.CharField(max_length=255, blank=True)
    bestandsomvang = models.BigIntegerField(null=True)
    link = models.URLField(max_length=200, blank=True)
    beschrijving = models.TextField(max_length=1000, blank=True)
    ontvangstdatum = models.DateField(null=True)
    verzenddatum = models.DateField(null=True)
    indicatie_gebruiksrecht = models.BooleanField(null=True)
    verschijningsvorm = models.TextField(blank=True)
    ondertekening_soort = models.CharField(max_length=10, blank=True)
    ondertekening_datum = models.DateField(null=True)
    integriteit_algoritme = models.CharField(max_length=20, blank=True)
    integriteit_waarde = models.CharField(max_length=128, blank=True)
    integriteit_datum = models.DateField(null=True)
    informatieobjecttype = models.URLField(max_length=200)
    trefwoorden = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    inhoud_is_vervallen = models.BooleanField(default=False)
    tonen_aan_initiator = models.BooleanField(default=False)
    is_gereed_voor_publicatie = models.BooleanField(null=True)

    class Meta:
        ordering = ["document_id", "versie"]
        constraints = [models.UniqueConstraint(fields=["document", "versie"], name="document_versie_uniq")]
        indexes = [
            models.Index(
                fields=["informatieobjecttype", "vertrouwelijkheidaanduiding"],
                condition=models.Q(is_latest=True),
                name="latest_autorisatie_idx",
            ),
            models.Index(fields=["-document"], condition=models.Q(is_latest=True), name="latest_document_idx"),
            # Lists of an applicatie that may only see documents ready for publication.
            models.Index(
                fields=["-document"], condition=models.Q(is_latest=True, is_gereed_voor_publicatie=True),
                name="latest_gereed_idx",
            ),
            GinIndex(fields=["trefwoorden"], name="version_trefwoorden_idx"),
        ]


class StoredObjectLink(models.Model):
    uuid = models.UUIDField(unique=True, default=_uuid.uuid4)
    document = models.ForeignKey(StoredDocument, on_delete=models.PROTECT, related_name="links")
    object = models.URLField(max_length=1000)
    object_type = models.CharField(max_length=10)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "object"], name="document_object_uniq")]
        indexes = [
            models.Index(fields=["object"], name="link_object_idx"),
            models.Index(fields=["object_type", "document"], name="link_object_type_idx"),
        ]


class StoredGebruiksrecht(models.Model):
    uuid = models.UUIDField(unique=True, default=_uuid.uuid4)
    document = models.ForeignKey(StoredDocument, on_delete=models.CASCADE, related_name="gebruiksrechten")
    startdatum = models.DateTimeField()
    einddatum = models.DateTimeField(null=True)
    omschrijving_voorwaarden = models.TextField()


class StoredPart(models.Model):
    """A part of an upload in progress; its content is staged in the content store until the unlock."""

    uuid = models.UUIDField(unique=True, default=_uuid.uuid4)
    document = models.ForeignKey(StoredDocument, on_delete=models.CASCADE, related_name="parts")
    volgnummer = models.PositiveIntegerField()
    omvang = models.BigIntegerField()
    content_key = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["document_id", "volgnummer"]
        constraints = [models.UniqueConstraint(fields=["document", "volgnummer"], name="part_volgnummer_uniq")]


class StoredVerzending(models.Model):
    """A verzending; each address group is a JSON object of its dataclass's fields, or null when not given."""

    uuid = models.UUIDField(unique=True, default=_uuid.uuid4)
    document = models.ForeignKey(StoredDocument, on_delete=models.CASCADE, related_name="verzendingen")
    betrokkene = models.URLField(max_length=200)
    aard_relatie = models.CharField(max_length=20)
    toelichting = models.CharField(max_length=200, blank=True)
    ontvangstdatum = models.DateField(null=True)
    verzenddatum = models.DateField(null=True)
    contact_persoon = models.URLField(max_length=1000)
    contactpersoonnaam = models.CharField(max_length=40, blank=True)
    binnenlands_correspondentieadres = models.JSONField(null=True)
    buitenlands_correspondentieadres = models.JSONField(null=True)
    correspondentie_postadres = models.JSONField(null=True)
    faxnummer = models.CharField(max_length=15, blank=True)
    emailadres = models.CharField(max_length=100, blank=True)
    mijn_overheid = models.BooleanField(default=False)
    telefoonnummer = models.CharField(max_length=15, blank=True)

    class Meta:
        indexes = [models.Index(fields=["betrokkene"], name="verzending_betrokkene_idx")]


def visible(restrictions) -> models.Q:
    """The versions (StoredVersion rows) that autorisatie restrictions (base.Restriction) allow: one OR-ed term each."""
    allowed = models.Q(pk__in=[])
    for restriction in restrictions:
        allowed |= models.Q(
            informatieobjecttype=restriction.informatieobjecttype,
            vertrouwelijkheidaanduiding__in=restriction.allowed(),
        )
    return allowed
