"""GET …/download answers every Accept that admits the content with the bytes, and only the others 406."""
import base64

import pytest

from tests.api.documenten.test_enkelvoudiginformatieobjecten import PDF, URL, body

pytestmark = pytest.mark.django_db
TEXT = "Beste burger,\n".encode()
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


@pytest.fixture
def pdf(documenten_client, informatieobjecttype) -> str:
    response = documenten_client.post(URL, body(informatieobjecttype), format="json")
    assert response.status_code == 201, response.content
    return response.json()["inhoud"]


@pytest.fixture
def text(documenten_client, informatieobjecttype) -> str:
    response = documenten_client.post(URL, body(
        informatieobjecttype, inhoud=base64.b64encode(TEXT).decode(), formaat="text/plain", bestandsnaam="brief.txt",
    ), format="json")
    assert response.status_code == 201, response.content
    return response.json()["inhoud"]


def download(client, url: str, accept: str | None, **headers):
    if accept is not None:
        headers["HTTP_ACCEPT"] = accept
    return client.get(url, **headers)


@pytest.mark.parametrize(("accept", "served_as"), [
    (None, "application/pdf"),
    ("", "application/pdf"),
    ("application/octet-stream", "application/octet-stream"),
    ("*/*", "application/pdf"),
    ("application/*", "application/pdf"),
    ("application/pdf", "application/pdf"),
    (BROWSER, "application/pdf"),
    ("application/json, application/octet-stream;q=0.5", "application/octet-stream"),
    ("text/html;q=0.9, application/pdf;q=0.8", "application/pdf"),
    ("application/pdf;q=0, */*;q=0.1", "application/octet-stream"),
])
def test_an_accept_that_admits_the_content_gets_the_bytes(documenten_client, pdf, accept, served_as):
    response = download(documenten_client, pdf, accept)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == served_as
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("accept", ["text/plain", "text/*", "text/plain;q=0.5, application/json;q=0.9"])
def test_the_documents_own_formaat_is_admitted(documenten_client, text, accept):
    response = download(documenten_client, text, accept)
    assert (response.status_code, response["Content-Type"]) == (200, "text/plain")
    assert b"".join(response.streaming_content) == TEXT


def test_a_range_with_accept_octet_stream_is_partial_content(documenten_client, pdf):
    response = download(documenten_client, pdf, "application/octet-stream", HTTP_RANGE="bytes=0-3")
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == PDF[:4]


@pytest.mark.parametrize("accept", ["text/html", "application/json", "image/*", "application/pdf;q=0", "text/plain"])
def test_an_accept_that_admits_nothing_is_406_problem_json(documenten_client, pdf, accept):
    response = download(documenten_client, pdf, accept)
    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 406


def test_errors_of_a_download_stay_problem_json_whatever_the_accept(documenten_client, pdf):
    missing = pdf.replace(pdf.split("/")[-2], "00000000-0000-4000-8000-000000000000")
    response = download(documenten_client, missing, "application/octet-stream")
    assert (response.status_code, response["Content-Type"]) == (404, "application/problem+json")
