"""Backends under test: the database backend on local disk and on S3.

S3 is a real S3-compatible HTTP server (moto in server mode) that this test
run starts on loopback and stops by PID; each test gets a bucket of its own.
"""
import uuid
from datetime import date

import boto3
import pytest
from django.core.files.storage import FileSystemStorage
from storages.backends.s3 import S3Storage

from storage_backends.base import DocumentData
from storage_backends.database.backend import DatabaseBackend
from storage_backends.database.content import ContentStore
from tests.s3_server import CREDENTIALS, S3Server, free_port  # noqa: F401 (free_port: used by test modules)


@pytest.fixture(scope="session")
def s3_endpoint():
    with S3Server() as server:
        yield server.endpoint


def s3_storage(endpoint: str, bucket: str) -> S3Storage:
    boto3.client("s3", endpoint_url=endpoint, **CREDENTIALS).create_bucket(Bucket=bucket)
    return S3Storage(
        bucket_name=bucket,
        endpoint_url=endpoint,
        access_key=CREDENTIALS["aws_access_key_id"],
        secret_key=CREDENTIALS["aws_secret_access_key"],
        region_name=CREDENTIALS["region_name"],
        location="zgw",
        file_overwrite=False,
    )


@pytest.fixture(params=["database+local", "database+s3"])
def store(request, tmp_path):
    """The content storage of the backend under test."""
    if request.param == "database+local":
        return FileSystemStorage(location=tmp_path)
    return s3_storage(request.getfixturevalue("s3_endpoint"), f"test-{uuid.uuid4().hex[:12]}")


@pytest.fixture
def backend(store, db):
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
