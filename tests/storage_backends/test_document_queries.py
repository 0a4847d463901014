"""The Documenten 1.7 list filters of the document contract on every backend: object links and publication."""
from storage_backends.base import DocumentQuery, Restriction
from tests.storage_backends.conftest import document_data

ZAAK = "https://zaken.example.nl/zaken/api/v1/zaken/1"
OTHER_ZAAK = "https://zaken.example.nl/zaken/api/v1/zaken/2"
BESLUIT = "https://besluiten.example.nl/besluiten/api/v1/besluiten/1"


def found(backend, **query) -> set[str]:
    page = backend.document_list(DocumentQuery(**query))
    assert page.count == len(page.items)
    return {item.identificatie for item in page.items}


def test_documents_of_an_object_and_of_an_object_type(backend):
    for identificatie in ("IN-ZAAK", "IN-BESLUIT", "IN-BEIDE", "LOS"):
        backend.document_create(data=document_data(identificatie=identificatie), content=None)
    uuid = {item.identificatie: item.uuid for item in backend.document_list(DocumentQuery()).items}
    backend.link_create(informatieobject=uuid["IN-ZAAK"], object=ZAAK, object_type="zaak")
    backend.link_create(informatieobject=uuid["IN-BESLUIT"], object=BESLUIT, object_type="besluit")
    backend.link_create(informatieobject=uuid["IN-BEIDE"], object=OTHER_ZAAK, object_type="zaak")
    backend.link_create(informatieobject=uuid["IN-BEIDE"], object=BESLUIT, object_type="besluit")

    assert found(backend, object=ZAAK) == {"IN-ZAAK"}
    assert found(backend, object=BESLUIT) == {"IN-BESLUIT", "IN-BEIDE"}
    assert found(backend, object_type="zaak") == {"IN-ZAAK", "IN-BEIDE"}
    assert found(backend, object_type="verzoek") == set()
    # Object and type hold for one link: IN-BEIDE has a zaak and this besluit, not this besluit as a zaak.
    assert found(backend, object=BESLUIT, object_type="zaak") == set()
    assert found(backend, object=BESLUIT, object_type="besluit", identificatie="IN-BEIDE") == {"IN-BEIDE"}


def test_only_documents_ready_for_publication_in_their_latest_version(backend):
    for identificatie, gereed in (("GEREED", True), ("NIET", False), ("ONBEKEND", None), ("WAS", True)):
        backend.document_create(data=document_data(identificatie=identificatie, is_gereed_voor_publicatie=gereed), content=None)
    was = next(item for item in backend.document_list(DocumentQuery(identificatie="WAS")).items)
    lock = backend.document_lock(was.uuid)
    backend.document_update(was.uuid, data=document_data(identificatie="WAS"), content=None, lock=lock)

    assert found(backend, alleen_gereed_voor_publicatie=True) == {"GEREED"}
    assert found(backend) == {"GEREED", "NIET", "ONBEKEND", "WAS"}
    assert found(backend, alleen_gereed_voor_publicatie=True, uuids=(was.uuid,)) == set()


def test_publication_limit_combines_with_autorisatie_restrictions_and_paging(backend):
    backend.document_create(data=document_data(identificatie="OPENBAAR", is_gereed_voor_publicatie=True), content=None)
    backend.document_create(
        data=document_data(identificatie="GEHEIM", vertrouwelijkheidaanduiding="geheim", is_gereed_voor_publicatie=True),
        content=None,
    )
    restriction = Restriction(document_data().informatieobjecttype, "openbaar")
    assert found(backend, alleen_gereed_voor_publicatie=True, restrictions=(restriction,)) == {"OPENBAAR"}
    page = backend.document_list(DocumentQuery(alleen_gereed_voor_publicatie=True, page=2, page_size=1))
    assert (page.count, [item.identificatie for item in page.items]) == (2, ["OPENBAAR"])
