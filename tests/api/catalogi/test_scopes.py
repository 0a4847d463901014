"""Catalogi scopes: catalogi.lezen reads, catalogi.schrijven writes, zaken.lezen reads zaaktypen only."""
import pytest

from tests.fixtures.catalogi import API, client_with_scopes, zaaktype_body

pytestmark = pytest.mark.django_db


def test_reader_cannot_write(make_applicatie, catalogus):
    reader = client_with_scopes(make_applicatie, "lezer", ["catalogi.lezen"])
    assert reader.get(f"{API}/catalogussen").status_code == 200
    response = reader.post(f"{API}/zaaktypen", zaaktype_body(catalogus), format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_zaken_reader_reads_zaaktypen_but_not_other_types(make_applicatie):
    zaken = client_with_scopes(make_applicatie, "zaken-lezer", ["zaken.lezen"], component="ztc")
    assert zaken.get(f"{API}/zaaktypen").status_code == 200
    assert zaken.get(f"{API}/statustypen").status_code == 403


def test_catalogi_scopes_of_another_component_do_not_count(make_applicatie):
    elsewhere = client_with_scopes(make_applicatie, "elders", ["catalogi.lezen"], component="zrc")
    assert elsewhere.get(f"{API}/catalogussen").status_code == 403


def test_catalogus_domein_and_rsin_are_unique_and_checked(catalogus, catalogi_client):
    again = catalogi_client.post(
        f"{API}/catalogussen", {"domein": "TEST", "rsin": "000000000", "contactpersoonBeheerNaam": "X"}, format="json"
    )
    assert again.status_code == 400
    short = catalogi_client.post(
        f"{API}/catalogussen", {"domein": "NEW", "rsin": "123", "contactpersoonBeheerNaam": "X"}, format="json"
    )
    assert {p["name"] for p in short.json()["invalidParams"]} == {"rsin"}
