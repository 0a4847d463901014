"""Embedded Referentielijsten API: lists, filters, pagination, errors, and URLs of this service."""
import pytest
import responses
from rest_framework.test import APIClient

from api.referentielijsten.selectors import (
    procestype_for_url,
    referentielijsten_base_url,
    resultaat_for_url,
)

BASE = "/referentielijsten/api/v1"
AFGEWEZEN = "e6a0c939-3404-45b0-88e3-76c94fb80ea7"
GENERIEK_1_1 = "6711baff-798b-4c7f-9133-8ad02c8b7c6f"
SPECIFIEK_1_1_1 = "6d37598e-30f0-4aef-930d-3e1690725d95"
PROCESTYPE_2017_1 = "e1b73b12-b2f6-4c4e-8929-94f84dd2a57d"
UNKNOWN = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def client():
    # Public API: no credentials.
    return APIClient()


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    return body


def test_resultaten_are_paginated_with_next_link(client):
    first = client.get(f"{BASE}/resultaten")

    assert first.status_code == 200
    body = first.json()
    assert body["count"] == 346
    assert len(body["results"]) == 100
    assert body["previous"] is None
    assert body["next"] == f"http://testserver{BASE}/resultaten?page=2"

    last = client.get(f"{BASE}/resultaten", {"page": 4}).json()
    assert len(last["results"]) == 46
    assert last["next"] is None
    assert last["previous"] == f"http://testserver{BASE}/resultaten?page=3"


def test_resultaten_come_in_selectielijst_order_with_derived_fields(client):
    results = client.get(f"{BASE}/resultaten").json()["results"]

    assert [r["volledigNummer"] for r in results[:5]] == ["1.1", "1.1.1", "1.1.2", "1.1.3", "1.2"]
    generiek, specifiek = results[0], results[1]
    assert generiek["url"].endswith(f"/resultaten/{GENERIEK_1_1}")
    assert (generiek["generiek"], generiek["specifiek"]) == (True, False)
    assert generiek["procestermijn"] == "nihil"
    assert generiek["procestermijnWeergave"] == "Nihil"
    assert generiek["bewaartermijn"] == "P10Y"
    assert specifiek["url"].endswith(f"/resultaten/{SPECIFIEK_1_1_1}")
    assert (specifiek["generiek"], specifiek["specifiek"]) == (False, True)
    assert specifiek["procestermijnWeergave"] == ""
    assert specifiek["bewaartermijn"] is None
    assert specifiek["algemeenBestuurEnInrichtingOrganisatie"] is True


@pytest.mark.parametrize("param", ["procesType", "proces_type"])
def test_resultaten_filter_on_procestype(client, param):
    procestype_url = f"http://testserver{BASE}/procestypen/{PROCESTYPE_2017_1}"

    response = client.get(f"{BASE}/resultaten", {param: procestype_url})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 8
    assert {r["procesType"] for r in body["results"]} == {procestype_url}


def test_resultaten_filter_on_procestype_without_resultaten_is_empty(client):
    procestype_2020 = client.get(f"{BASE}/procestypen", {"jaar": 2020}).json()[0]["url"]

    body = client.get(f"{BASE}/resultaten", {"procesType": procestype_2020}).json()

    assert body == {"count": 0, "next": None, "previous": None, "results": []}


def test_resultaten_filter_rejects_a_url_that_is_no_procestype(client):
    response = client.get(f"{BASE}/resultaten", {"procesType": f"http://testserver{BASE}/resultaten/{GENERIEK_1_1}"})

    body = assert_problem(response, 400)
    assert [(p["name"], p["code"]) for p in body["invalidParams"]] == [("procesType", "invalid")]


@pytest.mark.parametrize("page", ["0", "-1", "twee", "{{selectielijst_page}}"])
def test_malformed_page_gives_400(client, page):
    body = assert_problem(client.get(f"{BASE}/resultaten", {"page": page}), 400)

    assert [(p["name"], p["code"]) for p in body["invalidParams"]] == [("page", "invalid")]


def test_page_beyond_the_last_gives_404(client):
    assert_problem(client.get(f"{BASE}/resultaten", {"page": 5}), 404)


def test_procestypen_are_a_plain_list_filtered_on_jaar(client):
    everything = client.get(f"{BASE}/procestypen").json()
    of_2017 = client.get(f"{BASE}/procestypen", {"jaar": "2017"}).json()
    of_1999 = client.get(f"{BASE}/procestypen", {"jaar": "1999"}).json()

    assert len(everything) == 58
    assert len(of_2017) == 29
    assert {p["jaar"] for p in of_2017} == {2017}
    assert [p["nummer"] for p in of_2017] == list(range(1, 30))
    assert of_1999 == []
    assert set(of_2017[0]) == {"url", "nummer", "jaar", "naam", "omschrijving", "toelichting", "procesobject"}


def test_procestypen_with_a_jaar_that_is_no_number_gives_400(client):
    body = assert_problem(client.get(f"{BASE}/procestypen", {"jaar": "tweeduizend"}), 400)

    assert [(p["name"], p["code"]) for p in body["invalidParams"]] == [("jaar", "invalid")]


def test_retrieve_resultaattypeomschrijving_used_by_the_postman_collection(client):
    response = client.get(f"{BASE}/resultaattypeomschrijvingen/{AFGEWEZEN}")

    assert response.status_code == 200
    assert response.json() == {
        "url": f"http://testserver{BASE}/resultaattypeomschrijvingen/{AFGEWEZEN}",
        "omschrijving": "Afgewezen",
        "definitie": "Dit is testdata",
        "opmerking": "Dit is testdata",
    }


def test_resultaattypeomschrijvingen_are_a_plain_list(client):
    body = client.get(f"{BASE}/resultaattypeomschrijvingen").json()

    assert [o["omschrijving"] for o in body] == ["Toegekend", "Afgewezen", "Ingetrokken"]


def test_communicatiekanalen_are_an_empty_page(client):
    body = client.get(f"{BASE}/communicatiekanalen").json()

    assert body == {"count": 0, "next": None, "previous": None, "results": []}


@pytest.mark.parametrize(
    "collection", ["communicatiekanalen", "procestypen", "resultaattypeomschrijvingen", "resultaten"]
)
def test_unknown_uuid_gives_404_problem(client, collection):
    body = assert_problem(client.get(f"{BASE}/{collection}/{UNKNOWN}"), 404)

    assert body["code"] == "not_found"


@pytest.mark.parametrize(
    "path",
    [
        "/resultaten",
        f"/resultaten/{GENERIEK_1_1}",
        "/procestypen",
        "/resultaattypeomschrijvingen",
        f"/resultaattypeomschrijvingen/{AFGEWEZEN}",
        "/communicatiekanalen",
    ],
)
def test_unknown_query_parameter_gives_400(client, path):
    body = assert_problem(client.get(f"{BASE}{path}", {"onbekend": "1"}), 400)

    assert [p["code"] for p in body["invalidParams"]] == ["unknown-parameters"]


def test_page_is_unknown_on_unpaginated_lists(client):
    assert_problem(client.get(f"{BASE}/procestypen", {"page": 1}), 400)


def test_urls_point_at_the_answering_service(client):
    host = "zgw.example.nl:8443"
    resultaat = client.get(f"{BASE}/resultaten/{SPECIFIEK_1_1_1}", HTTP_HOST=host).json()

    assert resultaat["url"] == f"http://{host}{BASE}/resultaten/{SPECIFIEK_1_1_1}"
    assert resultaat["procesType"] == f"http://{host}{BASE}/procestypen/{PROCESTYPE_2017_1}"
    procestype = client.get(resultaat["procesType"], HTTP_HOST=host).json()
    assert procestype["url"] == resultaat["procesType"]
    assert procestype["jaar"] == 2017


def test_api_answers_with_its_version_header(client):
    assert client.get(f"{BASE}/procestypen")["API-version"]


# -- selectors for other components -----------------------------------------------


def test_resultaat_for_url_resolves_embedded_urls_without_http():
    url = f"http://127.0.0.1:8000{BASE}/resultaten/{SPECIFIEK_1_1_1}"

    resultaat = resultaat_for_url(url)

    assert resultaat["url"] == url
    assert resultaat["procesType"] == f"http://127.0.0.1:8000{BASE}/procestypen/{PROCESTYPE_2017_1}"
    assert resultaat["volledigNummer"] == "1.1.1"
    assert procestype_for_url(resultaat["procesType"])["jaar"] == 2017


@pytest.mark.parametrize(
    "url",
    [
        f"http://127.0.0.1:8000{BASE}/procestypen/{PROCESTYPE_2017_1}",
        f"http://127.0.0.1:8000{BASE}/resultaten/{UNKNOWN}",
        f"http://127.0.0.1:8000{BASE}/resultaten/niet-een-uuid",
        f"https://selectielijst.openzaak.nl/api/v1/resultaten/{SPECIFIEK_1_1_1}",
        "http://mock.example/200",
        "",
    ],
)
def test_resultaat_for_url_is_none_for_anything_but_an_embedded_resultaat(url):
    assert resultaat_for_url(url) is None


def test_base_url_is_the_embedded_api_unless_configured(settings, rf):
    settings.REFERENTIELIJSTEN_API_URL = ""
    assert referentielijsten_base_url(rf.get("/")) == f"http://testserver{BASE}"

    settings.REFERENTIELIJSTEN_API_URL = "https://selectielijst.example/api/v1/"
    assert referentielijsten_base_url(rf.get("/")) == "https://selectielijst.example/api/v1"


@responses.activate
def test_configured_external_api_is_fetched_over_http(settings):
    settings.REFERENTIELIJSTEN_API_URL = "https://selectielijst.example/api/v1"
    url = f"https://selectielijst.example/api/v1/resultaten/{SPECIFIEK_1_1_1}"
    missing = f"https://selectielijst.example/api/v1/resultaten/{UNKNOWN}"
    responses.get(url, json={"url": url, "procesType": "https://selectielijst.example/api/v1/procestypen/x"})
    responses.get(missing, status=404, json={"code": "not_found"})

    assert resultaat_for_url(url)["url"] == url
    assert resultaat_for_url(missing) is None
    assert resultaat_for_url(f"http://127.0.0.1:8000{BASE}/resultaten/{SPECIFIEK_1_1_1}") is None
    assert procestype_for_url(url) is None
    assert len(responses.calls) == 2
