"""The document storage settings in force: the admin's configuration row over the environment.

`active()` merges `DocumentStorageConfiguration` (models.py) with
DOCUMENTEN_BACKEND, DOCUMENT_STORAGE, DOCUMENTS_S3_OPTIONS and CMIS from
settings.py: a filled-in field wins, an empty one leaves the environment's
value. The storage and the CMIS connection are then built from that one
value, so the running backend and the admin's connection test never differ.
"""
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, Storage
from django.db import ProgrammingError, transaction

from .models import DocumentStorageConfiguration

if TYPE_CHECKING:
    from .cmis.client import CmisConfig

# Configuration field → S3Storage option (the rest of the options come from DOCUMENTS_S3_OPTIONS only).
S3_FIELDS = {
    "s3_bucket": "bucket_name",
    "s3_endpoint_url": "endpoint_url",
    "s3_region": "region_name",
    "s3_access_key_id": "access_key",
    "s3_secret_access_key": "secret_key",
    "s3_key_prefix": "location",
}
# Configuration field → key of settings.CMIS (and field of CmisConfig).
CMIS_FIELDS = {
    "cmis_url": "url",
    "cmis_repository_id": "repository_id",
    "cmis_user": "user",
    "cmis_password": "password",
    "cmis_base_folder": "base_folder",
}


@dataclass(frozen=True)
class StorageSettings:
    backend: str  # "database" or "cmis"
    storage: str  # "local" or "s3": content of the database backend, bestandsdelen of the CMIS backend
    s3: dict[str, Any]  # the S3Storage options of S3_FIELDS
    cmis: dict[str, Any]  # the keys of settings.CMIS


def _configuration_row() -> DocumentStorageConfiguration | None:
    try:
        # The savepoint keeps a surrounding transaction usable when the query fails.
        with transaction.atomic():
            return DocumentStorageConfiguration.objects.filter(
                pk=DocumentStorageConfiguration.singleton_instance_id
            ).first()
    except ProgrammingError:
        # Before `migrate` the table does not exist yet; the environment alone then decides.
        return None


def active() -> StorageSettings:
    """The settings in force now (one query; callers that build a backend keep the result until restart)."""
    row = _configuration_row()

    def pick(field: str, default: Any) -> Any:
        return (getattr(row, field) if row else "") or default

    env_s3 = settings.DOCUMENTS_S3_OPTIONS
    return StorageSettings(
        backend=pick("backend", settings.DOCUMENTEN_BACKEND),
        storage=pick("storage", settings.DOCUMENT_STORAGE),
        s3={option: pick(field, env_s3[option]) for field, option in S3_FIELDS.items()},
        cmis={**settings.CMIS, **{key: pick(field, settings.CMIS[key]) for field, key in CMIS_FIELDS.items()}},
    )


def documents_storage(s: StorageSettings) -> Storage:
    """The `documents` storage these settings select: DOCUMENTS_DIR, or S3 with the environment's client options."""
    if s.storage == "local":
        return FileSystemStorage(location=settings.DOCUMENTS_DIR)
    if s.storage == "s3":
        from .database.s3 import SharedSessionS3Storage

        return SharedSessionS3Storage(**{**settings.DOCUMENTS_S3_OPTIONS, **s.s3})
    raise ImproperlyConfigured(f"Unknown DOCUMENT_STORAGE {s.storage!r} (known: local, s3).")


def cmis_config(s: StorageSettings) -> "CmisConfig":
    """The gateway's configuration; ImproperlyConfigured when no repository URL is set."""
    from .cmis.client import CmisConfig  # only the CMIS backend needs cmislib loaded

    if not s.cmis["url"]:
        raise ImproperlyConfigured("DOCUMENTEN_BACKEND=cmis needs the repository's URL (CMIS_URL or the admin).")
    return CmisConfig(**s.cmis)
