"""The orphan sweep (DocumentBackend.sweep, storage_backends/database/sweeper.py), its command and its task."""
import io
import os
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from storage_backends import document_backend
from storage_backends.base import ContentIn
from storage_backends.database.content import ContentStore
from storage_backends.database.sweeper import content_sweep
from storage_backends.tasks import sweep_documents
from tests.storage_backends.conftest import document_data

WORKER_TASKS = (
    "from openzaak_cmis.celery import app; import django; django.setup(); "
    "app.loader.import_default_modules(); print(*app.tasks)"
)
NOW = timedelta(0)
HOUR = timedelta(hours=1)

# The database backend's own faults and sweep (the CMIS backend's are in tests/storage_backends/cmis).
pytestmark = pytest.mark.database_only


def content(payload: bytes) -> ContentIn:
    return ContentIn(stream=io.BytesIO(payload), size=len(payload))


def orphan(store) -> str:
    """Content stored as a write stores it, for a document whose metadata never committed."""
    key, _ = ContentStore(store).save(uuid.uuid4(), content(b"left behind"))
    return key


def read(backend, uuid, **kwargs) -> bytes:
    return b"".join(backend.content_open(uuid, **kwargs).chunks)


def test_old_orphan_is_reported_and_kept_without_remove(backend, store):
    backend.document_create(data=document_data(), content=content(b"kept"))
    key = orphan(store)
    report = backend.sweep(older_than=NOW, remove=False)
    assert report.found == (key,)
    assert report.removed == ()
    assert report.scanned == 2
    assert store.exists(key)


def test_remove_deletes_old_orphans_and_never_referenced_content(backend, store):
    document = backend.document_create(data=document_data(), content=content(b"first"))
    lock = backend.document_lock(document.uuid)
    backend.document_update(document.uuid, data=document_data(), content=content(b"second"), lock=lock)
    backend.document_update(document.uuid, data=document_data(titel="no new content"), content=None, lock=lock)
    key = orphan(store)
    report = backend.sweep(older_than=NOW, remove=True)
    assert report.found == report.removed == (key,)
    assert not store.exists(key)
    assert read(backend, document.uuid, versie=1) == b"first"
    assert read(backend, document.uuid, versie=2) == read(backend, document.uuid) == b"second"
    assert backend.sweep(older_than=NOW, remove=True).found == ()


def test_fresh_orphan_is_left_alone(backend, store):
    key = orphan(store)
    report = backend.sweep(older_than=HOUR, remove=True)
    assert report.found == report.removed == ()
    assert report.scanned == 0
    assert store.exists(key)


def test_uploaded_parts_are_referenced(backend, store):
    document = backend.document_create(data=document_data(bestandsomvang=4), content=None, parts_of=2)
    first = document.parts[0]
    backend.part_put(first.uuid, content=content(b"ab"), lock=document.lock)
    report = backend.sweep(older_than=NOW, remove=True)
    assert report.scanned == 1
    assert report.found == ()
    assert backend.part_get(first.uuid).voltooid


def test_keys_outside_the_content_layout_are_not_touched(backend, store):
    foreign = [
        store.save("documents/not-a-uuid/x", io.BytesIO(b"x")),
        store.save(f"documents/{uuid.uuid4()}/deeper/x", io.BytesIO(b"x")),
        store.save("elsewhere/x", io.BytesIO(b"x")),
    ]
    report = backend.sweep(older_than=NOW, remove=True)
    assert report.found == ()
    assert all(store.exists(name) for name in foreign)


def test_membership_is_checked_batch_by_batch(backend, store):
    referenced = [backend.document_create(
        data=document_data(identificatie=f"DOC-{n}"), content=content(b"doc")
    ) for n in range(3)]
    orphans = {orphan(store) for _ in range(3)}
    report = content_sweep(backend.content, older_than=NOW, remove=True, batch_size=2)
    assert report.scanned == 6
    assert set(report.found) == set(report.removed) == orphans
    assert all(read(backend, document.uuid) == b"doc" for document in referenced)


@pytest.mark.parametrize("store", ["database+s3"], indirect=True)
def test_incomplete_multipart_upload_is_reported_and_aborted(backend, store):
    name = f"documents/{uuid.uuid4()}/{uuid.uuid4().hex}"
    client = store.connection.meta.client
    client.create_multipart_upload(Bucket=store.bucket_name, Key=f"{store.location}/{name}")

    assert backend.sweep(older_than=NOW, remove=False).found == (f"{name} (incomplete upload)",)
    assert len(client.list_multipart_uploads(Bucket=store.bucket_name).get("Uploads", [])) == 1
    report = backend.sweep(older_than=NOW, remove=True)
    assert report.removed == (f"{name} (incomplete upload)",)
    assert not client.list_multipart_uploads(Bucket=store.bucket_name).get("Uploads")


# -- the command and the task ---------------------------------------------------------------------


@pytest.fixture
def configured(store, settings):
    """The `documents` storage setting pointing at the store under test, for document_backend()."""
    if hasattr(store, "bucket_name"):
        settings.DOCUMENT_STORAGE = "s3"
        settings.DOCUMENTS_S3_OPTIONS = {
            **settings.DOCUMENTS_S3_OPTIONS, "bucket_name": store.bucket_name, "endpoint_url": store.endpoint_url,
            "access_key": store.access_key, "secret_key": store.secret_key, "region_name": store.region_name,
            "location": store.location,
        }
    else:
        settings.DOCUMENT_STORAGE, settings.DOCUMENTS_DIR = "local", store.location
    document_backend.cache_clear()
    yield store
    document_backend.cache_clear()


def sweep_command(*args) -> list[str]:
    out = StringIO()
    call_command("sweep_documents", *args, stdout=out)
    return out.getvalue().splitlines()


def test_command_reports_without_removing(backend, configured):
    backend.document_create(data=document_data(), content=content(b"kept"))
    key = orphan(configured)
    assert sweep_command("--older-than", "0") == [
        f"orphan       {key}",
        "2 stored items older than 0 minutes scanned: 1 orphaned, 0 removed (run with --remove to delete them)",
    ]
    assert configured.exists(key)


def test_command_removes(backend, configured):
    key = orphan(configured)
    assert sweep_command("--remove", "--older-than", "0") == [
        f"removed      {key}",
        "1 stored items older than 0 minutes scanned: 1 orphaned, 1 removed",
    ]
    assert not configured.exists(key)


def test_command_spares_content_younger_than_an_hour_by_default(backend, configured):
    key = orphan(configured)
    assert sweep_command("--remove") == ["0 stored items older than 60 minutes scanned: 0 orphaned, 0 removed"]
    assert configured.exists(key)


def test_command_refuses_a_negative_age(db):
    with pytest.raises(CommandError, match="older-than"):
        sweep_command("--older-than", "-1")


@pytest.mark.parametrize("store", ["database+local"], indirect=True)
def test_periodic_task_removes_orphans_older_than_an_hour(backend, configured):
    old, fresh = orphan(configured), orphan(configured)
    two_hours_ago = time.time() - 2 * 3600
    os.utime(configured.path(old), (two_hours_ago, two_hours_ago))
    assert sweep_documents() == 1
    assert not configured.exists(old)
    assert configured.exists(fresh)


def test_periodic_task_is_scheduled_and_found_by_a_worker(settings):
    assert settings.CELERY_BEAT_SCHEDULE["sweep-orphaned-documents"]["task"] == sweep_documents.name
    # A fresh process, as a worker starts: the task must come from Celery's autodiscovery, not from this test's import.
    registered = subprocess.run(
        [sys.executable, "-c", WORKER_TASKS], capture_output=True, text=True, check=True, cwd=settings.BASE_DIR
    ).stdout.split()
    assert sweep_documents.name in registered
