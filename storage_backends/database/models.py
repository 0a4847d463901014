"""Tables of the database backend: one row per document (identity, lock), one per version, one per object link
and one per gebruiksrecht.

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
            GinIndex(fields=["trefwoorden"], name="version_trefwoorden_idx"),
        ]


class StoredObjectLink(models.Model):
    uuid = models.UUIDField(unique=True, default=_uuid.uuid4)
    document = models.ForeignKey(StoredDocument, on_delete=models.PROTECT, related_name="links")
    object = models.URLField(max_length=1000)
    object_type = models.CharField(max_length=10)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "object"], name="document_object_uniq")]
        indexes = [models.Index(fields=["object"], name="link_object_idx")]


class StoredGebruiksrecht(models.Model):
    uuid = models.UUIDField(unique=True, default=_uuid.uuid4)
    document = models.ForeignKey(StoredDocument, on_delete=models.CASCADE, related_name="gebruiksrechten")
    startdatum = models.DateTimeField()
    einddatum = models.DateTimeField(null=True)
    omschrijving_voorwaarden = models.TextField()
