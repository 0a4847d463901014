"""Connection checks of a storage configuration, for the admin's "test connection" button.

Each check does what the backend will do, on a throw-away probe: write, read
back and delete a file in the documents storage, and for CMIS sign in, find
the repository, compare its content model and reach the base folder. A check
reports a failure as a result instead of raising, so the operator sees every
step up to the first one that failed.
"""
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from storages.backends.s3 import S3Storage

from .configuration import StorageSettings, cmis_config, documents_storage

if TYPE_CHECKING:
    from .cmis.client import CmisConfig, CmisGateway

PROBE = b"openzaak-cmis connection check\n"
S3_ERRORS = (BotoCoreError, ClientError, ValueError)  # ValueError: botocore's answer to a malformed endpoint URL


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def check_connection(s: StorageSettings) -> list[CheckResult]:
    """Check the documents storage, and for the CMIS backend the repository; stop a part at its first failure."""
    results = list(_storage_checks(s))
    if s.backend == "cmis":
        results += _cmis_checks(s)
    return results


def _probe(storage: Storage) -> str:
    """Write, read back and delete one small file; returns the name used, raises what the storage raises."""
    name = storage.save(f"connection-check-{uuid.uuid4().hex}.txt", ContentFile(PROBE))
    try:
        with storage.open(name) as handle:
            if handle.read() != PROBE:
                raise OSError(f"{name} read back different bytes than were written")
    finally:
        storage.delete(name)
    return name


def _storage_checks(s: StorageSettings) -> Iterator[CheckResult]:
    try:
        storage = documents_storage(s)
    except ImproperlyConfigured as exc:
        yield CheckResult("opslag", False, str(exc))
        return
    if s.storage == "local":
        yield _local_check(storage)
    else:
        yield from _s3_checks(storage)


def _local_check(storage: Storage) -> CheckResult:
    directory = Path(storage.location)
    if not directory.is_dir():
        return CheckResult("lokale map", False, f"{directory} bestaat niet of is geen map.")
    try:
        name = _probe(storage)
    except OSError as exc:
        return CheckResult("lokale map", False, f"{directory} is niet schrijfbaar: {exc}")
    return CheckResult("lokale map", True, f"{directory}: proefbestand {name} geschreven, gelezen en verwijderd.")


def _s3_checks(storage: S3Storage) -> Iterator[CheckResult]:
    where = f"bucket {storage.bucket_name!r} op {storage.endpoint_url or 'AWS'}"
    try:
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
    except S3_ERRORS as exc:
        yield CheckResult("S3-bucket", False, f"{where} niet bereikbaar: {exc}")
        return
    yield CheckResult("S3-bucket", True, f"{where} bereikbaar.")
    try:
        name = _probe(storage)
    except (*S3_ERRORS, OSError) as exc:
        yield CheckResult("S3-proefobject", False, f"schrijven, lezen of verwijderen mislukt: {exc}")
        return
    yield CheckResult("S3-proefobject", True, f"{storage.location}/{name} geschreven, gelezen en verwijderd.")


def _cmis_checks(s: StorageSettings) -> list[CheckResult]:
    from .cmis.client import CmisGateway  # only the CMIS backend needs cmislib loaded

    try:
        config = cmis_config(s)
    except ImproperlyConfigured as exc:
        return [CheckResult("CMIS-service", False, str(exc))]
    gateway = CmisGateway(config)
    try:
        return list(_cmis_steps(gateway, config))
    finally:
        gateway.close()


def _cmis_steps(gateway: "CmisGateway", config: "CmisConfig") -> Iterator[CheckResult]:
    from .cmis.client import CmisError, CmisNotFound, CmisRefused
    from .cmis.model_check import missing_in_repository

    try:
        info = gateway.repository_info()
    except CmisRefused as exc:
        yield CheckResult("CMIS-service", False, f"{config.url} weigert gebruiker {config.user!r}: {exc}")
        return
    except CmisNotFound as exc:
        # The gateway looks the repository up in the service's (authenticated) list of repositories.
        yield CheckResult("CMIS-service", True, f"{config.url} bereikbaar, aangemeld als {config.user!r}.")
        yield CheckResult("repository", False, f"repository {config.repository_id!r} niet gevonden: {exc}")
        return
    except CmisError as exc:
        yield CheckResult("CMIS-service", False, f"{config.url} niet bereikbaar: {exc}")
        return
    vendor, product = info.get("vendorName") or "", info.get("productName") or "?"
    if not product.startswith(vendor):
        product = f"{vendor} {product}"
    product = f"{product} {info.get('productVersion') or ''}".strip()
    yield CheckResult("CMIS-service", True, f"{config.url}: {product}, aangemeld als {config.user!r}.")
    yield CheckResult(
        "repository", True, f"{info.get('repositoryId')} ({info.get('repositoryName') or 'zonder naam'})."
    )

    try:
        problems = missing_in_repository(gateway)
    except CmisError as exc:
        yield CheckResult("contentmodel", False, f"typedefinities niet op te vragen: {exc}")
        return
    if problems:
        yield CheckResult("contentmodel", False, "; ".join(problems))
        return
    yield CheckResult("contentmodel", True, "alle typen en eigenschappen van de mapping zijn aanwezig.")

    try:
        folder_id = gateway.folder("")
    except CmisError as exc:
        yield CheckResult("basismap", False, f"{config.base_folder} niet te vinden of aan te maken: {exc}")
        return
    yield CheckResult("basismap", True, f"{config.base_folder} aanwezig (object-id {folder_id}).")
