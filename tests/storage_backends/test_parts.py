"""Bestandsdelen on every backend: content of a known size uploaded in parts, joined at the unlock."""
import io
import uuid

import pytest

from storage_backends.base import BackendError, ContentIn, LockError, NotFound
from storage_backends.cmis.backend import CmisBackend
from tests.storage_backends.conftest import document_data
from tests.storage_backends.test_documents import content, read, stored_keys


def contents_kept(backend) -> int:
    """Content left in the store after an upload: the joined content, or none where the repository keeps it."""
    return 0 if isinstance(backend, CmisBackend) else 1

PAYLOAD = bytes(range(256)) * 40 + b"tail"  # 10244 bytes: three parts of 4096, 4096 and 2052


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs the after-commit work (removing replaced content) of what happens inside it."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def upload(backend):
    """A document created for an upload of PAYLOAD in parts of 4096 bytes."""
    return backend.document_create(data=document_data(bestandsomvang=len(PAYLOAD)), content=None, parts_of=4096)


def put_all(backend, document, *, lock=None):
    for part in document.parts:
        start = (part.volgnummer - 1) * 4096
        backend.part_put(part.uuid, content=content(PAYLOAD[start : start + part.omvang]), lock=lock or document.lock)


def test_create_in_parts_locks_the_document_and_plans_the_parts(backend, upload):
    assert upload.locked and upload.lock
    assert [(p.volgnummer, p.omvang, p.voltooid) for p in upload.parts] == [(1, 4096, False), (2, 4096, False), (3, 2052, False)]
    assert not upload.has_content
    assert backend.document_get(upload.uuid).parts == upload.parts
    assert backend.document_get(upload.uuid).lock == ""  # only the creator is told the lock


def test_parts_joined_in_order_at_unlock_into_the_same_version(backend, upload, store, committed):
    for part in reversed(upload.parts):  # upload order does not matter, volgnummer does
        start = (part.volgnummer - 1) * 4096
        done = backend.part_put(part.uuid, content=content(PAYLOAD[start : start + part.omvang]), lock=upload.lock)
        assert done.voltooid
    with committed(execute=True):
        backend.document_unlock(upload.uuid, lock=upload.lock)

    document = backend.document_get(upload.uuid)
    assert (document.versie, document.locked, document.has_content, document.parts) == (1, False, True, ())
    assert read(backend, upload.uuid) == PAYLOAD
    assert read(backend, upload.uuid, byte_range=(4090, 4100)) == PAYLOAD[4090:4101]
    assert len(stored_keys(store)) == contents_kept(backend)  # the staged parts are gone


def test_unlock_refuses_an_incomplete_upload(backend, upload):
    backend.part_put(upload.parts[0].uuid, content=content(PAYLOAD[:4096]), lock=upload.lock)
    with pytest.raises(BackendError) as error:
        backend.document_unlock(upload.uuid, lock=upload.lock)
    assert error.value.code == "incomplete-upload"
    document = backend.document_get(upload.uuid)
    assert document.locked and [p.voltooid for p in document.parts] == [True, False, False]
    with pytest.raises(BackendError):  # whoever holds the lock is the uploader, forced or not
        backend.document_unlock(upload.uuid, lock=upload.lock, force=True)


def test_forced_unlock_abandons_an_incomplete_upload(backend, upload, store, committed):
    backend.part_put(upload.parts[0].uuid, content=content(PAYLOAD[:4096]), lock=upload.lock)
    with committed(execute=True):
        backend.document_unlock(upload.uuid, lock="", force=True)
    document = backend.document_get(upload.uuid)
    assert (document.locked, document.has_content, document.parts) == (False, False, ())
    assert stored_keys(store) == set()


@pytest.mark.parametrize("size", [4095, 4097, 0])
def test_a_part_of_the_wrong_size_is_refused_and_not_kept(backend, upload, store, size):
    with pytest.raises(BackendError) as error:
        backend.part_put(upload.parts[0].uuid, content=content(b"x" * size), lock=upload.lock)
    assert error.value.code == "file-size"
    # a stream that does not say its size is measured while it is stored
    with pytest.raises(BackendError):
        backend.part_put(upload.parts[0].uuid, content=ContentIn(stream=io.BytesIO(b"x" * size)), lock=upload.lock)
    assert not backend.part_get(upload.parts[0].uuid).voltooid
    assert stored_keys(store) == set()


@pytest.mark.parametrize("lock", ["", "wrong"])
def test_a_part_needs_the_lock(backend, upload, store, lock):
    with pytest.raises(LockError):
        backend.part_put(upload.parts[0].uuid, content=content(PAYLOAD[:4096]), lock=lock)
    assert stored_keys(store) == set()


def test_a_part_uploaded_again_replaces_the_first(backend, upload, store, committed):
    backend.part_put(upload.parts[2].uuid, content=content(b"y" * 2052), lock=upload.lock)
    with committed(execute=True):
        put_all(backend, upload)
        backend.document_unlock(upload.uuid, lock=upload.lock)
    assert read(backend, upload.uuid) == PAYLOAD
    assert len(stored_keys(store)) == contents_kept(backend)


def test_update_with_a_new_size_starts_a_new_upload_for_the_new_version(backend, document, store):
    lock = backend.document_lock(document.uuid)
    updated = backend.document_update(
        document.uuid, data=document_data(bestandsomvang=5000), content=None, lock=lock, parts_of=4096
    )
    assert updated.versie == 2 and [p.omvang for p in updated.parts] == [4096, 904] and updated.lock == lock
    for part in updated.parts:
        backend.part_put(part.uuid, content=content(b"z" * part.omvang), lock=lock)
    backend.document_unlock(document.uuid, lock=lock)
    assert read(backend, document.uuid) == b"z" * 5000
    assert not backend.document_get(document.uuid, versie=1).has_content


def test_new_content_discards_an_upload_in_progress(backend, upload, store, committed):
    backend.part_put(upload.parts[0].uuid, content=content(PAYLOAD[:4096]), lock=upload.lock)
    with committed(execute=True):
        backend.document_update(upload.uuid, data=document_data(), content=content(b"whole"), lock=upload.lock)
    assert backend.document_get(upload.uuid).parts == ()
    with pytest.raises(NotFound):
        backend.part_get(upload.parts[0].uuid)
    backend.document_unlock(upload.uuid, lock=upload.lock)
    assert read(backend, upload.uuid) == b"whole"
    assert len(stored_keys(store)) == contents_kept(backend)


def test_unknown_part(backend):
    with pytest.raises(NotFound):
        backend.part_get(uuid.uuid4())
