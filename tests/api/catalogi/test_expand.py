"""`expand` on every Catalogi GET (Catalogi 1.3.3 `…Embedded`): links to any depth, `{}` for an empty link."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vng_api_common.utils import underscore_to_camel

from api.common.expand import RESOURCES
from tests.api.catalogi.test_response_schemas import COLLECTIONS, MODELS, WITHOUT_STATUS, Recorder, build_catalogus
from tests.conftest import invalid_params
from tests.fixtures.catalogi import API, client_with_scopes, zaaktype_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaaktype(catalogus, create) -> dict:
    zaaktype = create("zaaktypen", zaaktype_body(catalogus))
    for volgnummer in (1, 2):
        create("statustypen", {"zaaktype": zaaktype["url"], "omschrijving": f"s{volgnummer}", "volgnummer": volgnummer})
    return zaaktype


def test_every_catalogi_get_accepts_expand(catalogi_client, catalogus, zaaktype):
    collections = {
        "catalogussen": "zaaktypen", "zaaktypen": "catalogus", "statustypen": "zaaktype.catalogus",
        "roltypen": "zaaktype", "resultaattypen": "zaaktype", "eigenschappen": "statustype",
        "informatieobjecttypen": "catalogus", "besluittypen": "zaaktypen",
        "zaaktype-informatieobjecttypen": "informatieobjecttype", "zaakobjecttypen": "zaaktype",
    }
    for collection, expand in collections.items():
        response = catalogi_client.get(f"{API}/{collection}", {"expand": expand})
        assert response.status_code == 200, (collection, response.content)
    detail = catalogi_client.get(zaaktype["url"], {"expand": "catalogus,statustypen.zaaktype"}).json()
    assert detail["_expand"]["catalogus"]["url"] == catalogus
    statustypen = detail["_expand"]["statustypen"]
    assert sorted(s["omschrijving"] for s in statustypen) == ["s1", "s2"]
    assert all(s["_expand"]["zaaktype"]["url"] == zaaktype["url"] for s in statustypen)


def test_empty_link_expands_to_an_empty_object(catalogi_client, zaaktype, create):
    eigenschap = create("eigenschappen", {
        "naam": "kleur", "definitie": "De kleur", "zaaktype": zaaktype["url"],
        "specificatie": {"formaat": "tekst", "lengte": "10", "kardinaliteit": "1"},
    })
    expanded = catalogi_client.get(eigenschap["url"], {"expand": "statustype,zaaktype"}).json()["_expand"]
    assert expanded["statustype"] == {} and expanded["zaaktype"]["url"] == zaaktype["url"]


def test_gerelateerde_zaaktypen_expand_by_their_zaaktype_url(catalogi_client, catalogus, zaaktype, create):
    other = create("zaaktypen", zaaktype_body(catalogus, identificatie="ZT-2", gerelateerdeZaaktypen=[
        {"zaaktype": zaaktype["url"], "aardRelatie": "bijdrage", "toelichting": ""}
    ]))
    expanded = catalogi_client.get(other["url"], {"expand": "gerelateerdeZaaktypen"}).json()["_expand"]
    assert [z["url"] for z in expanded["gerelateerdeZaaktypen"]] == [zaaktype["url"]]


def test_unknown_names_are_not_found_and_malformed_ones_bad(catalogi_client, zaaktype):
    assert catalogi_client.get(zaaktype["url"], {"expand": "catalogus.nergens"}).status_code == 404
    assert catalogi_client.get(f"{API}/zaaktypen", {"expand": "nergens"}).status_code == 404
    assert invalid_params(catalogi_client.get(zaaktype["url"], {"expand": "catalogus."})) == {"expand": "invalid-expand"}


def test_expand_needs_the_read_scope_of_the_expanded_object(make_applicatie, zaaktype):
    """The expanded object is authorised as its own GET: catalogi.lezen on the ztc component."""
    client = client_with_scopes(make_applicatie, "ztc-lezer", ["catalogi.lezen"])
    assert client.get(zaaktype["url"], {"expand": "catalogus"}).json()["_expand"]["catalogus"]
    writer = client_with_scopes(make_applicatie, "zrc-lezer", ["zaken.lezen"])
    # ztc-014: zaken.lezen reads zaaktypen, but a catalogus needs catalogi.lezen.
    response = writer.get(zaaktype["url"], {"expand": "catalogus"})
    assert response.status_code == 200 and response.json()["_expand"] == {}


def test_expand_on_a_list_costs_the_same_queries_for_one_item_or_many(catalogi_client, catalogus, create):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = catalogi_client.get(f"{API}/zaaktypen", {"status": "alles", "expand": "catalogus,statustypen.zaaktype"})
            assert response.status_code == 200
        return len(captured.captured_queries)

    def add(number: int) -> None:
        zaaktype = create("zaaktypen", zaaktype_body(catalogus, identificatie=f"ZT-{number}"))
        create("statustypen", {"zaaktype": zaaktype["url"], "omschrijving": "s", "volgnummer": 1})

    add(1)
    one = queries()
    for number in (2, 3, 4):
        add(number)
    assert queries() == one


def expanded_objects(item: dict) -> int:
    """How many expanded objects an answer's item carries, at every depth, as the client receives them."""
    count = 0
    for value in item.get("_expand", {}).values():
        for obj in value if isinstance(value, list) else [value] if value else []:
            count += 1 + expanded_objects(obj)
    return count


def test_the_object_cap_counts_every_object_the_answer_carries(catalogi_client, catalogus, create, settings):
    # Three zaaktypen of one catalogus load four distinct objects, but each level multiplies
    # what the answer carries: 3 + 9 + 9 + 27 expanded objects.
    for number in (1, 2, 3):
        create("zaaktypen", zaaktype_body(catalogus, identificatie=f"ZT-{number}"))
    params = {"status": "alles", "expand": "catalogus.zaaktypen.catalogus.zaaktypen"}
    answer = catalogi_client.get(f"{API}/zaaktypen", params).json()
    assert sum(expanded_objects(item) for item in answer["results"]) == 48
    settings.EXPAND_MAX_OBJECTS = 47
    assert invalid_params(catalogi_client.get(f"{API}/zaaktypen", params)) == {"expand": "expand-too-large"}
    settings.EXPAND_MAX_OBJECTS = 48
    assert catalogi_client.get(f"{API}/zaaktypen", params).status_code == 200


def test_expand_names_are_the_attributes_as_rendered(catalogi_client, zaaktype):
    # drc-013 / zrc-027: only an attribute of the resource, spelt as the resource spells it.
    assert catalogi_client.get(zaaktype["url"], {"expand": "gerelateerdeZaaktypen"}).status_code == 200
    for expand in ("gerelateerde_zaaktypen", "CATALOGUS", "Catalogus", "statustypen.ZAAKTYPE"):
        response = catalogi_client.get(zaaktype["url"], {"expand": expand})
        assert response.status_code == 404 and response.json()["code"] == "invalid-expand", expand


def test_an_unknown_name_is_quoted_short_in_the_problem(catalogi_client, zaaktype):
    response = catalogi_client.get(zaaktype["url"], {"expand": "x" * 100_000})
    assert response.status_code == 404 and len(response.content) < 1_000


def test_expand_given_twice_expands_both(catalogi_client, zaaktype, catalogus):
    expanded = catalogi_client.get(f"{zaaktype['url']}?expand=catalogus&expand=statustypen").json()["_expand"]
    assert expanded["catalogus"]["url"] == catalogus and len(expanded["statustypen"]) == 2


def test_a_link_that_is_no_url_is_not_expanded(catalogi_client, catalogus):
    # gerelateerdeZaaktypen[].zaaktype holds free text (an identificatie) too; one that merely
    # starts like a URL is no error of ours.
    created = catalogi_client.post(f"{API}/zaaktypen", zaaktype_body(catalogus, identificatie="ZT-2", gerelateerdeZaaktypen=[
        {"zaaktype": "http://[kapot", "aardRelatie": "vervolg", "toelichting": ""}
    ]), format="json")
    assert created.status_code == 201, created.content
    expanded = catalogi_client.get(created.json()["url"], {"expand": "gerelateerdeZaaktypen"})
    assert expanded.status_code == 200 and expanded.json()["_expand"] == {"gerelateerdeZaaktypen": []}


def test_every_link_two_levels_deep_costs_the_same_for_one_catalogus_or_two(catalogi_client, catalogus):
    """Each collection with every link and every link of its target (to-many of to-many too)."""

    def queries() -> dict[tuple[str, int], int]:
        counts = {}
        for collection, model in zip(COLLECTIONS, MODELS):
            links = RESOURCES[f"catalogi.{model}"].links
            paths = [f"{name}.{deeper}" for name, link in links.items() for deeper in RESOURCES[link.target].links]
            for start in range(0, len(paths), 20):  # EXPAND_MAX_PATHS
                params = {"expand": ",".join(underscore_to_camel(path) for path in paths[start:start + 20])}
                if collection not in WITHOUT_STATUS:
                    params["status"] = "alles"
                with CaptureQueriesContext(connection) as captured:
                    assert catalogi_client.get(f"{API}/{collection}", params).status_code == 200
                counts[collection, start] = len(captured.captured_queries)
        return counts

    build_catalogus(Recorder(catalogi_client), catalogus)
    one = queries()
    catalogi_client.patch(catalogus, {"domein": "EEN"}, format="json")
    other = catalogi_client.post(f"{API}/catalogussen", {
        "domein": "TWEE", "rsin": "000000000", "contactpersoonBeheerNaam": "Beheer",
    }, format="json").json()
    build_catalogus(Recorder(catalogi_client), other["url"])
    assert queries() == one
