"""A page of a Catalogi list costs the same number of queries however many items it holds."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.fixtures.catalogi import API, besluittype_body, resultaattype_body, zaaktype_body

pytestmark = pytest.mark.django_db


def add_zaaktype(create, catalogus: str, number: int) -> None:
    zaaktype = create("zaaktypen", zaaktype_body(
        catalogus,
        identificatie=f"ZT-{number}",
        besluittypen=["Vergunningsbesluit"],
        gerelateerdeZaaktypen=[{"zaaktype": "ZT-0", "aardRelatie": "bijdrage", "toelichting": ""}],
    ))
    for volgnummer in (1, 2):
        create("statustypen", {"zaaktype": zaaktype["url"], "omschrijving": f"s{volgnummer}", "volgnummer": volgnummer})
    create("resultaattypen", resultaattype_body(zaaktype["url"]))


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, {} if path.endswith("catalogussen") else {"status": "alles"})
        assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("collection", ["zaaktypen", "statustypen", "resultaattypen", "besluittypen", "catalogussen"])
def test_list_queries_do_not_grow_with_the_page(catalogus, create, catalogi_client, collection):
    create("besluittypen", besluittype_body(catalogus))
    add_zaaktype(create, catalogus, 1)
    one = queries_for(catalogi_client, f"{API}/{collection}")
    for number in (2, 3, 4):
        add_zaaktype(create, catalogus, number)
    assert queries_for(catalogi_client, f"{API}/{collection}") == one
