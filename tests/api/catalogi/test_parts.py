"""Types of a zaaktype (statustypen, roltypen, eigenschappen, zaaktype-informatieobjecttypen): ztc-010."""
import pytest

from tests.conftest import invalid_params
from tests.fixtures.catalogi import API, client_with_scopes, informatieobjecttype_body, zaaktype_body

pytestmark = pytest.mark.django_db



@pytest.fixture
def zaaktype(catalogus, create) -> dict:
    return create("zaaktypen", zaaktype_body(catalogus))


def statustype_body(zaaktype_url: str, **overrides) -> dict:
    return {"zaaktype": zaaktype_url, "omschrijving": "Ontvangen", "volgnummer": 1, **overrides}


def eigenschap_body(zaaktype_url: str, **specificatie) -> dict:
    return {
        "zaaktype": zaaktype_url,
        "naam": "kenteken",
        "definitie": "Het kenteken",
        "specificatie": {"formaat": "tekst", "lengte": "8", "kardinaliteit": "1", **specificatie},
    }


def test_last_statustype_is_the_eindstatus(zaaktype, create):
    first = create("statustypen", statustype_body(zaaktype["url"]))
    last = create("statustypen", statustype_body(zaaktype["url"], omschrijving="Afgerond", volgnummer=2))
    assert last["isEindstatus"] is True
    assert last["catalogus"] == zaaktype["catalogus"]
    assert last["zaaktypeIdentificatie"] == "ZT-1"
    assert first["url"] != last["url"]


def test_parts_of_a_published_zaaktype_are_frozen(zaaktype, create, publish, catalogi_client):
    statustype = create("statustypen", statustype_body(zaaktype["url"]))
    publish(zaaktype["url"])
    added = catalogi_client.post(f"{API}/statustypen", statustype_body(zaaktype["url"], volgnummer=2), format="json")
    assert invalid_params(added) == {"nonFieldErrors": "non-concept-zaaktype"}
    changed = catalogi_client.patch(statustype["url"], {"omschrijving": "anders"}, format="json")
    assert invalid_params(changed) == {"nonFieldErrors": "non-concept-zaaktype"}
    assert invalid_params(catalogi_client.delete(statustype["url"])) == {"nonFieldErrors": "non-concept-zaaktype"}


def test_forced_write_may_add_to_a_published_zaaktype(zaaktype, publish, make_applicatie):
    publish(zaaktype["url"])
    forced = client_with_scopes(make_applicatie, "forced-writer", ["catalogi.geforceerd-schrijven"])
    response = forced.post(f"{API}/roltypen", {
        "zaaktype": zaaktype["url"], "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator",
    }, format="json")
    assert response.status_code == 201, response.content


def test_roltype_catalogus_must_be_that_of_its_zaaktype(zaaktype, catalogi_client, create):
    other = catalogi_client.post(
        f"{API}/catalogussen", {"domein": "ANDER", "rsin": "000000001", "contactpersoonBeheerNaam": "B"}, format="json"
    ).json()["url"]
    body = {"zaaktype": zaaktype["url"], "omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"}
    wrong = catalogi_client.post(f"{API}/roltypen", {**body, "catalogus": other}, format="json")
    assert invalid_params(wrong) == {"catalogus": "relations-incorrect-catalogus"}
    assert create("roltypen", {**body, "catalogus": zaaktype["catalogus"]})["catalogus"] == zaaktype["catalogus"]


def test_zaaktype_informatieobjecttype_by_omschrijving(zaaktype, catalogus, create, catalogi_client):
    informatieobjecttype = create("informatieobjecttypen", informatieobjecttype_body(catalogus))
    relation = create("zaaktype-informatieobjecttypen", {
        "zaaktype": zaaktype["url"], "informatieobjecttype": "Aanvraagformulier", "volgnummer": 1, "richting": "inkomend",
    })
    assert relation["informatieobjecttype"] == informatieobjecttype["url"]
    assert catalogi_client.get(zaaktype["url"]).json()["informatieobjecttypen"] == [informatieobjecttype["url"]]
    unknown = catalogi_client.post(f"{API}/zaaktype-informatieobjecttypen", {
        "zaaktype": zaaktype["url"], "informatieobjecttype": "Onbekend", "volgnummer": 2, "richting": "inkomend",
    }, format="json")
    assert invalid_params(unknown) == {"informatieobjecttype": "does_not_exist"}


def test_relation_needs_one_concept_end(zaaktype, catalogus, create, publish, catalogi_client):
    informatieobjecttype = publish(create("informatieobjecttypen", informatieobjecttype_body(catalogus))["url"])
    relation = create("zaaktype-informatieobjecttypen", {
        "zaaktype": zaaktype["url"], "informatieobjecttype": informatieobjecttype["url"],
        "volgnummer": 1, "richting": "inkomend",
    })
    publish(zaaktype["url"])
    assert invalid_params(catalogi_client.delete(relation["url"])) == {"nonFieldErrors": "non-concept-relation"}


@pytest.mark.parametrize(
    ("specificatie", "field"),
    [
        ({"formaat": "getal", "lengte": "veel"}, "specificatie.lengte"),
        ({"kardinaliteit": "0"}, "specificatie.kardinaliteit"),
        ({"kardinaliteit": "x"}, "specificatie.kardinaliteit"),
        ({"formaat": "tekst", "lengte": "3,2"}, "specificatie.lengte"),
    ],
)
def test_eigenschap_specificatie_is_validated(zaaktype, catalogi_client, specificatie, field):
    response = catalogi_client.post(f"{API}/eigenschappen", eigenschap_body(zaaktype["url"], **specificatie), format="json")
    assert field in invalid_params(response)


@pytest.mark.parametrize(
    "specificatie",
    [{}, {"formaat": "getal", "lengte": "5,2"}, {"kardinaliteit": "N"}, {"kardinaliteit": "12"}, {"formaat": "datum"}],
)
def test_valid_eigenschap_specificaties_are_accepted(zaaktype, create, specificatie):
    created = create("eigenschappen", eigenschap_body(zaaktype["url"], **specificatie))
    assert created["specificatie"]["formaat"] == specificatie.get("formaat", "tekst")


def test_statustype_names_eigenschappen_of_its_own_zaaktype(zaaktype, catalogus, create, catalogi_client):
    eigenschap = create("eigenschappen", eigenschap_body(zaaktype["url"]))
    statustype = create("statustypen", statustype_body(zaaktype["url"], eigenschappen=[eigenschap["url"]]))
    assert statustype["eigenschappen"] == [eigenschap["url"]]
    assert catalogi_client.get(eigenschap["url"]).json()["statustype"] == statustype["url"]
    other = create("zaaktypen", zaaktype_body(catalogus, identificatie="ZT-2"))
    wrong = catalogi_client.post(
        f"{API}/statustypen", statustype_body(other["url"], eigenschappen=[eigenschap["url"]]), format="json"
    )
    assert invalid_params(wrong) == {"eigenschappen": "relations-incorrect-zaaktype"}


def zaakobjecttype_body(zaaktype: dict, catalogus: str, **overrides) -> dict:
    return {
        "zaaktype": zaaktype["url"], "catalogus": catalogus, "anderObjecttype": False,
        "objecttype": "https://example.com/objecttypen/1", "relatieOmschrijving": "Het voertuig", **overrides,
    }


def test_zaakobjecttype_without_begin_geldigheid_takes_the_zaaktypes(zaaktype, catalogus, create):
    zaakobjecttype = create("zaakobjecttypen", zaakobjecttype_body(zaaktype, catalogus))
    assert zaakobjecttype["beginGeldigheid"] == zaaktype["beginGeldigheid"]
    given = create("zaakobjecttypen", zaakobjecttype_body(zaaktype, catalogus, beginGeldigheid="2024-02-01"))
    assert given["beginGeldigheid"] == "2024-02-01"


def test_zaakobjecttype_names_its_resultaattypen_and_statustypen_as_in_1_3_1(zaaktype, catalogus, create):
    statustype = create("statustypen", statustype_body(zaaktype["url"]))
    zaakobjecttype = create("zaakobjecttypen", zaakobjecttype_body(zaaktype, catalogus, statustypen=[statustype["url"]]))
    assert zaakobjecttype["statustypen"] == [statustype["url"]]
    assert zaakobjecttype["resultaattypeOmschrijving"] == []
