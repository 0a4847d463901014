"""Catalogi test data built through the services: a catalogus with a zaaktype that has one of every type.

`full_catalogus` builds a published zaaktype ZT-1 with statustypen, a
roltype, a resultaattype, an eigenschap, a zaaktype-informatieobjecttype, a
zaakobjecttype, a besluittype, two informatieobjecttypen, a deelzaaktype and
gerelateerde zaaktypen, so copies and round trips have every relation to keep.
"""
from datetime import date
from types import SimpleNamespace

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.urls import reverse

from api.catalogi import services
from api.catalogi import services_parts as parts
from api.catalogi.models import Catalogus
from tests.fixtures.catalogi import PROCESTYPE, RESULTAAT_NIHIL, RESULTAATTYPEOMSCHRIJVING

ZAAKTYPE_FIELDS = {
    "identificatie": "ZT-1",
    "omschrijving": "Aanvraag vergunning",
    "omschrijving_generiek": "Vergunning",
    "vertrouwelijkheidaanduiding": "openbaar",
    "doel": "Een vergunning verlenen",
    "aanleiding": "Een aanvraag",
    "toelichting": "Voor de test",
    "indicatie_intern_of_extern": "extern",
    "handeling_initiator": "aanvragen",
    "onderwerp": "Vergunning",
    "handeling_behandelaar": "behandelen",
    "doorlooptijd": relativedelta(days=30),
    "servicenorm": relativedelta(weeks=3),
    "opschorting_en_aanhouding_mogelijk": True,
    "verlenging_mogelijk": True,
    "verlengingstermijn": relativedelta(days=14),
    "trefwoorden": ["vergunning", "aanvraag"],
    "publicatie_indicatie": True,
    "publicatietekst": "Gepubliceerd",
    "verantwoordingsrelatie": ["college"],
    "producten_of_diensten": ["https://example.com/product/1"],
    "selectielijst_procestype": PROCESTYPE,
    "referentieproces_naam": "vergunning",
    "referentieproces_link": "https://example.com/proces",
    "verantwoordelijke": "Team vergunningen",
    "begin_geldigheid": date(2024, 1, 1),
    "versiedatum": date(2024, 1, 1),
}


def url_for(obj) -> str:
    return f"http://testserver{reverse(f'{obj._meta.model_name}-detail', kwargs={'uuid': obj.uuid})}"


def make_catalogus(domein: str = "TEST", rsin: str = "000000000") -> Catalogus:
    return services.catalogus_create(data={"domein": domein, "rsin": rsin, "contactpersoon_beheer_naam": "Beheer"})


def make_zaaktype(catalogus: Catalogus, **overrides):
    return services.zaaktype_create(data={**ZAAKTYPE_FIELDS, "catalogus": catalogus, **overrides}, url_for=url_for)


def make_informatieobjecttype(catalogus: Catalogus, omschrijving: str, **overrides):
    data = {
        "catalogus": catalogus,
        "omschrijving": omschrijving,
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "informatieobjectcategorie": "formulier",
        "trefwoord": ["aanvraag"],
        "begin_geldigheid": date(2024, 1, 1),
        **overrides,
    }
    return services.informatieobjecttype_create(data=data, url_for=url_for)


def make_besluittype(catalogus: Catalogus, omschrijving: str = "Vergunningsbesluit", **overrides):
    data = {
        "catalogus": catalogus,
        "omschrijving": omschrijving,
        "besluitcategorie": "vergunning",
        "reactietermijn": relativedelta(weeks=6),
        "publicatie_indicatie": False,
        "begin_geldigheid": date(2024, 1, 1),
        **overrides,
    }
    return services.besluittype_create(data=data, url_for=url_for)


def publish(obj):
    return getattr(services, f"{obj._meta.model_name}_publish")(**{obj._meta.model_name: obj}, url_for=url_for)


def build_full_catalogus() -> SimpleNamespace:
    catalogus = make_catalogus()
    formulier = publish(make_informatieobjecttype(catalogus, "Aanvraagformulier"))
    besluitdocument = publish(make_informatieobjecttype(catalogus, "Besluitdocument"))
    besluittype = publish(make_besluittype(catalogus, informatieobjecttypen=[besluitdocument]))
    deelzaaktype = publish(make_zaaktype(catalogus, identificatie="DEEL-1", omschrijving="Deelzaak"))
    zaaktype = make_zaaktype(
        catalogus,
        besluittypen=[besluittype],
        deelzaaktypen=[deelzaaktype],
        zaaktypenrelaties=[
            {"gerelateerd_zaaktype": "DEEL-1", "aard_relatie": "bijdrage", "toelichting": "deel"},
            {"gerelateerd_zaaktype": "ZT-9", "aard_relatie": "vervolg", "toelichting": "daarna"},
        ],
    )
    ontvangen = parts.statustype_create(data={
        "zaaktype": zaaktype, "omschrijving": "Ontvangen", "volgnummer": 1, "informeren": True,
        "statustekst": "We hebben uw aanvraag", "checklistitem_statustype": [
            {"itemnaam": "compleet", "vraagstelling": "Is de aanvraag compleet?", "verplicht": True, "toelichting": ""}
        ],
    }, force=False)
    afgerond = parts.statustype_create(data={
        "zaaktype": zaaktype, "omschrijving": "Afgerond", "volgnummer": 2, "doorlooptijd": relativedelta(days=30),
    }, force=False)
    parts.roltype_create(data={
        "zaaktype": zaaktype, "omschrijving": "Aanvrager", "omschrijving_generiek": "initiator",
    }, force=False)
    resultaattype = parts.resultaattype_create(data={
        "zaaktype": zaaktype, "omschrijving": "Verleend", "resultaattypeomschrijving": RESULTAATTYPEOMSCHRIJVING,
        "selectielijstklasse": RESULTAAT_NIHIL, "toelichting": "Vergunning verleend",
        "brondatum_archiefprocedure_afleidingswijze": "afgehandeld",
        "besluittypen": [besluittype], "informatieobjecttypen": [besluitdocument],
    }, force=False)
    parts.eigenschap_create(data={
        "zaaktype": zaaktype, "naam": "kenteken", "definitie": "Het kenteken", "statustype": ontvangen,
        "specificatie_formaat": "tekst", "specificatie_lengte": "8", "specificatie_kardinaliteit": "1",
        "specificatie_waardenverzameling": ["AB-12-CD", "XY-98-ZZ"],
    }, force=False)
    parts.zaaktypeinformatieobjecttype_create(data={
        "zaaktype": zaaktype, "informatieobjecttype": formulier, "volgnummer": 1, "richting": "inkomend",
        "statustype": ontvangen,
    }, force=False)
    parts.zaakobjecttype_create(data={
        "catalogus": catalogus, "zaaktype": zaaktype, "ander_objecttype": False,
        "objecttype": "https://example.com/objecttypen/1", "relatie_omschrijving": "Het voertuig",
        "begin_geldigheid": date(2024, 1, 1), "resultaattypen": [resultaattype], "statustypen": [afgerond],
    })
    publish(zaaktype)
    return SimpleNamespace(
        catalogus=catalogus, zaaktype=zaaktype, deelzaaktype=deelzaaktype, besluittype=besluittype,
        formulier=formulier, besluitdocument=besluitdocument,
    )


def fields(obj, *skip: str) -> dict:
    """The plain field values of `obj`, without identity and concept state."""
    return {
        field.name: getattr(obj, field.name)
        for field in obj._meta.concrete_fields
        if not field.is_relation and field.name not in {"id", "uuid", "concept", *skip}
    }


def snapshot(zaaktype, *skip: str) -> dict:
    """A zaaktype with all its types and relations, relations named by their keys (omschrijving, volgnummer, ...)."""
    def omschrijvingen(manager) -> list[str]:
        return sorted(obj.omschrijving for obj in manager.all())

    return {
        "zaaktype": fields(zaaktype, *skip),
        "besluittypen": [
            {**fields(b), "informatieobjecttypen": omschrijvingen(b.informatieobjecttypen)}
            for b in zaaktype.besluittypen.order_by("omschrijving")
        ],
        "deelzaaktypen": sorted(z.identificatie for z in zaaktype.deelzaaktypen.all()),
        "gerelateerde_zaaktypen": [fields(r) for r in zaaktype.zaaktypenrelaties.order_by("gerelateerd_zaaktype")],
        "statustypen": [
            {**fields(s), "zaakobjecttype": s.zaakobjecttype and s.zaakobjecttype.relatie_omschrijving}
            for s in zaaktype.statustypen.order_by("volgnummer")
        ],
        "roltypen": [fields(r) for r in zaaktype.roltypen.order_by("omschrijving")],
        "resultaattypen": [
            {
                **fields(r),
                "besluittypen": omschrijvingen(r.besluittypen),
                "informatieobjecttypen": omschrijvingen(r.informatieobjecttypen),
            }
            for r in zaaktype.resultaattypen.order_by("omschrijving")
        ],
        "eigenschappen": [
            {**fields(e), "statustype": e.statustype and e.statustype.volgnummer}
            for e in zaaktype.eigenschappen.order_by("naam")
        ],
        "informatieobjecttypen": [
            {
                **fields(ziot),
                "informatieobjecttype": fields(ziot.informatieobjecttype),
                "statustype": ziot.statustype and ziot.statustype.volgnummer,
            }
            for ziot in zaaktype.ziots.order_by("volgnummer")
        ],
        "zaakobjecttypen": [
            {
                **fields(z),
                "resultaattypen": omschrijvingen(z.resultaattypen),
                "statustypen": sorted(s.volgnummer for s in z.statustypen.all()),
            }
            for z in zaaktype.zaakobjecttypen.order_by("relatie_omschrijving")
        ],
    }


@pytest.fixture
def full_catalogus(db) -> SimpleNamespace:
    return build_full_catalogus()


@pytest.fixture
def admin_web(client, db, settings):
    """A browser session of a superuser in the admin (no second factor)."""
    settings.ADMIN_2FA = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = get_user_model().objects.create_superuser("catalogusbeheerder", "beheer@example.com", "wachtwoord-1234")
    client.force_login(user)
    return client
