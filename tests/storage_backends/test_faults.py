"""Faults on the way to the stores: S3 stopping mid-upload, S3 client timeouts, a database refusing to commit."""
import io
import json
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

import boto3
import pytest
from botocore.config import Config
from django.db import DatabaseError
from storages.backends.s3 import S3Storage

from storage_backends.base import BackendUnavailable, ContentIn
from storage_backends.database.backend import DatabaseBackend
from storage_backends.database.content import ContentStore
from storage_backends.database.models import StoredDocument, StoredVersion
from tests.db_faults import REFUSED_TITEL, commit_refused
from tests.storage_backends.conftest import CREDENTIALS, document_data
from tests.storage_backends.test_documents import stored_keys
from tests.tcp_proxy import TcpProxy

MULTIPART_THRESHOLD = 8 * 1024 * 1024  # boto3's TransferConfig default, which the S3 storage keeps

# The database backend's own faults and sweep (the CMIS backend's are in tests/storage_backends/cmis).
pytestmark = pytest.mark.database_only


def content(payload: bytes) -> ContentIn:
    return ContentIn(stream=io.BytesIO(payload), size=len(payload))


class CuttingStream(io.BytesIO):
    """Content whose upload stops the S3 server halfway: the first read arms the proxy to cut mid-body."""

    def __init__(self, payload: bytes, proxy: TcpProxy):
        super().__init__(payload)
        self.proxy = proxy
        self.armed = False

    def read(self, size=-1):
        if not self.armed:
            self.armed = True
            self.proxy.cut_after(len(self.getbuffer()) // 2)
        return super().read(size)


@pytest.fixture
def s3_behind_proxy(s3_endpoint, db):
    """(S3 client straight to the server, bucket, proxy, backend whose S3 storage goes through the proxy)."""
    bucket = f"test-{uuid.uuid4().hex[:12]}"
    direct = boto3.client("s3", endpoint_url=s3_endpoint, **CREDENTIALS)
    direct.create_bucket(Bucket=bucket)
    proxy = TcpProxy(urlsplit(s3_endpoint).port)
    storage = S3Storage(
        bucket_name=bucket,
        endpoint_url=proxy.endpoint,
        access_key=CREDENTIALS["aws_access_key_id"],
        secret_key=CREDENTIALS["aws_secret_access_key"],
        region_name=CREDENTIALS["region_name"],
        location="zgw",
        file_overwrite=False,
        client_config=Config(connect_timeout=2, read_timeout=5, retries={"max_attempts": 2, "mode": "standard"}),
    )
    yield direct, bucket, proxy, DatabaseBackend(ContentStore(storage))
    proxy.close()


@pytest.mark.parametrize("size", [256 * 1024, MULTIPART_THRESHOLD + 4 * 1024 * 1024], ids=["put", "multipart"])
def test_s3_stopped_mid_upload_is_unavailable_and_leaves_nothing_for_good(s3_behind_proxy, size):
    direct, bucket, proxy, backend = s3_behind_proxy
    with pytest.raises(BackendUnavailable):
        backend.document_create(data=document_data(), content=ContentIn(stream=CuttingStream(b"x" * size, proxy)))
    assert not StoredDocument.objects.exists()
    assert not StoredVersion.objects.exists()

    proxy.restore()
    assert direct.list_objects_v2(Bucket=bucket)["KeyCount"] == 0
    # A multipart upload the server had started cannot be aborted while the server is gone; it is not
    # an object (nothing lists or serves it) and the sweep aborts it once the server is back.
    pending = direct.list_multipart_uploads(Bucket=bucket).get("Uploads", [])
    assert len(pending) == (1 if size > MULTIPART_THRESHOLD else 0)
    report = backend.sweep(older_than=timedelta(0), remove=True)
    assert len(report.removed) == len(pending)
    assert direct.list_objects_v2(Bucket=bucket)["KeyCount"] == 0
    assert not direct.list_multipart_uploads(Bucket=bucket).get("Uploads")


def test_content_written_after_s3_is_back(s3_behind_proxy):
    direct, bucket, proxy, backend = s3_behind_proxy
    proxy.cut()
    with pytest.raises(BackendUnavailable):
        backend.document_create(data=document_data(), content=content(b"while down"))
    proxy.restore()
    document = backend.document_create(data=document_data(), content=content(b"when back"))
    assert b"".join(backend.content_open(document.uuid).chunks) == b"when back"
    assert direct.list_objects_v2(Bucket=bucket)["KeyCount"] == 1


# -- S3 client settings ---------------------------------------------------------------------------

CLIENT_CONFIG = (
    "import json, django; django.setup(); from django.core.files.storage import storages; "
    "config = storages['documents'].client_config; "
    "print(json.dumps([config.connect_timeout, config.read_timeout, config.retries]))"
)


def s3_client_config(**variables) -> list:
    """The botocore config of the `documents` storage that settings.py builds from these variables."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "openzaak_cmis.settings", "DOCUMENT_STORAGE": "s3",
           "S3_BUCKET": "documenten", **variables}
    for name in ("S3_CONNECT_TIMEOUT", "S3_READ_TIMEOUT", "S3_MAX_ATTEMPTS"):
        if name not in variables:
            env.pop(name, None)
    result = subprocess.run([sys.executable, "-c", CLIENT_CONFIG], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_s3_client_timeouts_and_retries_have_defaults():
    assert s3_client_config() == [5.0, 30.0, {"max_attempts": 3, "mode": "standard"}]


def test_s3_client_timeouts_and_retries_come_from_the_environment():
    assert s3_client_config(S3_CONNECT_TIMEOUT="1.5", S3_READ_TIMEOUT="12", S3_MAX_ATTEMPTS="1") == [
        1.5, 12.0, {"max_attempts": 1, "mode": "standard"}
    ]


# -- the database refuses to commit ---------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_create_whose_commit_fails_keeps_no_rows_and_no_content(backend, store):
    with commit_refused(), pytest.raises(DatabaseError):
        backend.document_create(data=document_data(titel=REFUSED_TITEL), content=content(b"never committed"))
    assert not StoredDocument.objects.exists()
    assert not StoredVersion.objects.exists()
    assert stored_keys(store) == set()


@pytest.mark.django_db(transaction=True)
def test_update_whose_commit_fails_keeps_the_previous_version_only(backend, store):
    document = backend.document_create(data=document_data(), content=content(b"version 1"))
    lock = backend.document_lock(document.uuid)
    before = stored_keys(store)
    with commit_refused(), pytest.raises(DatabaseError):
        backend.document_update(
            document.uuid, data=document_data(titel=REFUSED_TITEL), content=content(b"version 2"), lock=lock
        )
    assert backend.document_versions(document.uuid) == (backend.document_get(document.uuid),)
    assert backend.document_get(document.uuid).versie == 1
    assert b"".join(backend.content_open(document.uuid).chunks) == b"version 1"
    assert stored_keys(store) == before
