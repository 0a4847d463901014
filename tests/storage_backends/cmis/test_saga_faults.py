"""CMIS backend writes cut off at every saga step (CMIS.md §3.6), and the one reconciler run that repairs them.

Each write is: intent committed → repository write → index commit. The
repository refusing (HTTP 500) changes nothing; a dropped connection, before
or after the repository did the write, or a database COMMIT failing after
it, ends in an error and leaves what one full reconciler run puts right:
no object the index does not know, no version the index misses.
"""
import io
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from django.db import connection

from storage_backends.base import BackendFailed, BackendUnavailable, ContentIn, GebruiksrechtQuery, NotFound
from storage_backends.cmis import mapping
from storage_backends.cmis.client import quote
from storage_backends.cmis.models import Intent, RepositoryObject
from storage_backends.cmis.reconciler import Reconciler
from storage_backends.database.models import StoredDocument, StoredGebruiksrecht
from tests.storage_backends.conftest import document_data

pytestmark = pytest.mark.parametrize("store", ["cmis"], indirect=True)

# How the repository answers the faulted request: refuses it, or the connection drops before or after the write.
REFUSED = {"status": 500}
DROPPED_BEFORE = {"drop": True}
DROPPED_AFTER = {"drop": True, "after": True}
CUT_OFF = pytest.mark.parametrize("cut", [DROPPED_BEFORE, DROPPED_AFTER], ids=["dropped-before", "dropped-after"])
FAILING = pytest.mark.parametrize(
    "cut", [REFUSED, DROPPED_BEFORE, DROPPED_AFTER], ids=["refused", "dropped-before", "dropped-after"]
)
RECHT_START = datetime(2024, 1, 1, tzinfo=UTC)


@pytest.fixture
def gateway(backend):
    return backend.gateway


def content(payload: bytes) -> ContentIn:
    return ContentIn(stream=io.BytesIO(payload), size=len(payload))


def read(backend, uuid: UUID, **kwargs) -> bytes:
    return b"".join(backend.content_open(uuid, **kwargs).chunks)


def reconcile(gateway) -> None:
    Reconciler(gateway, grace=timedelta(0)).run(full=True)


def in_repository(gateway, type_id: str = mapping.DOCUMENT) -> list[tuple[UUID, str]]:
    """(uuid, cmis:versionLabel) of every object of this type under the test's base folder, working copies included."""
    uuid_property = mapping.PROPERTIES[type_id][0].id
    label = ", cmis:versionLabel" if type_id == mapping.DOCUMENT else ""
    statement = (
        f"SELECT cmis:objectId{label}, {uuid_property} FROM {mapping.query_name(type_id)} "
        f"WHERE IN_TREE({quote(gateway.folder(''))})"
    )
    return sorted(
        (UUID(found.properties[uuid_property]), found.properties.get("cmis:versionLabel") or "")
        for found in gateway.query(statement, max_items=1000).objects
    )


def assert_index_agrees(gateway) -> None:
    """Index and repository hold the same documents and gebruiksrechten, with no write left in flight.

    Only a create cut off before the repository answered may stay pending: nothing
    carries its uuid, and the reconciler looks for it again (the query index may lag).
    """
    documents = in_repository(gateway)
    assert [label for _, label in documents if label == "pwc"] == []
    assert {uuid for uuid, _ in documents} == set(StoredDocument.objects.values_list("uuid", flat=True))
    rechten = {uuid for uuid, _ in in_repository(gateway, mapping.GEBRUIKSRECHT)}
    assert rechten == set(StoredGebruiksrecht.objects.values_list("uuid", flat=True))
    for intent in Intent.objects.filter(state=Intent.PENDING):
        assert intent.operation.endswith("_create") and not intent.object_id, intent
        assert intent.uuid not in {uuid for uuid, _ in documents} | rechten


@pytest.fixture
def commit_refused():
    """A context in which every transaction writing the repository map fails at COMMIT (after all its statements).

    The CMIS backend maps (or unmaps) a repository object in the index
    transaction of every write, so this is the database failing right after
    a repository write. Needs `django_db(transaction=True)`.
    """
    table = connection.ops.quote_name(RepositoryObject._meta.db_table)

    class Refused:
        def __enter__(self):
            with connection.cursor() as cursor:
                cursor.execute(
                    "CREATE FUNCTION test_refuse_map() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    "RAISE EXCEPTION 'commit refused (test)'; END $$"
                )
                cursor.execute(
                    f"CREATE CONSTRAINT TRIGGER test_refuse_map AFTER INSERT OR UPDATE OR DELETE ON {table} "
                    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_map()"
                )

        def __exit__(self, *exc_info):
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TRIGGER IF EXISTS test_refuse_map ON {table}")
                cursor.execute("DROP FUNCTION IF EXISTS test_refuse_map()")

    return Refused()


# -- document create ------------------------------------------------------------------------------


def test_create_refused_by_the_repository_leaves_nothing(backend, gateway, repository):
    repository.fault("createDocument", **REFUSED)
    with pytest.raises(BackendUnavailable):
        backend.document_create(data=document_data(), content=content(b"inhoud"))
    assert not StoredDocument.objects.exists()
    assert in_repository(gateway) == []
    assert Intent.objects.get().state == Intent.FAILED


def test_create_refused_as_not_allowed_is_a_failure_not_an_outage(backend, gateway, repository):
    repository.fault("createDocument", status=403, exception="permissionDenied")
    with pytest.raises(BackendFailed):
        backend.document_create(data=document_data(), content=content(b"inhoud"))
    assert in_repository(gateway) == []
    assert_index_agrees(gateway)


@CUT_OFF
def test_create_cut_off_leaves_no_orphan_after_one_run(backend, gateway, repository, cut):
    repository.fault("createDocument", **cut)
    with pytest.raises(BackendUnavailable):
        backend.document_create(data=document_data(), content=content(b"inhoud"))
    assert len(in_repository(gateway)) == (1 if cut["drop"] and cut.get("after") else 0)
    reconcile(gateway)
    assert in_repository(gateway) == []
    assert_index_agrees(gateway)


@pytest.mark.django_db(transaction=True)
def test_create_whose_commit_fails_deletes_the_object_again(backend, gateway, commit_refused):
    with commit_refused, pytest.raises(BackendUnavailable):
        backend.document_create(data=document_data(), content=content(b"inhoud"))
    assert in_repository(gateway) == []
    assert not StoredDocument.objects.exists()
    reconcile(gateway)
    assert_index_agrees(gateway)


@pytest.mark.django_db(transaction=True)
def test_create_whose_commit_and_compensation_fail_leaves_no_orphan_after_one_run(
    backend, gateway, repository, commit_refused
):
    repository.fault("delete", **REFUSED)
    with commit_refused, pytest.raises(BackendUnavailable):
        backend.document_create(data=document_data(), content=content(b"inhoud"))
    assert len(in_repository(gateway)) == 1
    assert Intent.objects.get().state == Intent.PENDING
    reconcile(gateway)
    assert in_repository(gateway) == []
    assert_index_agrees(gateway)


# -- document update (a new version) --------------------------------------------------------------


@pytest.fixture
def locked(backend):
    """A document (versie 1, content "versie 1") and its lock."""
    document = backend.document_create(data=document_data(), content=content(b"versie 1"))
    return document, backend.document_lock(document.uuid)


def update(backend, locked) -> None:
    document, lock = locked
    backend.document_update(document.uuid, data=document_data(titel="Tweede"), content=content(b"versie 2"), lock=lock)


def assert_versions(backend, uuid: UUID, *expected: tuple[str, bytes]) -> None:
    """The API versions 1, 2, … of the document with these titels and contents."""
    versions = backend.document_versions(uuid)
    assert [(v.versie, v.titel) for v in versions] == [(i, titel) for i, (titel, _) in enumerate(expected, 1)]
    assert [read(backend, uuid, versie=v.versie) for v in versions] == [payload for _, payload in expected]
    assert backend.document_get(uuid).versie == len(expected)


@pytest.mark.parametrize("action", ["checkOut", "checkIn"])
def test_update_refused_by_the_repository_keeps_the_version(backend, gateway, repository, locked, action):
    repository.fault(action, **REFUSED)
    with pytest.raises(BackendUnavailable):
        update(backend, locked)
    assert_versions(backend, locked[0].uuid, ("Aanvraag", b"versie 1"))
    assert [label for _, label in in_repository(gateway)] == ["1.0"]  # no working copy left
    assert not Intent.objects.filter(state=Intent.PENDING).exists()
    update(backend, locked)  # the lock still holds: the client can try again
    assert_versions(backend, locked[0].uuid, ("Aanvraag", b"versie 1"), ("Tweede", b"versie 2"))


@pytest.mark.parametrize(
    "action, cut, written",
    [
        ("checkOut", DROPPED_BEFORE, False),
        ("checkOut", DROPPED_AFTER, False),
        ("checkIn", DROPPED_BEFORE, False),
        ("checkIn", DROPPED_AFTER, True),
    ],
    ids=["checkOut-dropped-before", "checkOut-dropped-after", "checkIn-dropped-before", "checkIn-dropped-after"],
)
def test_update_cut_off_loses_no_version_after_one_run(backend, gateway, repository, locked, action, cut, written):
    repository.fault(action, **cut)
    with pytest.raises(BackendUnavailable):
        update(backend, locked)
    reconcile(gateway)
    expected = [("Aanvraag", b"versie 1"), *([("Tweede", b"versie 2")] if written else [])]
    assert_versions(backend, locked[0].uuid, *expected)
    assert_index_agrees(gateway)
    update(backend, locked)  # no working copy in the way of the next update
    assert backend.document_get(locked[0].uuid).versie == len(expected) + 1


@pytest.mark.django_db(transaction=True)
def test_update_whose_commit_fails_is_rolled_forward_by_one_run(backend, gateway, locked, commit_refused):
    with commit_refused, pytest.raises(BackendUnavailable):
        update(backend, locked)
    assert_versions(backend, locked[0].uuid, ("Aanvraag", b"versie 1"))
    reconcile(gateway)
    assert_versions(backend, locked[0].uuid, ("Aanvraag", b"versie 1"), ("Tweede", b"versie 2"))
    assert_index_agrees(gateway)


# -- unlock of an upload in parts -----------------------------------------------------------------

PAYLOAD = b"0123456789" * 500  # two parts of 4096 and 904 bytes


@pytest.fixture
def uploaded(backend):
    """A document whose content was uploaded in parts, all of them, but not yet unlocked: (document, lock)."""
    document = backend.document_create(data=document_data(bestandsomvang=len(PAYLOAD)), content=None, parts_of=4096)
    for part in document.parts:
        start = (part.volgnummer - 1) * 4096
        backend.part_put(part.uuid, content=content(PAYLOAD[start : start + part.omvang]), lock=document.lock)
    return document, document.lock


def test_unlock_refused_by_the_repository_keeps_the_upload(backend, gateway, repository, uploaded):
    document, lock = uploaded
    repository.fault("checkIn", **REFUSED)
    with pytest.raises(BackendUnavailable):
        backend.document_unlock(document.uuid, lock=lock)
    stored = backend.document_get(document.uuid)
    assert (stored.locked, stored.has_content, [p.voltooid for p in stored.parts]) == (True, False, [True, True])
    assert [label for _, label in in_repository(gateway)] == ["1.0"]
    assert not Intent.objects.filter(state=Intent.PENDING).exists()
    backend.document_unlock(document.uuid, lock=lock)  # the parts are still there to join
    assert read(backend, document.uuid) == PAYLOAD


@CUT_OFF
def test_unlock_cut_off_loses_no_content_after_one_run(backend, gateway, repository, uploaded, cut):
    document, lock = uploaded
    repository.fault("checkIn", **cut)
    with pytest.raises(BackendUnavailable):
        backend.document_unlock(document.uuid, lock=lock)
    reconcile(gateway)
    assert_index_agrees(gateway)
    if cut.get("after"):  # the joined content is that of versie 1
        assert [v.versie for v in backend.document_versions(document.uuid)] == [1]
        assert read(backend, document.uuid) == PAYLOAD
    else:
        assert not backend.document_get(document.uuid).has_content
        backend.document_unlock(document.uuid, lock=lock)
        assert read(backend, document.uuid) == PAYLOAD


@pytest.mark.django_db(transaction=True)
def test_unlock_whose_commit_fails_is_rolled_forward_by_one_run(backend, gateway, uploaded, commit_refused):
    document, lock = uploaded
    with commit_refused, pytest.raises(BackendUnavailable):
        backend.document_unlock(document.uuid, lock=lock)
    reconcile(gateway)
    assert [v.versie for v in backend.document_versions(document.uuid)] == [1]
    assert read(backend, document.uuid) == PAYLOAD
    assert_index_agrees(gateway)


# -- document destroy -----------------------------------------------------------------------------


@pytest.fixture
def stored(backend):
    return backend.document_create(data=document_data(), content=content(b"inhoud"))


def test_destroy_refused_by_the_repository_keeps_the_document(backend, gateway, repository, stored):
    repository.fault("delete", **REFUSED)
    with pytest.raises(BackendUnavailable):
        backend.document_destroy(stored.uuid)
    assert read(backend, stored.uuid) == b"inhoud"
    assert in_repository(gateway) == [(stored.uuid, "1.0")]
    assert not Intent.objects.filter(state=Intent.PENDING).exists()


@CUT_OFF
def test_destroy_cut_off_agrees_after_one_run(backend, gateway, repository, stored, cut):
    repository.fault("delete", **cut)
    with pytest.raises(BackendUnavailable):
        backend.document_destroy(stored.uuid)
    reconcile(gateway)
    assert_index_agrees(gateway)
    if cut.get("after"):
        with pytest.raises(NotFound):
            backend.document_get(stored.uuid)
    else:
        assert read(backend, stored.uuid) == b"inhoud"


@pytest.mark.django_db(transaction=True)
def test_destroy_whose_commit_fails_is_finished_by_one_run(backend, gateway, stored, commit_refused):
    backend.gebruiksrecht_create(
        informatieobject=stored.uuid, startdatum=RECHT_START, einddatum=None, omschrijving_voorwaarden="geen"
    )
    with commit_refused, pytest.raises(BackendUnavailable):
        backend.document_destroy(stored.uuid)
    assert in_repository(gateway) == []
    reconcile(gateway)
    with pytest.raises(NotFound):
        backend.document_get(stored.uuid)
    assert not StoredGebruiksrecht.objects.exists()
    assert_index_agrees(gateway)


# -- a relation: gebruiksrecht create and destroy -------------------------------------------------


def recht_create(backend, document):
    return backend.gebruiksrecht_create(
        informatieobject=document.uuid, startdatum=RECHT_START, einddatum=None, omschrijving_voorwaarden="geen"
    )


def rechten(backend, document) -> list[UUID]:
    return [recht.uuid for recht in backend.gebruiksrecht_list(GebruiksrechtQuery(informatieobject=document.uuid))]


@FAILING
def test_gebruiksrecht_create_failing_leaves_none_after_one_run(backend, gateway, repository, stored, cut):
    repository.fault("createItem", **cut)
    with pytest.raises(BackendUnavailable):
        recht_create(backend, stored)
    assert rechten(backend, stored) == []
    if cut is REFUSED:
        assert in_repository(gateway, mapping.GEBRUIKSRECHT) == []
        assert not Intent.objects.filter(state=Intent.PENDING).exists()
    reconcile(gateway)
    assert in_repository(gateway, mapping.GEBRUIKSRECHT) == []
    assert rechten(backend, stored) == []
    assert backend.document_get(stored.uuid).indicatie_gebruiksrecht is None
    assert_index_agrees(gateway)


@pytest.mark.django_db(transaction=True)
def test_gebruiksrecht_create_whose_commit_fails_deletes_the_item_again(backend, gateway, stored, commit_refused):
    with commit_refused, pytest.raises(BackendUnavailable):
        recht_create(backend, stored)
    assert in_repository(gateway, mapping.GEBRUIKSRECHT) == []
    reconcile(gateway)
    assert rechten(backend, stored) == []
    assert_index_agrees(gateway)


@FAILING
def test_gebruiksrecht_destroy_failing_agrees_after_one_run(backend, gateway, repository, stored, cut):
    recht = recht_create(backend, stored)
    repository.fault("delete", **cut)
    with pytest.raises(BackendUnavailable):
        backend.gebruiksrecht_destroy(recht.uuid)
    reconcile(gateway)
    assert_index_agrees(gateway)
    gone = cut.get("after", False)
    assert rechten(backend, stored) == ([] if gone else [recht.uuid])
    assert backend.document_get(stored.uuid).indicatie_gebruiksrecht is (None if gone else True)


@pytest.mark.django_db(transaction=True)
def test_gebruiksrecht_destroy_whose_commit_fails_is_finished_by_one_run(backend, gateway, stored, commit_refused):
    recht = recht_create(backend, stored)
    with commit_refused, pytest.raises(BackendUnavailable):
        backend.gebruiksrecht_destroy(recht.uuid)
    reconcile(gateway)
    assert rechten(backend, stored) == []
    assert backend.document_get(stored.uuid).indicatie_gebruiksrecht is None
    assert_index_agrees(gateway)

