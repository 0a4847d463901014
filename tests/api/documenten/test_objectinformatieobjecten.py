"""OBJECTINFORMATIEOBJECT: the object URL must resolve to its kind of resource; one link per pair (drc-002, drc-003).

The zaken and besluiten are served by a small HTTP server on loopback,
standing in for another ZGW service.
"""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.api.documenten.conftest import API
from tests.conftest import invalid_params

pytestmark = pytest.mark.django_db

RESOURCES = {
    "/zaken/1": {"url": "z", "zaaktype": "zt", "bronorganisatie": "000000000"},
    "/besluiten/1": {"url": "b", "besluittype": "bt", "verantwoordelijkeOrganisatie": "000000000"},
    "/zaaktypen/1": {"url": "zt", "identificatie": "ZT-1"},
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        resource = RESOURCES.get(self.path)
        body = json.dumps(resource).encode() if resource else b"not found"
        self.send_response(200 if resource else 404)
        self.send_header("Content-Type", "application/json" if resource else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def remote():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def link(client, document_url: str, object_url: str, object_type: str = "zaak"):
    return client.post(
        f"{API}/objectinformatieobjecten",
        {"informatieobject": document_url, "object": object_url, "objectType": object_type},
        format="json",
    )



def test_link_to_a_zaak_and_a_besluit(documenten_client, document_url, remote):
    created = link(documenten_client, document_url, f"{remote}/zaken/1")
    assert created.status_code == 201, created.content
    assert created.json()["objectType"] == "zaak"
    assert documenten_client.get(created.json()["url"]).json()["informatieobject"] == document_url
    assert link(documenten_client, document_url, f"{remote}/besluiten/1", "besluit").status_code == 201
    listed = documenten_client.get(f"{API}/objectinformatieobjecten", {"informatieobject": document_url}).json()
    assert [item["object"] for item in listed] == [f"{remote}/zaken/1", f"{remote}/besluiten/1"]


@pytest.mark.parametrize(
    ("path", "object_type", "code"),
    [("/nothing", "zaak", "bad-url"), ("/zaaktypen/1", "zaak", "invalid-resource"), ("/zaken/1", "besluit", "invalid-resource")],
)
def test_object_must_resolve_to_its_type(documenten_client, document_url, remote, path, object_type, code):
    assert invalid_params(link(documenten_client, document_url, f"{remote}{path}", object_type)) == {"object": code}


def test_one_link_per_object_and_document(documenten_client, document_url, remote):
    link(documenten_client, document_url, f"{remote}/zaken/1")
    assert invalid_params(link(documenten_client, document_url, f"{remote}/zaken/1")) == {"nonFieldErrors": "unique"}


def test_linked_document_cannot_be_deleted_until_unlinked(documenten_client, document_url, remote):
    created = link(documenten_client, document_url, f"{remote}/zaken/1").json()
    assert invalid_params(documenten_client.delete(document_url)) == {"nonFieldErrors": "pending-relations"}
    assert documenten_client.delete(created["url"]).status_code == 204
    assert documenten_client.delete(document_url).status_code == 204


def test_informatieobject_must_be_a_document_here(documenten_client, remote):
    response = link(documenten_client, f"{remote}/zaken/1", f"{remote}/zaken/1")
    assert invalid_params(response) == {"informatieobject": "bad-url"}
