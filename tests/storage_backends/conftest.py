"""Backends under test: the database backend on local disk and on S3, and the CMIS backend.

S3 is a real S3-compatible HTTP server (moto in server mode) that this test
run starts on loopback and stops by PID; each test gets a bucket of its own.
CMIS is the CMIS test server (tests/cmis_server) as a subprocess with the
content model registered; each test gets a base folder of its own, and the
`store` of a CMIS test is the local staging storage of its bestandsdelen.
Tests about how the database backend lays out content take
`DATABASE_BACKENDS` only.
"""
import uuid
from datetime import date

import boto3
import pytest
from django.core.files.storage import FileSystemStorage

from storage_backends.base import DocumentData
from storage_backends.cmis.backend import CmisBackend
from storage_backends.cmis.client import CmisConfig, CmisGateway
from storage_backends.database.backend import DatabaseBackend
from storage_backends.database.content import ContentStore
from storage_backends.database.s3 import SharedSessionS3Storage
from tests.cmis_server.conftest import AUTH
from tests.s3_server import CREDENTIALS, S3Server, free_port  # noqa: F401 (free_port: used by test modules)

DATABASE_BACKENDS = ["database+local", "database+s3"]
BACKENDS = [*DATABASE_BACKENDS, "cmis"]


@pytest.fixture(scope="session")
def s3_endpoint():
    with S3Server() as server:
        yield server.endpoint


def s3_storage(endpoint: str, bucket: str) -> SharedSessionS3Storage:
    boto3.client("s3", endpoint_url=endpoint, **CREDENTIALS).create_bucket(Bucket=bucket)
    return SharedSessionS3Storage(
        bucket_name=bucket,
        endpoint_url=endpoint,
        access_key=CREDENTIALS["aws_access_key_id"],
        secret_key=CREDENTIALS["aws_secret_access_key"],
        region_name=CREDENTIALS["region_name"],
        location="zgw",
        file_overwrite=False,
    )


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """The content storage of the backend under test (for CMIS: where bestandsdelen are staged).

    Tests marked `database_only` are about how the database backend lays out
    content in it; the CMIS backend keeps content in the repository.
    """
    if request.param == "cmis" and request.node.get_closest_marker("database_only"):
        pytest.skip("about the database backend's content store")
    if request.param == "database+s3":
        return s3_storage(request.getfixturevalue("s3_endpoint"), f"test-{uuid.uuid4().hex[:12]}")
    return FileSystemStorage(location=tmp_path)


@pytest.fixture
def cmis_gateway(request):
    gateway = CmisGateway(
        CmisConfig(
            url=request.getfixturevalue("cmis_service_url"), user=AUTH[0], password=AUTH[1],
            base_folder=f"/test-{uuid.uuid4().hex[:12]}", connect_timeout=2, read_timeout=10,
        )
    )
    yield gateway
    gateway.close()


@pytest.fixture
def backend(request, store, db):
    if request.node.callspec.params.get("store") == "cmis":
        return CmisBackend(request.getfixturevalue("cmis_gateway"), ContentStore(store))
    return DatabaseBackend(ContentStore(store))


def document_data(**overrides) -> DocumentData:
    fields = {
        "identificatie": "DOC-1",
        "bronorganisatie": "000000000",
        "creatiedatum": date(2024, 1, 1),
        "titel": "Aanvraag",
        "auteur": "Burger",
        "taal": "dut",
        "informatieobjecttype": "https://catalogi.example.nl/catalogi/api/v1/informatieobjecttypen/1",
        "vertrouwelijkheidaanduiding": "openbaar",
    }
    return DocumentData(**{**fields, **overrides})


@pytest.fixture
def document(backend):
    """A stored document without content."""
    return backend.document_create(data=document_data(), content=None)
