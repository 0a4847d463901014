"""Verzendingen on every backend: stored with their address groups, filtered, paged, restricted by their document."""
import uuid
from dataclasses import replace
from datetime import date

import pytest

from storage_backends.base import (
    BinnenlandsCorrespondentieadres,
    BuitenlandsCorrespondentieadres,
    CorrespondentiePostadres,
    NotFound,
    Restriction,
    VerzendingData,
    VerzendingQuery,
)
from tests.storage_backends.conftest import document_data

BETROKKENE = "https://klanten.example.nl/klanten/api/v1/klanten/1"
OTHER = "https://klanten.example.nl/klanten/api/v1/klanten/2"
CONTACT = "https://medewerkers.example.nl/api/v1/medewerkers/1"
THUIS = BinnenlandsCorrespondentieadres(
    huisnummer=117, naam_openbare_ruimte="Keizersgracht", woonplaatsnaam="Amsterdam", huisletter="A",
    huisnummer_toevoeging="2", postcode="1015CJ",
)


def data(**overrides) -> VerzendingData:
    fields = {
        "betrokkene": BETROKKENE, "aard_relatie": "geadresseerde", "contact_persoon": CONTACT,
        "verzenddatum": date(2024, 3, 1), "binnenlands_correspondentieadres": THUIS,
    }
    return VerzendingData(**{**fields, **overrides})


def test_create_keeps_every_field_and_leaves_the_document_alone(backend, document):
    written = []
    created = backend.verzending_create(
        informatieobject=document.uuid,
        data=data(toelichting="aangetekend", contactpersoonnaam="J. Jansen", ontvangstdatum=date(2024, 3, 2)),
        record=written.append,
    )
    assert created.informatieobject == document.uuid
    assert (created.binnenlands_correspondentieadres, created.toelichting) == (THUIS, "aangetekend")
    assert backend.verzending_get(created.uuid) == created
    assert written == [created]
    assert backend.document_get(document.uuid).versie == 1


@pytest.mark.parametrize(
    "channel",
    [
        {"buitenlands_correspondentieadres": BuitenlandsCorrespondentieadres(
            adres_buitenland_1="Rue de la Loi 1", land_postadres="https://landen.example.nl/BE",
            adres_buitenland_2="Brussel",
        )},
        {"correspondentie_postadres": CorrespondentiePostadres(
            post_bus_of_antwoordnummer=1234, postadres_postcode="1000AA", postadres_type="postbusnummer",
            woonplaatsnaam="Amsterdam",
        )},
        {"emailadres": "burger@example.nl"},
        {"mijn_overheid": True},
    ],
)
def test_every_channel_round_trips(backend, document, channel):
    created = backend.verzending_create(
        informatieobject=document.uuid, data=data(binnenlands_correspondentieadres=None, **channel)
    )
    stored = backend.verzending_get(created.uuid)
    assert stored == created
    for name, value in channel.items():
        assert getattr(stored, name) == value
    assert stored.binnenlands_correspondentieadres is None


def test_list_filters_pages_and_orders_oldest_first(backend, document):
    other_document = backend.document_create(data=document_data(identificatie="DOC-2"), content=None)
    first = backend.verzending_create(informatieobject=document.uuid, data=data())
    second = backend.verzending_create(
        informatieobject=document.uuid, data=data(betrokkene=OTHER, aard_relatie="afzender")
    )
    third = backend.verzending_create(informatieobject=other_document.uuid, data=data())
    assert backend.verzending_list(VerzendingQuery()).items == (first, second, third)
    assert backend.verzending_list(VerzendingQuery(informatieobject=document.uuid)).items == (first, second)
    assert backend.verzending_list(VerzendingQuery(betrokkene=BETROKKENE)).items == (first, third)
    assert backend.verzending_list(VerzendingQuery(aard_relatie="afzender")).items == (second,)
    assert backend.verzending_list(VerzendingQuery(informatieobject=uuid.uuid4())).count == 0
    page = backend.verzending_list(VerzendingQuery(page=2, page_size=2))
    assert (page.items, page.count) == ((third,), 3)


def test_list_shows_only_verzendingen_of_documents_the_restrictions_allow(backend, document):
    secret = backend.document_create(
        data=document_data(identificatie="DOC-2", vertrouwelijkheidaanduiding="geheim"), content=None
    )
    open_one = backend.verzending_create(informatieobject=document.uuid, data=data())
    backend.verzending_create(informatieobject=secret.uuid, data=data())
    up_to_intern = (Restriction(document.informatieobjecttype, "intern"),)
    page = backend.verzending_list(VerzendingQuery(restrictions=up_to_intern))
    assert (page.items, page.count) == ((open_one,), 1)
    assert backend.verzending_list(VerzendingQuery(restrictions=())).count == 0


def test_list_limited_to_publication_shows_only_verzendingen_of_ready_documents(backend, document):
    ready = backend.document_create(data=document_data(identificatie="KLAAR", is_gereed_voor_publicatie=True), content=None)
    unknown = backend.verzending_create(informatieobject=document.uuid, data=data())
    of_ready = backend.verzending_create(informatieobject=ready.uuid, data=data())
    page = backend.verzending_list(VerzendingQuery(alleen_gereed_voor_publicatie=True))
    assert (page.items, page.count) == ((of_ready,), 1)
    assert backend.verzending_list(VerzendingQuery()).items == (unknown, of_ready)
    none_visible = VerzendingQuery(alleen_gereed_voor_publicatie=True, restrictions=(Restriction(ready.informatieobjecttype, "openbaar"),))
    assert backend.verzending_list(replace(none_visible, restrictions=())).count == 0
    assert backend.verzending_list(none_visible).items == (of_ready,)


def test_update_replaces_data_and_may_move_to_another_document(backend, document):
    other_document = backend.document_create(data=document_data(identificatie="DOC-2"), content=None)
    created = backend.verzending_create(informatieobject=document.uuid, data=data())
    new_data = data(binnenlands_correspondentieadres=None, emailadres="burger@example.nl", toelichting="per mail")
    updated = backend.verzending_update(created.uuid, informatieobject=other_document.uuid, data=new_data)
    assert updated == replace(created, informatieobject=other_document.uuid, **vars(new_data))
    assert backend.verzending_get(created.uuid) == updated


def test_update_to_an_unknown_document_changes_nothing(backend, document):
    created = backend.verzending_create(informatieobject=document.uuid, data=data())
    with pytest.raises(NotFound):
        backend.verzending_update(created.uuid, informatieobject=uuid.uuid4(), data=data(toelichting="x"))
    assert backend.verzending_get(created.uuid) == created


def test_failing_record_leaves_nothing_written(backend, document):
    def refuse(_):
        raise RuntimeError("outbox down")

    with pytest.raises(RuntimeError):
        backend.verzending_create(informatieobject=document.uuid, data=data(), record=refuse)
    assert backend.verzending_list(VerzendingQuery()).count == 0
    created = backend.verzending_create(informatieobject=document.uuid, data=data())
    with pytest.raises(RuntimeError):
        backend.verzending_destroy(created.uuid, record=refuse)
    assert backend.verzending_get(created.uuid) == created


def test_destroy_and_unknown_uuids(backend, document):
    created = backend.verzending_create(informatieobject=document.uuid, data=data())
    removed = []
    backend.verzending_destroy(created.uuid, record=removed.append)
    assert removed == [created]
    for call in (backend.verzending_get, backend.verzending_destroy):
        with pytest.raises(NotFound):
            call(created.uuid)
    with pytest.raises(NotFound):
        backend.verzending_update(created.uuid, informatieobject=document.uuid, data=data())


def test_verzending_of_unknown_document(backend):
    with pytest.raises(NotFound):
        backend.verzending_create(informatieobject=uuid.uuid4(), data=data())


def test_destroying_the_document_removes_its_verzendingen(backend, document):
    created = backend.verzending_create(informatieobject=document.uuid, data=data())
    backend.document_destroy(document.uuid)
    with pytest.raises(NotFound):
        backend.verzending_get(created.uuid)
