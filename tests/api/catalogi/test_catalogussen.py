"""Catalogussen: PUT and PATCH (Catalogi 1.3.3) and the omschrijvingen of their types."""
import pytest

from api.catalogi.models import Catalogus
from api.common.models import OutboxNotification
from tests.conftest import invalid_params
from tests.fixtures.catalogi import API, client_with_scopes

pytestmark = pytest.mark.django_db

FULL = {
    "domein": "NIEUW",
    "rsin": "123456789",
    "contactpersoonBeheerNaam": "Nieuwe beheerder",
    "contactpersoonBeheerTelefoonnummer": "0201234567",
    "contactpersoonBeheerEmailadres": "beheer@example.com",
    "naam": "Zaaktypecatalogus",
    "versie": "2",
    "begindatumVersie": "2024-06-01",
}


def test_put_replaces_the_catalogus(catalogus, catalogi_client):
    response = catalogi_client.put(catalogus, FULL, format="json")
    assert response.status_code == 200, response.content
    assert {key: response.json()[key] for key in FULL} == FULL
    assert catalogi_client.get(catalogus).json()["domein"] == "NIEUW"


def test_put_without_optional_fields_clears_them_and_takes_null(catalogus, catalogi_client):
    catalogi_client.put(catalogus, FULL, format="json")
    body = {"domein": "TEST", "rsin": "000000000", "contactpersoonBeheerNaam": "Beheer", "naam": None, "versie": None,
            "begindatumVersie": None}
    response = catalogi_client.put(catalogus, body, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["naam"] == ""
    assert response.json()["begindatumVersie"] is None


def test_put_needs_the_required_fields(catalogus, catalogi_client):
    assert invalid_params(catalogi_client.put(catalogus, {"naam": "X"}, format="json")) == {
        "domein": "required", "rsin": "required", "contactpersoonBeheerNaam": "required",
    }


def test_patch_changes_only_what_it_names(catalogus, catalogi_client):
    response = catalogi_client.patch(catalogus, {"naam": "Nieuwe naam"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["naam"] == "Nieuwe naam"
    assert response.json()["domein"] == "TEST"


def test_patch_to_another_catalogus_domein_and_rsin_is_refused_and_changes_nothing(catalogus, catalogi_client):
    other = catalogi_client.post(
        f"{API}/catalogussen", {"domein": "ANDER", "rsin": "000000000", "contactpersoonBeheerNaam": "X"}, format="json"
    ).json()["url"]
    response = catalogi_client.patch(other, {"domein": "TEST", "naam": "botsing"}, format="json")
    assert invalid_params(response) == {"nonFieldErrors": "unique"}
    assert Catalogus.objects.get(domein="ANDER").naam == ""


def test_bad_values_are_refused(catalogus, catalogi_client):
    response = catalogi_client.patch(
        catalogus, {"rsin": "12", "contactpersoonBeheerEmailadres": "geen mail", "begindatumVersie": "gisteren"},
        format="json",
    )
    assert invalid_params(response) == {
        "rsin": "invalid-length", "contactpersoonBeheerEmailadres": "invalid", "begindatumVersie": "invalid",
    }
    assert catalogi_client.get(catalogus).json()["rsin"] == "000000000"


def test_read_only_lists_in_the_body_are_ignored(catalogus, catalogi_client):
    response = catalogi_client.patch(catalogus, {"zaaktypen": [f"{API}/zaaktypen/x"]}, format="json")
    assert response.status_code == 200
    assert response.json()["zaaktypen"] == []


def test_update_is_not_announced(catalogus, catalogi_client):
    before = OutboxNotification.objects.count()
    catalogi_client.patch(catalogus, {"naam": "stil"}, format="json")
    assert OutboxNotification.objects.count() == before


@pytest.mark.parametrize(("scopes", "status"), [
    (["catalogi.lezen"], 403),
    (["catalogi.schrijven"], 200),
    (["catalogi.geforceerd-schrijven"], 200),
])
def test_update_scopes(make_applicatie, catalogus, scopes, status):
    client = client_with_scopes(make_applicatie, "scoped", scopes)
    assert client.patch(catalogus, {"naam": "X"}, format="json").status_code == status
    assert client.put(catalogus, FULL, format="json").status_code == status

