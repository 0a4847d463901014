"""The document storage configuration an operator keeps in the admin, over the environment's settings.

One row (a django-solo singleton). Every empty field means "the value from
the environment" (DOCUMENTEN_BACKEND, DOCUMENT_STORAGE, S3_*, CMIS_*), so a
fresh installation runs from its environment alone; `configuration.active()`
merges the two. The service and worker read it at start-up.
"""
from django.core.validators import RegexValidator
from django.db import models
from solo.models import SingletonModel

FROM_ENVIRONMENT = "uit de omgeving"


class DocumentStorageConfiguration(SingletonModel):
    class Backend(models.TextChoices):
        ENVIRONMENT = "", f"{FROM_ENVIRONMENT} (DOCUMENTEN_BACKEND)"
        DATABASE = "database", "database (PostgreSQL met lokale schijf of S3)"
        CMIS = "cmis", "CMIS-repository"

    class Storage(models.TextChoices):
        ENVIRONMENT = "", f"{FROM_ENVIRONMENT} (DOCUMENT_STORAGE)"
        LOCAL = "local", "lokale schijf (DOCUMENTS_DIR)"
        S3 = "s3", "S3"

    backend = models.CharField("backend", max_length=8, blank=True, choices=Backend.choices)
    storage = models.CharField(
        "opslag van inhoud", max_length=8, blank=True, choices=Storage.choices,
        help_text="Inhoud van de database-backend; bij CMIS alleen de bestandsdelen die nog worden geüpload.",
    )

    s3_bucket = models.CharField("bucket", max_length=255, blank=True)
    s3_endpoint_url = models.URLField("endpoint-URL", blank=True, help_text="Leeg bij AWS zelf.")
    s3_region = models.CharField("regio", max_length=64, blank=True)
    s3_access_key_id = models.CharField("access key id", max_length=255, blank=True)
    s3_secret_access_key = models.CharField("secret access key", max_length=255, blank=True)
    s3_key_prefix = models.CharField("sleutelprefix", max_length=255, blank=True)

    cmis_url = models.URLField(
        "service-URL", max_length=500, blank=True,
        help_text="Browser Binding, bijvoorbeeld https://dms.example.nl/alfresco/api/-default-/public/cmis/versions/1.1/browser",
    )
    cmis_repository_id = models.CharField("repository-id", max_length=255, blank=True)
    cmis_user = models.CharField("gebruiker", max_length=255, blank=True)
    cmis_password = models.CharField("wachtwoord", max_length=255, blank=True)
    cmis_base_folder = models.CharField(
        "basismap", max_length=255, blank=True, help_text="Absoluut pad, bijvoorbeeld /DRC.",
        validators=[RegexValidator(r"^/", "Een absoluut pad begint met /.")],
    )

    updated_at = models.DateTimeField("gewijzigd op", auto_now=True)

    class Meta:
        verbose_name = "documentopslag"

    def __str__(self) -> str:
        return "Documentopslag"
