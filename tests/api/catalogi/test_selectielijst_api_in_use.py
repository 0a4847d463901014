"""Every Referentielijsten URL of a zaaktype or resultaattype is checked against the API in use (ztc-001, ztc-002).

With `REFERENTIELIJSTEN_API_URL` set, that API is a real HTTP server here: the
embedded Referentielijsten API served over HTTP at `/api/v1/`, the path of the
hosted selectielijst (https://selectielijst.openzaak.nl/api/v1/), so its URLs
look like nothing this service serves itself.
"""
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from django.core.handlers.wsgi import WSGIHandler

from tests.conftest import invalid_params
from tests.fixtures.catalogi import (
    API,
    PROCESTYPE,
    RESULTAAT_NIHIL,
    RESULTAATTYPEOMSCHRIJVING,
    SELECTIELIJST,
    resultaattype_body,
    zaaktype_body,
)


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def _hosted_at_api_v1(app):
    """Serve the embedded API's `/referentielijsten/api/v1/...` at `/api/v1/...`."""

    def wrapped(environ, start_response):
        environ["PATH_INFO"] = "/referentielijsten" + environ["PATH_INFO"]
        return app(environ, start_response)

    return wrapped


@pytest.fixture(scope="module")
def selectielijst_server():
    server = make_server(
        "localhost", 0, _hosted_at_api_v1(WSGIHandler()), server_class=_ThreadingServer, handler_class=_QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_port}/api/v1"
    server.shutdown()
    server.server_close()


@pytest.fixture
def configured_api(selectielijst_server, settings) -> str:
    """`REFERENTIELIJSTEN_API_URL` set to that server (with the trailing slash installations write)."""
    settings.REFERENTIELIJSTEN_API_URL = f"{selectielijst_server}/"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    return selectielijst_server


def on(base: str, url: str) -> str:
    return url.replace(SELECTIELIJST, base)


pytestmark = pytest.mark.django_db


def test_configured_api_urls_are_accepted_for_all_three_fields(configured_api, catalogus, create):
    zaaktype = create("zaaktypen", zaaktype_body(catalogus, selectielijstProcestype=on(configured_api, PROCESTYPE)))
    resultaattype = create("resultaattypen", resultaattype_body(
        zaaktype["url"],
        resultaattypeomschrijving=on(configured_api, RESULTAATTYPEOMSCHRIJVING),
        selectielijstklasse=on(configured_api, RESULTAAT_NIHIL),
    ))
    assert resultaattype["resultaattypeomschrijving"] == on(configured_api, RESULTAATTYPEOMSCHRIJVING)
    assert resultaattype["omschrijvingGeneriek"] == "Afgewezen"
    assert resultaattype["archiefnominatie"] == "vernietigen"


def test_embedded_urls_are_refused_when_another_api_is_configured(configured_api, catalogus, create, catalogi_client):
    assert invalid_params(catalogi_client.post(f"{API}/zaaktypen", zaaktype_body(catalogus), format="json")) == {
        "selectielijstProcestype": "invalid-resource"
    }
    zaaktype = create("zaaktypen", zaaktype_body(catalogus, selectielijstProcestype=on(configured_api, PROCESTYPE)))
    body = resultaattype_body(zaaktype["url"], selectielijstklasse=on(configured_api, RESULTAAT_NIHIL))
    assert invalid_params(catalogi_client.post(f"{API}/resultaattypen", body, format="json")) == {
        "resultaattypeomschrijving": "invalid-resource"
    }


def test_unknown_resultaattypeomschrijving_of_the_configured_api_is_refused(configured_api, catalogus, create, catalogi_client):
    zaaktype = create("zaaktypen", zaaktype_body(catalogus, selectielijstProcestype=on(configured_api, PROCESTYPE)))
    body = resultaattype_body(
        zaaktype["url"],
        resultaattypeomschrijving=f"{configured_api}/resultaattypeomschrijvingen/00000000-0000-4000-8000-000000000000",
        selectielijstklasse=on(configured_api, RESULTAAT_NIHIL),
    )
    assert invalid_params(catalogi_client.post(f"{API}/resultaattypen", body, format="json")) == {
        "resultaattypeomschrijving": "invalid-resource"
    }


def test_without_a_configured_api_the_embedded_urls_count(settings, catalogus, create, catalogi_client):
    settings.REFERENTIELIJSTEN_API_URL = ""
    zaaktype = create("zaaktypen", zaaktype_body(catalogus))
    assert create("resultaattypen", resultaattype_body(zaaktype["url"]))["omschrijvingGeneriek"] == "Afgewezen"
    body = resultaattype_body(
        zaaktype["url"],
        resultaattypeomschrijving=f"https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/"
        f"{RESULTAATTYPEOMSCHRIJVING.rsplit('/', 1)[1]}",
    )
    assert invalid_params(catalogi_client.post(f"{API}/resultaattypen", body, format="json")) == {
        "resultaattypeomschrijving": "invalid-resource"
    }
