"""The reconciler takes over what DMS users change in the repository, through the unmodified cmislib client.

Documents and gebruiksrechten are made through the CMIS backend; a "DMS
user" then edits, checks in, deletes or adds in the repository directly, and
one reconciler run makes the change visible through the backend.
"""
import io
import time
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
import requests

from storage_backends.base import GebruiksrechtQuery, NotFound
from storage_backends.cmis import mapping, reconciler
from storage_backends.cmis.client import quote
from storage_backends.cmis.models import RepositoryObject
from storage_backends.cmis.reconciler import Reconciler
from tests.cmis_server.conftest import AUTH
from tests.storage_backends.cmis.test_saga_faults import content, read
from tests.storage_backends.conftest import document_data

pytestmark = pytest.mark.parametrize("store", ["cmis"], indirect=True)

RECHT_START = datetime(2024, 1, 1, tzinfo=UTC)


@pytest.fixture
def run(backend):
    """One reconciler pass over the backend's repository (full or incremental), returning its report."""
    return lambda full=False: Reconciler(backend.gateway, grace=timedelta(0)).run(full=full)


@pytest.fixture
def stored(backend):
    return backend.document_create(data=document_data(), content=content(b"versie 1"))


def found_by_dms(dms, uuid: UUID):
    """The current version of a document, as a DMS user finds it: by a query on drc:uuid."""
    results = dms.query(f"SELECT cmis:objectId FROM drc:document WHERE drc:uuid = {quote(str(uuid))}")
    [result] = list(results)
    return dms.getObject(result.id)


@pytest.mark.parametrize("auto_version", [True, False], ids=["auto-versioned", "in-place"])
def test_property_edited_in_the_dms_appears_after_one_run(backend, dms, run, repository, stored, auto_version):
    repository.settings(autoVersionOnUpdateProps=auto_version)
    found_by_dms(dms, stored.uuid).updateProperties({"drc:titel": "Door de DMS"})
    run()
    # Alfresco's auto-versioning makes a (minor) version: the API shows it as the next version.
    document = backend.document_get(stored.uuid)
    assert (document.versie, document.titel) == (2 if auto_version else 1, "Door de DMS")
    assert read(backend, stored.uuid) == b"versie 1"
    if auto_version:
        assert backend.document_get(stored.uuid, versie=1).titel == "Aanvraag"


def test_publication_flags_live_in_the_repository(backend, dms, run, repository):
    created = backend.document_create(data=document_data(tonen_aan_initiator=True), content=None)
    repository.settings(autoVersionOnUpdateProps=False)
    in_dms = found_by_dms(dms, created.uuid)
    assert in_dms.properties["drc:tonenAanInitiator"] is True
    in_dms.updateProperties({"drc:isGereedVoorPublicatie": "true", "drc:tonenAanInitiator": "false"})
    run()
    document = backend.document_get(created.uuid)
    assert (document.tonen_aan_initiator, document.is_gereed_voor_publicatie) == (False, True)


def test_version_checked_in_by_a_dms_user_is_the_next_api_version(backend, dms, run, stored):
    working_copy = found_by_dms(dms, stored.uuid).checkout()
    working_copy.checkin(
        "nieuwe inhoud", contentFile=io.BytesIO(b"door de DMS"), contentType="text/plain",
        properties={"drc:titel": "Herzien"},
    )
    run()
    assert [(v.versie, v.titel) for v in backend.document_versions(stored.uuid)] == [(1, "Aanvraag"), (2, "Herzien")]
    assert read(backend, stored.uuid) == b"door de DMS"
    assert read(backend, stored.uuid, versie=1) == b"versie 1"


def test_document_deleted_in_the_dms_leaves_the_index_on_a_full_run_only(backend, dms, run, stored):
    run(full=True)
    found_by_dms(dms, stored.uuid).delete()
    assert run().documents_removed == []
    assert backend.document_get(stored.uuid).versie == 1
    assert run(full=True).documents_removed == [str(stored.uuid)]
    with pytest.raises(NotFound):
        backend.document_get(stored.uuid)


def rechten(backend, document) -> list[UUID]:
    return [recht.uuid for recht in backend.gebruiksrecht_list(GebruiksrechtQuery(informatieobject=document.uuid))]


def test_gebruiksrecht_added_in_the_dms_appears_after_one_run(backend, dms, run, stored):
    # cmislib cannot create a cmis:item: the DMS user's createItem goes over the Browser Binding as it is.
    uuid = uuid4()
    properties = {
        "cmis:objectTypeId": mapping.GEBRUIKSRECHT, "cmis:name": str(uuid), "drcgr:uuid": str(uuid),
        "drcgr:informatieobject": str(stored.uuid), "drcgr:startdatum": "1704067200000",
        "drcgr:omschrijvingVoorwaarden": "alleen intern",
    }
    fields = {"cmisaction": "createItem", "objectId": backend.gateway.folder("")}
    for i, (name, value) in enumerate(properties.items()):
        fields |= {f"propertyId[{i}]": name, f"propertyValue[{i}]": value}
    response = requests.post(dms.getRootFolderUrl(), data=fields, auth=AUTH, timeout=10)
    assert response.status_code == 201, response.text

    assert run().items_indexed == [str(uuid)]
    recht = backend.gebruiksrecht_get(uuid)
    assert (recht.informatieobject, recht.startdatum, recht.omschrijving_voorwaarden) == (
        stored.uuid, RECHT_START, "alleen intern"
    )
    assert backend.document_get(stored.uuid).indicatie_gebruiksrecht is True


def test_gebruiksrecht_removed_in_the_dms_leaves_the_index_after_one_full_run(backend, dms, run, stored):
    recht = backend.gebruiksrecht_create(
        informatieobject=stored.uuid, startdatum=RECHT_START, einddatum=None, omschrijving_voorwaarden="geen"
    )
    dms.getObject(RepositoryObject.objects.get(uuid=recht.uuid).object_id).delete()
    assert run(full=True).items_removed == [str(recht.uuid)]
    assert rechten(backend, stored) == []
    assert backend.document_get(stored.uuid).indicatie_gebruiksrecht is None


def test_incremental_run_reads_only_what_changed_since_the_last_run(backend, dms, run, stored, monkeypatch):
    monkeypatch.setattr(reconciler, "OVERLAP", timedelta(0))
    untouched = backend.document_create(data=document_data(identificatie="DOC-2"), content=content(b"ander"))
    time.sleep(0.01)  # the repository's clock counts milliseconds
    assert run(full=True).documents_indexed == []  # written through the backend: indexed already
    found_by_dms(dms, stored.uuid).updateProperties({"drc:titel": "Door de DMS"})
    # Make the untouched document look out of date: only a run that reads it again would notice.
    RepositoryObject.objects.filter(uuid=untouched.uuid).update(last_modified=None)

    assert run().documents_indexed == [str(stored.uuid)]
    assert backend.document_get(stored.uuid).titel == "Door de DMS"
    assert run(full=True).documents_indexed == [str(untouched.uuid)]


def test_query_index_lag_never_makes_a_full_run_delete(backend, run, repository):
    repository.settings(indexLag=60)  # nothing written from here on is visible to queries
    document = backend.document_create(data=document_data(), content=content(b"nog niet gevonden"))
    recht = backend.gebruiksrecht_create(
        informatieobject=document.uuid, startdatum=RECHT_START, einddatum=None, omschrijving_voorwaarden="geen"
    )
    report = run(full=True)
    assert (report.documents_removed, report.items_removed) == ([], [])
    assert read(backend, document.uuid) == b"nog niet gevonden"
    assert rechten(backend, document) == [recht.uuid]
