"""Gebruiksrechten on every backend: they keep the document's indicatieGebruiksrecht right, without new versions."""
import uuid
from datetime import datetime, timezone

import pytest

from storage_backends.base import GebruiksrechtQuery, NotFound

JAN = datetime(2024, 1, 1, tzinfo=timezone.utc)
JUN = datetime(2024, 6, 1, tzinfo=timezone.utc)


def add(backend, document, start=JAN, end=None):
    return backend.gebruiksrecht_create(
        informatieobject=document.uuid, startdatum=start, einddatum=end, omschrijving_voorwaarden="alleen intern"
    )


def test_indicatie_follows_the_gebruiksrechten(backend, document):
    assert backend.document_get(document.uuid).indicatie_gebruiksrecht is None
    first, second = add(backend, document), add(backend, document, start=JUN)
    after = backend.document_get(document.uuid)
    assert after.indicatie_gebruiksrecht is True
    assert after.versie == 1  # no new version
    backend.gebruiksrecht_destroy(first.uuid)
    assert backend.document_get(document.uuid).indicatie_gebruiksrecht is True
    backend.gebruiksrecht_destroy(second.uuid)
    assert backend.document_get(document.uuid).indicatie_gebruiksrecht is None


def test_filters_and_update(backend, document):
    early, late = add(backend, document, end=JUN), add(backend, document, start=JUN)
    assert backend.gebruiksrecht_list(GebruiksrechtQuery(startdatum_gt=JAN)) == (late,)
    assert backend.gebruiksrecht_list(GebruiksrechtQuery(startdatum_gte=JAN)) == (early, late)
    assert backend.gebruiksrecht_list(GebruiksrechtQuery(einddatum_lte=JUN)) == (early,)
    assert backend.gebruiksrecht_list(GebruiksrechtQuery(informatieobject=uuid.uuid4())) == ()
    changed = backend.gebruiksrecht_update(early.uuid, startdatum=JAN, einddatum=None, omschrijving_voorwaarden="x")
    assert backend.gebruiksrecht_get(early.uuid) == changed
    assert changed.omschrijving_voorwaarden == "x"


def test_destroying_the_document_removes_its_gebruiksrechten(backend, document):
    recht = add(backend, document)
    backend.document_destroy(document.uuid)
    with pytest.raises(NotFound):
        backend.gebruiksrecht_get(recht.uuid)


def test_gebruiksrecht_of_unknown_document(backend):
    with pytest.raises(NotFound):
        backend.gebruiksrecht_create(
            informatieobject=uuid.uuid4(), startdatum=JAN, einddatum=None, omschrijving_voorwaarden="x"
        )
