"""The Autorisaties API's operations and rules, with real requests."""
import pytest

from api.common.autorisaties import Applicatie
from api.common.models import OutboxNotification
from tests.conftest import invalid_params

URL = "/autorisaties/api/v1/applicaties"
ZAAKTYPE = "https://catalogi.example.nl/catalogi/api/v1/zaaktypen/0b0a2d66-2f5d-4bd8-9f0a-6c0f34d5c3c2"


def zrc_autorisatie(**overrides) -> dict:
    return {
        "component": "zrc",
        "scopes": ["zaken.lezen"],
        "zaaktype": ZAAKTYPE,
        "maxVertrouwelijkheidaanduiding": "openbaar",
        **overrides,
    }


def create(client, **body):
    return client.post(URL, data={"clientIds": ["app"], "label": "App", **body}, format="json")



@pytest.mark.django_db
def test_create_with_autorisaties_notifies(superuser_client):
    response = create(superuser_client, autorisaties=[zrc_autorisatie()])
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["heeftAlleAutorisaties"] is False
    assert body["autorisaties"][0]["zaaktype"] == ZAAKTYPE
    notification = OutboxNotification.objects.get()
    assert (notification.kanaal, notification.actie, notification.resource_url) == ("autorisaties", "create", body["url"])


@pytest.mark.django_db
def test_heeft_alle_autorisaties_with_autorisaties_is_refused(superuser_client):
    response = create(superuser_client, heeftAlleAutorisaties=True, autorisaties=[zrc_autorisatie()])
    assert "nonFieldErrors" in invalid_params(response)
    assert not Applicatie.objects.filter(label="App").exists()
    assert not OutboxNotification.objects.exists()


@pytest.mark.django_db
def test_neither_heeft_alle_autorisaties_nor_autorisaties_is_refused(superuser_client):
    assert "nonFieldErrors" in invalid_params(create(superuser_client, heeftAlleAutorisaties=False))


@pytest.mark.django_db
def test_zaken_scope_needs_zaaktype_and_max_vertrouwelijkheid(superuser_client):
    autorisatie = zrc_autorisatie(zaaktype="", maxVertrouwelijkheidaanduiding="")
    names = invalid_params(create(superuser_client, autorisaties=[autorisatie]))
    assert any("zaaktype" in name for name in names), names


@pytest.mark.django_db
def test_client_id_of_another_applicatie_is_refused(superuser_client):
    response = create(superuser_client, clientIds=["superclient"], heeftAlleAutorisaties=True)
    assert "clientIds" in invalid_params(response)


@pytest.mark.django_db
def test_patch_replaces_the_autorisaties_and_notifies(superuser_client):
    url = create(superuser_client, autorisaties=[zrc_autorisatie()]).json()["url"]
    new = zrc_autorisatie(scopes=["zaken.aanmaken"], maxVertrouwelijkheidaanduiding="geheim")
    response = superuser_client.patch(url, data={"autorisaties": [new]}, format="json")
    assert response.status_code == 200, response.content
    assert [a["scopes"] for a in response.json()["autorisaties"]] == [["zaken.aanmaken"]]
    assert list(OutboxNotification.objects.order_by("pk").values_list("actie", flat=True)) == ["create", "partial_update"]


@pytest.mark.django_db
def test_delete_removes_and_notifies(superuser_client):
    url = create(superuser_client, heeftAlleAutorisaties=True).json()["url"]
    assert superuser_client.delete(url).status_code == 204
    assert superuser_client.get(url).status_code == 404
    assert OutboxNotification.objects.filter(actie="destroy", resource_url=url).exists()


@pytest.mark.django_db
def test_list_filters_by_client_ids(superuser_client):
    create(superuser_client, heeftAlleAutorisaties=True)
    body = superuser_client.get(URL, {"clientIds": "app"}).json()
    assert body["count"] == 1
    assert body["results"][0]["clientIds"] == ["app"]
    assert {"count", "next", "previous", "results"} == body.keys()


@pytest.mark.django_db
def test_consumer_answers_the_one_applicatie_of_a_client_id(superuser_client):
    created = create(superuser_client, clientIds=["app", "app-2"], heeftAlleAutorisaties=True).json()
    response = superuser_client.get(f"{URL}/consumer", {"clientId": "app-2"})
    assert response.status_code == 200
    assert response.json() == created


@pytest.mark.django_db
def test_consumer_of_an_unknown_client_id_is_a_404_problem(superuser_client):
    response = superuser_client.get(f"{URL}/consumer", {"clientId": "nobody"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


@pytest.mark.django_db
@pytest.mark.parametrize("params, name", [({}, "clientId"), ({"clientId": " "}, "clientId"), ({"clientId": "app", "x": "1"}, "nonFieldErrors")])
def test_consumer_without_a_client_id_or_with_unknown_parameters_is_a_400(superuser_client, params, name):
    assert name in invalid_params(superuser_client.get(f"{URL}/consumer", params))
