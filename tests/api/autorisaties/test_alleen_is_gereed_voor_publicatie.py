"""Autorisaties 1.1 `alleenIsGereedVoorPublicatie` on applicaties: default, writes, and 1.0 clients."""
import pytest

from api.common.auth import ZGWAuth
from api.common.autorisaties import Applicatie, ApplicatieInstellingen
from api.common.models import OutboxNotification
from tests.conftest import invalid_params, make_token

URL = "/autorisaties/api/v1/applicaties"
FIELD = "alleenIsGereedVoorPublicatie"


def create(client, **body):
    return client.post(URL, data={"clientIds": ["app"], "label": "App", "heeftAlleAutorisaties": True, **body}, format="json")


@pytest.mark.django_db
def test_a_1_0_body_creates_an_applicatie_that_reads_everything(superuser_client):
    response = create(superuser_client)
    assert response.status_code == 201, response.content
    assert response.json()[FIELD] is False
    assert superuser_client.get(response.json()["url"]).json()[FIELD] is False


@pytest.mark.django_db
def test_the_flag_is_stored_and_shown_everywhere(superuser_client):
    created = create(superuser_client, **{FIELD: True}).json()
    assert created[FIELD] is True
    assert ApplicatieInstellingen.objects.get(applicatie__label="App").alleen_is_gereed_voor_publicatie is True
    assert superuser_client.get(created["url"]).json()[FIELD] is True
    listed = superuser_client.get(URL, {"clientIds": "app"}).json()["results"]
    assert [a[FIELD] for a in listed] == [True]
    assert superuser_client.get(f"{URL}/consumer", {"clientId": "app"}).json()[FIELD] is True


@pytest.mark.django_db
def test_patch_sets_and_clears_the_flag(superuser_client):
    url = create(superuser_client).json()["url"]
    assert superuser_client.patch(url, {FIELD: True}, format="json").json()[FIELD] is True
    assert superuser_client.get(url).json()[FIELD] is True
    assert superuser_client.patch(url, {FIELD: False}, format="json").json()[FIELD] is False
    assert superuser_client.get(url).json()[FIELD] is False


@pytest.mark.django_db
def test_a_1_0_client_rewriting_the_applicatie_keeps_the_flag(superuser_client):
    url = create(superuser_client, **{FIELD: True}).json()["url"]
    put = superuser_client.put(url, {"clientIds": ["app"], "label": "Nieuw", "heeftAlleAutorisaties": True}, format="json")
    assert put.status_code == 200, put.content
    assert put.json()[FIELD] is True
    assert superuser_client.patch(url, {"label": "Weer nieuw"}, format="json").json()[FIELD] is True


@pytest.mark.django_db
def test_an_applicatie_from_before_1_1_has_the_default(superuser_client):
    oud = Applicatie.objects.create(label="Oud", client_ids=["oud"], heeft_alle_autorisaties=True)
    assert superuser_client.get(f"{URL}/{oud.uuid}").json()[FIELD] is False


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["ja", 3, None, [True]])
def test_a_flag_that_is_not_a_boolean_is_refused_and_changes_nothing(superuser_client, value):
    url = create(superuser_client).json()["url"]
    before = OutboxNotification.objects.count()
    assert FIELD in invalid_params(superuser_client.patch(url, {FIELD: value, "label": "x"}, format="json"))
    assert FIELD in invalid_params(create(superuser_client, clientIds=["other"], **{FIELD: value}))
    assert superuser_client.get(url).json()["label"] == "App"
    assert not Applicatie.objects.filter(client_ids__contains=["other"]).exists()
    assert OutboxNotification.objects.count() == before


@pytest.mark.django_db
def test_the_flag_reaches_the_callers_auth_on_the_next_request(superuser_client, make_applicatie):
    applicatie = make_applicatie("lezer", "lezer-secret-0123456789abcdef0123", alle=True)
    url = superuser_client.get(f"{URL}/{applicatie.uuid}").json()["url"]
    token = make_token("lezer", "lezer-secret-0123456789abcdef0123")
    assert ZGWAuth(token, "drc").alleen_is_gereed_voor_publicatie is False
    superuser_client.patch(url, {FIELD: True}, format="json")
    assert ZGWAuth(token, "drc").alleen_is_gereed_voor_publicatie is True
    superuser_client.patch(url, {FIELD: False}, format="json")
    assert ZGWAuth(token, "drc").alleen_is_gereed_voor_publicatie is False
