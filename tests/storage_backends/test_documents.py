"""The document contract (storage_backends/base.py) on every backend: versions, content, locks, lists."""
import io
import uuid
from datetime import timedelta

import pytest
from botocore.config import Config
from storages.backends.s3 import S3Storage

from storage_backends.base import (
    BackendError,
    BackendUnavailable,
    Conflict,
    ContentIn,
    DocumentQuery,
    LockError,
    NotFound,
    Restriction,
)
from storage_backends.database.backend import DatabaseBackend
from storage_backends.database.content import ContentStore
from storage_backends.database.models import StoredDocument
from tests.storage_backends.conftest import CREDENTIALS, document_data, free_port

IOT = document_data().informatieobjecttype
OTHER_IOT = "https://catalogi.example.nl/catalogi/api/v1/informatieobjecttypen/2"


def content(payload: bytes) -> ContentIn:
    return ContentIn(stream=io.BytesIO(payload), size=len(payload))


def read(backend, uuid, **kwargs) -> bytes:
    return b"".join(backend.content_open(uuid, **kwargs).chunks)


def stored_keys(store) -> set[str]:
    """Every content key in the store, found by walking its directories."""
    keys, folders = set(), ["documents"]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = store.listdir(folder)
        except FileNotFoundError:
            continue
        folders += [f"{folder}/{name}" for name in subfolders]
        keys |= {f"{folder}/{name}" for name in files}
    return keys


def test_create_and_read_back(backend):
    created = backend.document_create(data=document_data(trefwoorden=("a", "b")), content=content(b"hello"))
    assert created.versie == 1 and created.has_content and not created.locked
    fetched = backend.document_get(created.uuid)
    assert fetched == created
    assert fetched.trefwoorden == ("a", "b")
    assert read(backend, created.uuid) == b"hello"


@pytest.mark.database_only
def test_identificatie_is_unique_per_bronorganisatie(backend, store):
    backend.document_create(data=document_data(), content=content(b"one"))
    with pytest.raises(Conflict) as raised:
        backend.document_create(data=document_data(), content=content(b"two"))
    assert raised.value.code == "identificatie-niet-uniek"
    assert len(stored_keys(store)) == 1  # the refused document's content was removed again
    backend.document_create(data=document_data(bronorganisatie="111111111"), content=None)


def test_every_update_is_a_new_version_and_needs_the_lock(backend):
    created = backend.document_create(data=document_data(), content=content(b"v1"))
    with pytest.raises(LockError) as unlocked:
        backend.document_update(created.uuid, data=document_data(titel="x"), content=None, lock="")
    assert unlocked.value.code == "unlocked"
    lock = backend.document_lock(created.uuid)
    with pytest.raises(LockError) as wrong:
        backend.document_update(created.uuid, data=document_data(titel="x"), content=None, lock="not-the-lock")
    assert wrong.value.code == "incorrect-lock-id"

    second = backend.document_update(created.uuid, data=document_data(titel="Tweede"), content=None, lock=lock)
    third = backend.document_update(created.uuid, data=document_data(titel="Derde"), content=content(b"v3"), lock=lock)
    assert (second.versie, third.versie) == (2, 3)
    assert backend.document_get(created.uuid).titel == "Derde"
    assert backend.document_get(created.uuid, versie=1).titel == "Aanvraag"
    assert [version.versie for version in backend.document_versions(created.uuid)] == [1, 2, 3]
    # Version 2 kept version 1's content; version 3 has its own.
    assert read(backend, created.uuid, versie=2) == b"v1"
    assert read(backend, created.uuid) == b"v3"


@pytest.mark.database_only
def test_unchanged_content_is_not_copied(backend, store):
    created = backend.document_create(data=document_data(), content=content(b"same"))
    lock = backend.document_lock(created.uuid)
    backend.document_update(created.uuid, data=document_data(titel="x"), content=None, lock=lock)
    assert len(stored_keys(store)) == 1


def test_publication_flags_default_for_a_client_without_them_and_are_kept_per_version(backend):
    created = backend.document_create(data=document_data(), content=None)
    assert (created.tonen_aan_initiator, created.is_gereed_voor_publicatie) == (False, None)
    lock = backend.document_lock(created.uuid)
    for gereed in (True, False):
        backend.document_update(
            created.uuid, data=document_data(tonen_aan_initiator=True, is_gereed_voor_publicatie=gereed),
            content=None, lock=lock,
        )
    versions = backend.document_versions(created.uuid)
    assert [(v.tonen_aan_initiator, v.is_gereed_voor_publicatie) for v in versions] == [
        (False, None), (True, True), (True, False)
    ]
    assert backend.document_get(created.uuid, versie=2).is_gereed_voor_publicatie is True


def test_registratie_op_picks_the_version_registered_then(backend):
    created = backend.document_create(data=document_data(), content=None)
    lock = backend.document_lock(created.uuid)
    second = backend.document_update(created.uuid, data=document_data(titel="Tweede"), content=None, lock=lock)
    assert backend.document_get(created.uuid, registratie_op=second.begin_registratie).versie == 2
    just_before = second.begin_registratie - timedelta(microseconds=1)
    assert backend.document_get(created.uuid, registratie_op=just_before).versie == 1
    with pytest.raises(NotFound):
        backend.document_get(created.uuid, registratie_op=created.begin_registratie - timedelta(days=1))


def test_byte_ranges(backend):
    created = backend.document_create(data=document_data(), content=content(b"0123456789"))
    part = backend.content_open(created.uuid, byte_range=(2, 5))
    assert b"".join(part.chunks) == b"2345"
    assert (part.start, part.end, part.size, part.length) == (2, 5, 10, 4)
    assert read(backend, created.uuid, byte_range=(7, None)) == b"789"
    with pytest.raises(BackendError) as raised:
        backend.content_open(created.uuid, byte_range=(10, None))
    assert raised.value.code == "invalid-range"


def test_empty_and_missing_content(backend):
    empty = backend.document_create(data=document_data(), content=content(b""))
    assert read(backend, empty.uuid) == b""
    without = backend.document_create(data=document_data(identificatie="DOC-2"), content=None)
    with pytest.raises(NotFound):
        backend.content_open(without.uuid)


def test_large_content_streams_in_chunks(backend):
    payload = bytes(range(256)) * 4096 * 3  # 3 MiB
    created = backend.document_create(data=document_data(), content=content(payload))
    chunks = list(backend.content_open(created.uuid).chunks)
    assert len(chunks) > 1
    assert b"".join(chunks) == payload


def test_lock_rules(backend):
    created = backend.document_create(data=document_data(), content=None)
    lock = backend.document_lock(created.uuid)
    assert backend.document_get(created.uuid).locked
    with pytest.raises(LockError) as again:
        backend.document_lock(created.uuid)
    assert again.value.code == "existing-lock"
    with pytest.raises(LockError):
        backend.document_unlock(created.uuid, lock="wrong")
    with pytest.raises(LockError):
        backend.document_destroy(created.uuid)
    backend.document_unlock(created.uuid, lock=lock)
    assert not backend.document_get(created.uuid).locked
    backend.document_lock(created.uuid)
    backend.document_unlock(created.uuid, lock="", force=True)
    assert not backend.document_get(created.uuid).locked


@pytest.mark.database_only
def test_destroy_removes_versions_and_content(backend, store, django_capture_on_commit_callbacks):
    created = backend.document_create(data=document_data(), content=content(b"v1"))
    lock = backend.document_lock(created.uuid)
    backend.document_update(created.uuid, data=document_data(), content=content(b"v2"), lock=lock)
    backend.document_unlock(created.uuid, lock=lock)
    with django_capture_on_commit_callbacks(execute=True):
        backend.document_destroy(created.uuid)
    with pytest.raises(NotFound):
        backend.document_get(created.uuid)
    assert stored_keys(store) == set()


@pytest.mark.database_only
def test_failed_metadata_step_leaves_no_content(backend, store):
    created = backend.document_create(data=document_data(), content=None)
    backend.document_create(data=document_data(identificatie="DOC-2"), content=None)
    lock = backend.document_lock(created.uuid)
    with pytest.raises(Conflict):
        # DOC-2 is taken: the new version is refused after its content was written.
        backend.document_update(created.uuid, data=document_data(identificatie="DOC-2"), content=content(b"x"), lock=lock)
    assert stored_keys(store) == set()
    assert backend.document_get(created.uuid).versie == 1


def test_list_latest_versions_with_filters_and_paging(backend):
    first = backend.document_create(data=document_data(trefwoorden=("bouw", "vergunning")), content=None)
    lock = backend.document_lock(first.uuid)
    backend.document_update(first.uuid, data=document_data(titel="nieuw", trefwoorden=("bouw", "vergunning")), content=None, lock=lock)
    second = backend.document_create(data=document_data(identificatie="DOC-2", trefwoorden=("bouw",)), content=None)
    everything = backend.document_list(DocumentQuery())
    assert everything.count == 2
    assert [(item.uuid, item.versie) for item in everything.items] == [(second.uuid, 1), (first.uuid, 2)]
    assert backend.document_list(DocumentQuery(trefwoorden=("vergunning",))).count == 1
    assert backend.document_list(DocumentQuery(identificatie="DOC-2")).items[0].uuid == second.uuid
    assert backend.document_list(DocumentQuery(uuids=(first.uuid,))).items[0].titel == "nieuw"
    paged = backend.document_list(DocumentQuery(page=2, page_size=1))
    assert (paged.count, [item.uuid for item in paged.items]) == (2, [first.uuid])


def test_restrictions_filter_by_type_and_vertrouwelijkheid(backend):
    backend.document_create(data=document_data(vertrouwelijkheidaanduiding="openbaar"), content=None)
    backend.document_create(data=document_data(identificatie="D2", vertrouwelijkheidaanduiding="geheim"), content=None)
    backend.document_create(data=document_data(identificatie="D3", informatieobjecttype=OTHER_IOT), content=None)

    def visible(*restrictions):
        return {item.identificatie for item in backend.document_list(DocumentQuery(restrictions=restrictions)).items}

    assert visible(Restriction(IOT, "intern")) == {"DOC-1"}
    assert visible(Restriction(IOT, "zeer_geheim")) == {"DOC-1", "D2"}
    assert visible(Restriction(IOT, "openbaar"), Restriction(OTHER_IOT, "openbaar")) == {"DOC-1", "D3"}
    assert visible() == set()


def test_unknown_document(backend):
    with pytest.raises(NotFound):
        backend.document_get(uuid.uuid4())
    with pytest.raises(NotFound):
        backend.document_lock(uuid.uuid4())


def test_unreachable_s3_store_is_unavailable_and_changes_nothing(db):
    unreachable = S3Storage(
        bucket_name="nowhere",
        endpoint_url=f"http://127.0.0.1:{free_port()}",
        access_key=CREDENTIALS["aws_access_key_id"],
        secret_key=CREDENTIALS["aws_secret_access_key"],
        region_name=CREDENTIALS["region_name"],
        client_config=Config(retries={"max_attempts": 1}, connect_timeout=2),
    )
    backend = DatabaseBackend(ContentStore(unreachable))
    with pytest.raises(BackendUnavailable):
        backend.document_create(data=document_data(), content=content(b"lost?"))
    assert not StoredDocument.objects.exists()


def test_capabilities_say_what_content_open_does(backend):
    created = backend.document_create(data=document_data(), content=content(b"0123456789"))
    if backend.capabilities().byte_ranges:
        assert backend.content_open(created.uuid, byte_range=(8, None)).length == 2
