"""GET /enkelvoudiginformatieobjecten filters and POST …/_zoek as Documenten 1.7 gives them, on both backends."""
import pytest

from tests.api.documenten.test_enkelvoudiginformatieobjecten import URL, body
from tests.api.documenten.test_objectinformatieobjecten import link, remote  # noqa: F401 (remote: a fixture)
from tests.conftest import invalid_params

pytestmark = pytest.mark.django_db


def urls(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["url"] for item in response.json()["results"]}


@pytest.fixture
def documents(documenten_client, informatieobjecttype) -> dict[str, str]:
    made = {}
    for name in ("in_zaak", "in_besluit", "los"):
        response = documenten_client.post(URL, body(informatieobjecttype, identificatie=name.upper()), format="json")
        assert response.status_code == 201, response.content
        made[name] = response.json()["url"]
    return made


def test_documents_of_an_object_and_of_a_type_of_object(documenten_client, documents, remote):  # noqa: F811
    zaak, besluit = f"{remote}/zaken/1", f"{remote}/besluiten/1"
    assert link(documenten_client, documents["in_zaak"], zaak).status_code == 201
    assert link(documenten_client, documents["in_besluit"], besluit, "besluit").status_code == 201

    assert urls(documenten_client.get(URL, {"objectinformatieobjecten_object": zaak})) == {documents["in_zaak"]}
    assert urls(documenten_client.get(URL, {"objectinformatieobjecten_objectType": "besluit"})) == {documents["in_besluit"]}
    both = {"objectinformatieobjecten_object": zaak, "objectinformatieobjecten_objectType": "besluit"}
    assert urls(documenten_client.get(URL, both)) == set()
    assert len(urls(documenten_client.get(URL, {"objectinformatieobjecten_objectType": ""}))) == 3


def test_wrong_filter_values_are_a_400_naming_each(documenten_client, documents):
    response = documenten_client.get(
        URL, {"objectinformatieobjecten_object": "geen url", "objectinformatieobjecten_objectType": "dossier"}
    )
    assert invalid_params(response) == {
        "objectinformatieobjectenObject": "invalid", "objectinformatieobjectenObjectType": "invalid_choice",
    }
    assert response["Content-Type"] == "application/problem+json"


def test_trefwoorden_comma_separated_all_must_match(documenten_client, informatieobjecttype):
    both = documenten_client.post(URL, body(informatieobjecttype, trefwoorden=["bouw", "vergunning"]), format="json")
    documenten_client.post(URL, body(informatieobjecttype, trefwoorden=["bouw"]), format="json")
    assert urls(documenten_client.get(URL, {"trefwoorden": "bouw,vergunning"})) == {both.json()["url"]}
    assert len(urls(documenten_client.get(URL, {"trefwoorden": "bouw"}))) == 2


def test_zoek_by_uuids_identificatie_and_bronorganisatie(documenten_client, documents):
    uuids = [url.rsplit("/", 1)[1] for url in documents.values()]
    found = documenten_client.post(f"{URL}/_zoek", {"uuid__in": uuids, "identificatie": "LOS"}, format="json")
    assert urls(found) == {documents["los"]}
    other = documenten_client.post(f"{URL}/_zoek", {"uuid__in": uuids, "bronorganisatie": "111111111"}, format="json")
    assert urls(other) == set()
    assert len(urls(documenten_client.post(f"{URL}/_zoek", {"uuid__in": uuids, "bronorganisatie": "000000000"}, format="json"))) == 3


def test_zoek_still_takes_the_body_of_a_1_5_client(documenten_client, documents):
    uuid = documents["in_zaak"].rsplit("/", 1)[1]
    assert urls(documenten_client.post(f"{URL}/_zoek", {"uuid_In": [uuid]}, format="json")) == {documents["in_zaak"]}


def test_zoek_needs_uuids(documenten_client, documents):
    assert invalid_params(documenten_client.post(f"{URL}/_zoek", {"identificatie": "LOS"}, format="json")) == {
        "uuid__in": "required"
    }
    not_uuid = invalid_params(documenten_client.post(f"{URL}/_zoek", {"uuid__in": ["geen-uuid"]}, format="json"))
    assert [(name.startswith("uuid__in"), code) for name, code in not_uuid.items()] == [(True, "invalid")]
