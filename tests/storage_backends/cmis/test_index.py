"""Lists, filters and counts of the CMIS backend come from its PostgreSQL index: no repository call per page."""
import io
from urllib.parse import urlsplit

import pytest
import requests

from storage_backends.base import ContentIn, DocumentQuery, GebruiksrechtQuery, Restriction, VerzendingQuery
from tests.cmis_server.conftest import AUTH
from tests.storage_backends.conftest import document_data

IOT = "https://catalogi.example.nl/catalogi/api/v1/informatieobjecttypen/1"


@pytest.fixture
def served_requests(cmis_service_url):
    """The number of requests the CMIS server serves while the block runs."""
    control = "{0.scheme}://{0.netloc}/__control/requests".format(urlsplit(cmis_service_url))

    class Counter:
        def __enter__(self):
            requests.delete(control, auth=AUTH, timeout=10)
            return self

        def __exit__(self, *exc):
            self.count = len(requests.get(control, auth=AUTH, timeout=10).json())

    return Counter


@pytest.mark.parametrize("store", ["cmis"], indirect=True)
def test_list_pages_and_counts_cost_no_repository_call(backend, served_requests):
    for number in range(5):
        backend.document_create(
            data=document_data(identificatie=f"DOC-{number}", trefwoorden=("aanvraag",)),
            content=ContentIn(stream=io.BytesIO(b"inhoud")),
        )
    with served_requests() as served:
        first = backend.document_list(DocumentQuery(page=1, page_size=2))
        everything = backend.document_list(
            DocumentQuery(trefwoorden=("aanvraag",), restrictions=(Restriction(IOT, "openbaar"),), page_size=100)
        )
        backend.document_get(first.items[0].uuid)
        backend.gebruiksrecht_list(GebruiksrechtQuery())
        backend.verzending_list(VerzendingQuery())
    assert (first.count, len(first.items), len(everything.items)) == (5, 2, 5)
    assert served.count == 0


@pytest.mark.parametrize("store", ["cmis"], indirect=True)
def test_a_range_is_cut_out_when_the_repository_ignores_range(backend, monkeypatch):
    document = backend.document_create(data=document_data(), content=ContentIn(stream=io.BytesIO(b"0123456789" * 10000)))
    ranged = backend.gateway.content

    def without_range(object_id, *, byte_range=None):
        return ranged(object_id)

    monkeypatch.setattr(backend.gateway, "content", without_range)
    out = backend.content_open(document.uuid, byte_range=(70005, 70014))
    assert b"".join(out.chunks) == b"5678901234"
