"""Concurrent writes to one document on the CMIS backend are serialised: each gets its own version."""
import io
import threading

import pytest
from django.db import connection

from storage_backends.base import ContentIn
from tests.storage_backends.conftest import document_data


@pytest.mark.parametrize("store", ["cmis"], indirect=True)
@pytest.mark.django_db(transaction=True)
def test_parallel_updates_with_the_same_lock_each_make_a_version(backend):
    document = backend.document_create(data=document_data(), content=ContentIn(stream=io.BytesIO(b"v1")))
    lock = backend.document_lock(document.uuid)
    errors, start = [], threading.Barrier(3)

    def update(titel: str) -> None:
        try:
            start.wait()
            backend.document_update(
                document.uuid, data=document_data(titel=titel), content=ContentIn(stream=io.BytesIO(titel.encode())),
                lock=lock,
            )
        except Exception as exc:  # reported below: the assertion names it
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=update, args=(f"titel {n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    versions = backend.document_versions(document.uuid)
    assert [version.versie for version in versions] == [1, 2, 3, 4]
    assert {version.titel for version in versions[1:]} == {"titel 0", "titel 1", "titel 2"}
