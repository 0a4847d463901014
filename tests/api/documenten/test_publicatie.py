"""tonenAanInitiator and isGereedVoorPublicatie (Documenten 1.7) through the API, on both backends."""
import pytest

from tests.api.documenten.test_enkelvoudiginformatieobjecten import URL, body
from tests.conftest import invalid_params

pytestmark = pytest.mark.django_db


def test_a_client_of_1_5_that_never_sends_them_gets_the_defaults(documenten_client, informatieobjecttype):
    created = documenten_client.post(URL, body(informatieobjecttype), format="json")
    assert created.status_code == 201, created.content
    assert (created.json()["tonenAanInitiator"], created.json()["isGereedVoorPublicatie"]) == (False, None)
    fetched = documenten_client.get(created.json()["url"]).json()
    assert (fetched["tonenAanInitiator"], fetched["isGereedVoorPublicatie"]) == (False, None)


def test_they_are_written_on_create_and_patch_and_kept_per_version(documenten_client, informatieobjecttype):
    created = documenten_client.post(
        URL, body(informatieobjecttype, tonenAanInitiator=True, isGereedVoorPublicatie=False), format="json"
    ).json()
    url = created["url"]
    lock = documenten_client.post(f"{url}/lock").json()["lock"]
    patched = documenten_client.patch(url, {"isGereedVoorPublicatie": True, "lock": lock}, format="json")
    assert patched.status_code == 200, patched.content
    assert (patched.json()["tonenAanInitiator"], patched.json()["isGereedVoorPublicatie"]) == (True, True)
    first = documenten_client.get(url, {"versie": 1}).json()
    assert (first["tonenAanInitiator"], first["isGereedVoorPublicatie"]) == (True, False)
    unknown_again = documenten_client.patch(url, {"isGereedVoorPublicatie": None, "lock": lock}, format="json")
    assert unknown_again.json()["isGereedVoorPublicatie"] is None


def test_a_put_of_a_1_5_client_keeps_them(documenten_client, informatieobjecttype):
    created = documenten_client.post(
        URL, body(informatieobjecttype, tonenAanInitiator=True, isGereedVoorPublicatie=True), format="json"
    ).json()
    lock = documenten_client.post(f"{created['url']}/lock").json()["lock"]
    put = documenten_client.put(created["url"], {**body(informatieobjecttype, titel="Nieuw"), "lock": lock}, format="json")
    assert put.status_code == 200, put.content
    assert (put.json()["titel"], put.json()["tonenAanInitiator"], put.json()["isGereedVoorPublicatie"]) == (
        "Nieuw", True, True
    )
    cleared = documenten_client.put(
        created["url"], {**body(informatieobjecttype), "tonenAanInitiator": False, "lock": lock}, format="json"
    )
    assert cleared.json()["tonenAanInitiator"] is False


def test_a_value_that_is_no_flag_is_refused_and_nothing_is_stored(documenten_client, informatieobjecttype):
    refused = documenten_client.post(
        URL, body(informatieobjecttype, tonenAanInitiator="misschien", isGereedVoorPublicatie=[1]), format="json"
    )
    assert invalid_params(refused) == {"tonenAanInitiator": "invalid", "isGereedVoorPublicatie": "invalid"}
    assert documenten_client.get(URL).json()["count"] == 0
    null = documenten_client.post(URL, body(informatieobjecttype, tonenAanInitiator=None), format="json")
    assert invalid_params(null) == {"tonenAanInitiator": "null"}
