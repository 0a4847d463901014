"""Storage configuration: the admin's row over the environment, connection checks, the content model check."""
import copy
import uuid
from pathlib import Path

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from storages.backends.s3 import S3Storage

from storage_backends.checks import check_connection
from storage_backends.cmis.mapping import BASES, DOCUMENT, GEBRUIKSRECHT, PROPERTIES, VERZENDING
from storage_backends.cmis.model_check import missing_in_repository, require_model
from storage_backends.configuration import active, cmis_config, documents_storage
from storage_backends.models import DocumentStorageConfiguration
from tests.s3_server import CREDENTIALS

ENV_CMIS = {
    "url": "http://env-dms.example/cmis/browser", "repository_id": "", "user": "env-user",
    "password": "env-password", "base_folder": "/DRC", "connect_timeout": 5.0, "read_timeout": 60.0,
}


@pytest.fixture
def environment(settings, tmp_path):
    """The environment's settings as settings.py would read them: database backend on local disk."""
    settings.DOCUMENTEN_BACKEND = "database"
    settings.DOCUMENT_STORAGE = "local"
    settings.DOCUMENTS_DIR = tmp_path
    settings.DOCUMENTS_S3_OPTIONS = {
        **settings.DOCUMENTS_S3_OPTIONS, "bucket_name": "env-bucket", "endpoint_url": None, "region_name": None,
        "access_key": "env-key", "secret_key": "env-secret", "location": "env-prefix",
    }
    settings.CMIS = dict(ENV_CMIS)
    return settings


def test_without_a_row_the_environment_decides(environment, db):
    s = active()

    assert (s.backend, s.storage) == ("database", "local")
    assert s.s3 == {
        "bucket_name": "env-bucket", "endpoint_url": None, "region_name": None,
        "access_key": "env-key", "secret_key": "env-secret", "location": "env-prefix",
    }
    assert s.cmis == ENV_CMIS


def test_filled_in_fields_of_the_row_override_the_environment(environment, db):
    DocumentStorageConfiguration.objects.create(
        backend="cmis", storage="s3", s3_bucket="admin-bucket", s3_secret_access_key="admin-secret",
        cmis_url="https://dms.example/browser", cmis_password="admin-password", cmis_base_folder="/Zaken",
    )

    s = active()

    assert (s.backend, s.storage) == ("cmis", "s3")
    assert s.s3["bucket_name"] == "admin-bucket" and s.s3["secret_key"] == "admin-secret"
    assert s.s3["access_key"] == "env-key" and s.s3["location"] == "env-prefix"
    assert s.cmis == {
        **ENV_CMIS, "url": "https://dms.example/browser", "password": "admin-password", "base_folder": "/Zaken",
    }


def test_a_missing_table_leaves_the_environment_and_the_transaction_usable(environment, db):
    table = DocumentStorageConfiguration._meta.db_table
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_gone")

    assert active().backend == "database"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_local_storage_lives_in_documents_dir(environment, db):
    storage = documents_storage(active())

    assert Path(storage.location) == environment.DOCUMENTS_DIR


def test_s3_storage_keeps_the_environments_client_options(environment, db):
    DocumentStorageConfiguration.objects.create(storage="s3", s3_bucket="admin-bucket")

    storage = documents_storage(active())

    assert isinstance(storage, S3Storage)
    assert storage.bucket_name == "admin-bucket" and storage.location == "env-prefix"
    assert storage.client_config is environment.DOCUMENTS_S3_OPTIONS["client_config"]
    assert storage.file_overwrite is False


def test_cmis_config_comes_from_the_merged_settings(environment, db):
    DocumentStorageConfiguration.objects.create(backend="cmis", cmis_repository_id="-default-")

    config = cmis_config(active())

    assert (config.url, config.repository_id, config.user) == (ENV_CMIS["url"], "-default-", "env-user")
    assert config.read_timeout == 60.0


def test_cmis_without_url_is_improperly_configured(environment, db):
    environment.CMIS = {**ENV_CMIS, "url": ""}

    with pytest.raises(ImproperlyConfigured, match="CMIS_URL"):
        cmis_config(active())


# -- connection checks: local disk and S3 ---------------------------------------------------------


@pytest.fixture
def unwritable_dir(tmp_path):
    """A directory this process cannot write into (root ignores modes, so then a read-only /sys)."""
    directory = tmp_path / "readonly"
    directory.mkdir(mode=0o500)
    try:
        probe = directory / "probe"
        probe.touch()
    except OSError:
        return directory
    probe.unlink()
    try:
        Path("/sys/probe").touch()
    except OSError:
        return Path("/sys")
    pytest.skip("no unwritable directory available to this user")


def test_local_check_writes_reads_and_deletes_a_probe(environment, db):
    results = check_connection(active())

    assert [(r.name, r.ok) for r in results] == [("lokale map", True)]
    assert list(environment.DOCUMENTS_DIR.iterdir()) == []


def test_local_check_reports_a_missing_directory(environment, db, tmp_path):
    environment.DOCUMENTS_DIR = tmp_path / "nowhere"

    [result] = check_connection(active())

    assert not result.ok and "bestaat niet" in result.detail


def test_local_check_reports_an_unwritable_directory(environment, db, unwritable_dir):
    environment.DOCUMENTS_DIR = unwritable_dir

    [result] = check_connection(active())

    assert not result.ok and "niet schrijfbaar" in result.detail


@pytest.fixture
def s3_configuration(environment, s3_endpoint, db):
    bucket = f"check-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_endpoint, **CREDENTIALS).create_bucket(Bucket=bucket)
    return DocumentStorageConfiguration.objects.create(
        storage="s3", s3_bucket=bucket, s3_endpoint_url=s3_endpoint, s3_region=CREDENTIALS["region_name"],
        s3_access_key_id=CREDENTIALS["aws_access_key_id"], s3_secret_access_key=CREDENTIALS["aws_secret_access_key"],
    )


def test_s3_check_reaches_the_bucket_and_round_trips_a_probe(s3_configuration, s3_endpoint):
    results = check_connection(active())

    assert [(r.name, r.ok) for r in results] == [("S3-bucket", True), ("S3-proefobject", True)]
    listing = boto3.client("s3", endpoint_url=s3_endpoint, **CREDENTIALS).list_objects_v2(
        Bucket=s3_configuration.s3_bucket
    )
    assert listing.get("KeyCount") == 0


def test_s3_check_reports_a_missing_bucket(s3_configuration):
    s3_configuration.s3_bucket = "no-such-bucket"
    s3_configuration.save()

    results = check_connection(active())

    assert [(r.name, r.ok) for r in results] == [("S3-bucket", False)]
    assert "no-such-bucket" in results[0].detail


# -- the content model check ----------------------------------------------------------------------


def deployed_model() -> dict[str, dict]:
    """Type definitions as a repository with config/alfresco/drc-model.xml answers them."""
    return {
        type_id: {
            "id": type_id,
            "baseId": base_id,
            "propertyDefinitions": {
                p.id: {
                    "id": p.id, "propertyType": p.type, "cardinality": "multi" if p.multi else "single",
                    "queryable": True, "updatability": "readwrite",
                }
                for p in PROPERTIES[type_id]
            },
        }
        for type_id, base_id in BASES.items()
    }


class FakeRepository:
    def __init__(self, types: dict[str, dict]):
        self.types = types

    def type_definition(self, type_id: str) -> dict | None:
        return copy.deepcopy(self.types.get(type_id))


def test_a_complete_model_passes():
    repository = FakeRepository(deployed_model())

    assert missing_in_repository(repository) == []
    require_model(repository)


def test_every_difference_is_named_on_a_line_of_its_own():
    types = deployed_model()
    del types[VERZENDING]
    types[GEBRUIKSRECHT]["baseId"] = "cmis:document"
    document = types[DOCUMENT]["propertyDefinitions"]
    del document["drc:titel"]
    document["drc:versie"]["propertyType"] = "string"
    document["drc:trefwoorden"]["cardinality"] = "single"
    document["drc:identificatie"]["queryable"] = False
    document["drc:auteur"]["updatability"] = "readonly"

    problems = missing_in_repository(FakeRepository(types))

    assert problems == [
        f"{DOCUMENT}: property drc:versie has type string, expected integer",
        f"{DOCUMENT}: property drc:identificatie is not queryable (indexed), and the backend queries it",
        f"{DOCUMENT}: property drc:titel is missing",
        f"{DOCUMENT}: property drc:auteur is read-only, and the backend writes it",
        f"{DOCUMENT}: property drc:trefwoorden has cardinality single, expected multi",
        f"type {GEBRUIKSRECHT} derives from cmis:document, expected cmis:item",
        f"type {VERZENDING} is missing (expected a subtype of cmis:item)",
    ]


def test_require_model_refuses_with_all_missing_parts():
    types = deployed_model()
    del types[DOCUMENT]
    del types[VERZENDING]["propertyDefinitions"]["drcvz:uuid"]

    with pytest.raises(ImproperlyConfigured) as raised:
        require_model(FakeRepository(types))

    message = str(raised.value)
    assert "drc-model.xml" in message
    assert f"- type {DOCUMENT} is missing" in message
    assert f"- {VERZENDING}: property drcvz:uuid is missing" in message
