"""A page of every Catalogi list costs the same number of queries however many items (and relations) it holds."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.fixtures.catalogi import API, besluittype_body, informatieobjecttype_body, resultaattype_body, zaaktype_body

pytestmark = pytest.mark.django_db


def add_zaaktype(create, catalogus: str, number: int) -> None:
    zaaktype = create("zaaktypen", zaaktype_body(
        catalogus,
        identificatie=f"ZT-{number}",
        besluittypen=["Vergunningsbesluit"],
        deelzaaktypen=["ZT-0"],
        gerelateerdeZaaktypen=[{"zaaktype": "ZT-0", "aardRelatie": "bijdrage", "toelichting": ""}],
    ))
    statustypen = [
        create("statustypen", {"zaaktype": zaaktype["url"], "omschrijving": f"s{volgnummer}", "volgnummer": volgnummer})
        for volgnummer in (1, 2)
    ]
    resultaattype = create("resultaattypen", resultaattype_body(zaaktype["url"]))
    create("roltypen", {"zaaktype": zaaktype["url"], "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"})
    create("eigenschappen", {
        "zaaktype": zaaktype["url"], "naam": "kenteken", "definitie": "Het kenteken",
        "specificatie": {"formaat": "tekst", "lengte": "8", "kardinaliteit": "1"},
    })
    create("zaaktype-informatieobjecttypen", {
        "zaaktype": zaaktype["url"], "informatieobjecttype": "Aanvraagformulier", "volgnummer": 1, "richting": "inkomend",
    })
    create("zaakobjecttypen", {
        "zaaktype": zaaktype["url"], "catalogus": catalogus, "anderObjecttype": False,
        "objecttype": "https://example.com/objecttypen/1", "relatieOmschrijving": "Het voertuig",
        "beginGeldigheid": "2024-01-01", "resultaattypen": [resultaattype["url"]],
        "statustypen": [statustype["url"] for statustype in statustypen],
    })


WITHOUT_STATUS = ("catalogussen", "zaakobjecttypen")


def queries_for(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, {} if path.endswith(WITHOUT_STATUS) else {"status": "alles"})
        assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("collection", [
    "zaaktypen", "statustypen", "resultaattypen", "roltypen", "eigenschappen", "zaaktype-informatieobjecttypen",
    "zaakobjecttypen", "informatieobjecttypen", "besluittypen", "catalogussen",
])
def test_list_queries_do_not_grow_with_the_page(catalogus, create, catalogi_client, collection):
    create("besluittypen", besluittype_body(catalogus))
    create("informatieobjecttypen", informatieobjecttype_body(catalogus))
    create("zaaktypen", zaaktype_body(catalogus, identificatie="ZT-0"))
    add_zaaktype(create, catalogus, 1)
    one = queries_for(catalogi_client, f"{API}/{collection}")
    for number in (2, 3, 4):
        add_zaaktype(create, catalogus, number)
        create("informatieobjecttypen", informatieobjecttype_body(catalogus, omschrijving=f"Document {number}"))
    assert queries_for(catalogi_client, f"{API}/{collection}") == one
