"""Resultaattypen against the selectielijst (ztc-002..008)."""
import pytest

from tests.conftest import invalid_params
from tests.fixtures.catalogi import API, RESULTAAT_OTHER_PROCESTYPE, resultaattype_body, zaaktype_body

pytestmark = pytest.mark.django_db



@pytest.fixture
def zaaktype_url(catalogus, create) -> str:
    return create("zaaktypen", zaaktype_body(catalogus))["url"]


def post(client, body):
    return client.post(f"{API}/resultaattypen", body, format="json")


def test_selectielijst_derives_archiving_and_omschrijving_generiek(zaaktype_url, create):
    resultaattype = create("resultaattypen", resultaattype_body(zaaktype_url))
    assert resultaattype["omschrijvingGeneriek"] == "Afgewezen"
    # The selectielijstklasse's waardering and bewaartermijn, as none were given.
    assert resultaattype["archiefnominatie"] == "vernietigen"
    assert resultaattype["archiefactietermijn"] == "P10Y"


def test_given_archiefactietermijn_is_kept(zaaktype_url, create):
    resultaattype = create("resultaattypen", resultaattype_body(zaaktype_url, archiefactietermijn="P3Y"))
    assert resultaattype["archiefactietermijn"] == "P3Y"


def test_selectielijstklasse_of_another_procestype_is_refused(zaaktype_url, catalogi_client):
    body = resultaattype_body(
        zaaktype_url,
        selectielijstklasse=RESULTAAT_OTHER_PROCESTYPE,
        brondatumArchiefprocedure={"afleidingswijze": "ander_datumkenmerk", "datumkenmerk": "d", "objecttype": "pand", "registratie": "BAG"},
    )
    assert invalid_params(post(catalogi_client, body)) == {"nonFieldErrors": "procestype-mismatch"}


def test_afleidingswijze_must_fit_a_nihil_procestermijn(zaaktype_url, catalogi_client):
    body = resultaattype_body(zaaktype_url, brondatumArchiefprocedure={"afleidingswijze": "hoofdzaak"})
    assert invalid_params(post(catalogi_client, body)) == {"nonFieldErrors": "invalid-afleidingswijze-for-procestermijn"}


@pytest.mark.parametrize(
    ("brondatum", "field", "code"),
    [
        ({"afleidingswijze": "afgehandeld", "datumkenmerk": "x"}, "brondatumArchiefprocedure.datumkenmerk", "must-be-empty"),
        ({"afleidingswijze": "afgehandeld", "einddatumBekend": True}, "brondatumArchiefprocedure.einddatumBekend", "must-be-empty"),
        ({"afleidingswijze": "eigenschap"}, "brondatumArchiefprocedure.datumkenmerk", "required"),
        ({"afleidingswijze": "termijn"}, "brondatumArchiefprocedure.procestermijn", "required"),
    ],
)
def test_brondatum_fields_follow_the_afleidingswijze(zaaktype_url, catalogi_client, brondatum, field, code):
    response = post(catalogi_client, resultaattype_body(zaaktype_url, brondatumArchiefprocedure=brondatum))
    assert invalid_params(response)[field] == code


def test_resultaattypeomschrijving_must_be_one(zaaktype_url, catalogi_client):
    body = resultaattype_body(zaaktype_url, resultaattypeomschrijving="http://localhost/referentielijsten/api/v1/resultaten/x")
    assert invalid_params(post(catalogi_client, body)) == {"resultaattypeomschrijving": "invalid-resource"}


def test_snake_case_filters_of_the_standard_are_accepted(zaaktype_url, create, catalogi_client):
    create("resultaattypen", resultaattype_body(zaaktype_url))
    for params in ({"zaaktype_identificatie": "ZT-1"}, {"zaaktypeIdentificatie": "ZT-1"}):
        response = catalogi_client.get(f"{API}/resultaattypen", {**params, "status": "alles"})
        assert response.status_code == 200
        assert response.json()["count"] == 1
    assert catalogi_client.get(f"{API}/resultaattypen", {"zaaktype_identificatie": "ZT-9", "status": "alles"}).json()["count"] == 0


def test_datum_geldigheid_filters_in_both_spellings(zaaktype_url, create, catalogi_client):
    create("resultaattypen", resultaattype_body(zaaktype_url, beginGeldigheid="2024-01-01", eindeGeldigheid="2024-06-30"))
    for name in ("datumGeldigheid", "datum_geldigheid"):
        def count(datum: str) -> int:
            response = catalogi_client.get(f"{API}/resultaattypen", {name: datum, "status": "alles"})
            assert response.status_code == 200, response.content
            return response.json()["count"]

        assert (count("2024-03-01"), count("2024-07-01")) == (1, 0)


@pytest.mark.parametrize(("params", "name", "code"), [
    ({"datumGeldigheid": "gisteren"}, "datumGeldigheid", "invalid"),
    ({"datum_geldigheid": "2024-13-01"}, "datumGeldigheid", "invalid"),
    ({"status": "gepubliceerd"}, "status", "invalid_choice"),
    ({"zaaktype": "geen url"}, "zaaktype", "invalid"),
])
def test_bad_filter_values_are_refused(catalogi_client, params, name, code):
    assert invalid_params(catalogi_client.get(f"{API}/resultaattypen", params)) == {name: code}
