"""trefwoorden and status of a document as Documenten 1.7 shapes them, still taking what 1.5 clients send."""
import pytest

from tests.api.documenten.test_enkelvoudiginformatieobjecten import URL, body
from tests.conftest import invalid_params

pytestmark = pytest.mark.django_db


@pytest.fixture
def locked(documenten_client, informatieobjecttype) -> tuple[str, str]:
    created = documenten_client.post(URL, body(informatieobjecttype, trefwoorden=["bouw"]), format="json").json()
    return created["url"], documenten_client.post(f"{created['url']}/lock").json()["lock"]


def test_patch_writes_trefwoorden_and_the_list_finds_them(documenten_client, locked):
    url, lock = locked
    patched = documenten_client.patch(url, {"trefwoorden": ["vergunning", "aanvraag"], "lock": lock}, format="json")
    assert patched.status_code == 200, patched.content
    assert patched.json()["trefwoorden"] == ["vergunning", "aanvraag"]
    assert documenten_client.get(url, {"versie": 1}).json()["trefwoorden"] == ["bouw"]
    found = documenten_client.get(URL, {"trefwoorden": "aanvraag"}).json()["results"]
    assert [item["url"] for item in found] == [url]


def test_a_1_5_clients_null_means_no_trefwoorden_and_renders_a_list(documenten_client, informatieobjecttype, locked):
    created = documenten_client.post(URL, body(informatieobjecttype, trefwoorden=None), format="json")
    assert created.status_code == 201, created.content
    assert created.json()["trefwoorden"] == []
    url, lock = locked
    assert documenten_client.patch(url, {"trefwoorden": None, "lock": lock}, format="json").json()["trefwoorden"] == []


def test_long_trefwoorden_up_to_500_characters(documenten_client, informatieobjecttype):
    long = "b" * 500
    created = documenten_client.post(URL, body(informatieobjecttype, trefwoorden=[long, "ë" * 500]), format="json")
    assert created.status_code == 201, created.content
    assert created.json()["trefwoorden"][0] == long
    too_long = documenten_client.post(URL, body(informatieobjecttype, trefwoorden=["b" * 501]), format="json")
    assert set(invalid_params(too_long).values()) == {"max_length"}
    assert documenten_client.get(URL).json()["count"] == 1


@pytest.mark.parametrize("status", ["in_bewerking", "ter_vaststelling", "definitief", "gearchiveerd", "concept", "vastgesteld", ""])
def test_statuses_of_1_7_and_those_1_5_clients_send(documenten_client, informatieobjecttype, status):
    created = documenten_client.post(URL, body(informatieobjecttype, status=status), format="json")
    assert created.status_code == 201, created.content
    assert documenten_client.get(created.json()["url"]).json()["status"] == status


def test_an_unknown_status_is_refused(documenten_client, informatieobjecttype):
    assert invalid_params(documenten_client.post(URL, body(informatieobjecttype, status="klaar"), format="json")) == {
        "status": "invalid_choice"
    }
