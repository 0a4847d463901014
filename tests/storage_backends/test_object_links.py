"""Object links (OBJECTINFORMATIEOBJECT) on every backend: unique per object and document, block deletion."""
import uuid

import pytest

from storage_backends.base import Conflict, NotFound

ZAAK = "https://zaken.example.nl/zaken/api/v1/zaken/1"
BESLUIT = "https://besluiten.example.nl/besluiten/api/v1/besluiten/1"


def test_link_is_unique_per_object_and_document(backend, document):
    link = backend.link_create(informatieobject=document.uuid, object=ZAAK, object_type="zaak")
    assert backend.link_get(link.uuid) == link
    with pytest.raises(Conflict) as raised:
        backend.link_create(informatieobject=document.uuid, object=ZAAK, object_type="zaak")
    assert raised.value.code == "unique"
    backend.link_create(informatieobject=document.uuid, object=BESLUIT, object_type="besluit")
    assert [item.object for item in backend.link_list(informatieobject=document.uuid)] == [ZAAK, BESLUIT]
    assert [item.uuid for item in backend.link_list(object=ZAAK)] == [link.uuid]


def test_linked_document_cannot_be_destroyed(backend, document):
    link = backend.link_create(informatieobject=document.uuid, object=ZAAK, object_type="zaak")
    with pytest.raises(Conflict) as raised:
        backend.document_destroy(document.uuid)
    assert raised.value.code == "pending-relations"
    backend.link_destroy(link.uuid)
    backend.document_destroy(document.uuid)
    with pytest.raises(NotFound):
        backend.link_get(link.uuid)


def test_link_to_unknown_document(backend):
    with pytest.raises(NotFound):
        backend.link_create(informatieobject=uuid.uuid4(), object=ZAAK, object_type="zaak")
    with pytest.raises(NotFound):
        backend.link_destroy(uuid.uuid4())
