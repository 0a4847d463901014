"""The keys of related types in Catalogi 1.3.3 responses, and which versions they name."""
from datetime import date, timedelta

import pytest

from api.catalogi import services
from tests.api.catalogi.conftest import make_besluittype, publish, url_for
from tests.fixtures.catalogi import API

pytestmark = pytest.mark.django_db


def get(client, collection: str, obj, **params) -> dict:
    response = client.get(f"{API}/{collection}/{obj.uuid}", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_zaaktype_names_its_types_by_key(full_catalogus, catalogi_client):
    zaaktype = get(catalogi_client, "zaaktypen", full_catalogus.zaaktype)
    assert zaaktype["besluittypeOmschrijving"] == ["Vergunningsbesluit"]
    assert zaaktype["informatieobjecttypeOmschrijving"] == ["Aanvraagformulier"]
    assert zaaktype["deelzaaktypeIdentificaties"] == ["DEEL-1"]
    assert [(r["zaaktype"].startswith(API), r["zaaktypeIdentificatie"]) for r in zaaktype["gerelateerdeZaaktypen"]] == [
        (True, "DEEL-1"), (False, "ZT-9"),
    ]


def test_besluittype_and_informatieobjecttype_name_their_types_by_key(full_catalogus, catalogi_client):
    besluittype = get(catalogi_client, "besluittypen", full_catalogus.besluittype)
    assert besluittype["zaaktypeIdentificaties"] == ["ZT-1"]
    assert besluittype["informatieobjecttypeOmschrijvingen"] == ["Besluitdocument"]
    formulier = get(catalogi_client, "informatieobjecttypen", full_catalogus.formulier)
    assert formulier["zaaktypeIdentificaties"] == ["ZT-1"]
    besluitdocument = get(catalogi_client, "informatieobjecttypen", full_catalogus.besluitdocument)
    assert besluitdocument["besluittypeOmschrijving"] == ["Vergunningsbesluit"]


def test_catalogus_and_zaakobjecttype_name_all_their_types(full_catalogus, catalogi_client):
    make_besluittype(full_catalogus.catalogus, "Nog een concept")
    catalogus = get(catalogi_client, "catalogussen", full_catalogus.catalogus)
    assert sorted(catalogus["besluittypeOmschrijving"]) == ["Nog een concept", "Vergunningsbesluit"]
    assert sorted(catalogus["informatieobjecttypeOmschrijving"]) == ["Aanvraagformulier", "Besluitdocument"]
    zaakobjecttype = get(catalogi_client, "zaakobjecttypen", full_catalogus.zaaktype.zaakobjecttypen.get())
    assert zaakobjecttype["resultaattypeOmschrijving"] == ["Verleend"]


def test_concept_ended_and_future_versions_are_not_named(full_catalogus, catalogi_client):
    catalogus, zaaktype = full_catalogus.catalogus, full_catalogus.zaaktype
    today = date.today()
    concept = make_besluittype(catalogus, "Concept")
    ended = publish(make_besluittype(catalogus, "Verlopen", einde_geldigheid=today - timedelta(days=1)))
    ends_today = publish(make_besluittype(catalogus, "Eindigt vandaag", einde_geldigheid=today))
    future = publish(make_besluittype(catalogus, "Toekomst", begin_geldigheid=today + timedelta(days=10)))
    services.zaaktype_update(
        zaaktype=zaaktype, data={"besluittypen": [full_catalogus.besluittype, concept, ended, ends_today, future]},
        partial=True, force=True, url_for=url_for,
    )
    assert get(catalogi_client, "zaaktypen", zaaktype)["besluittypeOmschrijving"] == ["Vergunningsbesluit"]
    # The URLs stay as Catalogi 1.3.1 gives them: every related version.
    assert len(get(catalogi_client, "zaaktypen", zaaktype)["besluittypen"]) == 5


def test_datum_geldigheid_is_the_reference_date(full_catalogus, catalogi_client):
    catalogus, zaaktype = full_catalogus.catalogus, full_catalogus.zaaktype
    later = date.today() + timedelta(days=10)
    future = publish(make_besluittype(catalogus, "Toekomst", begin_geldigheid=later))
    services.zaaktype_update(
        zaaktype=zaaktype, data={"besluittypen": [full_catalogus.besluittype, future]},
        partial=True, force=True, url_for=url_for,
    )
    on_date = get(catalogi_client, "zaaktypen", zaaktype, datumGeldigheid=later.isoformat())
    assert on_date["besluittypeOmschrijving"] == ["Vergunningsbesluit", "Toekomst"]
    listed = catalogi_client.get(f"{API}/zaaktypen", {"datumGeldigheid": later.isoformat(), "identificatie": "ZT-1"})
    assert listed.json()["results"][0]["besluittypeOmschrijving"] == ["Vergunningsbesluit", "Toekomst"]
