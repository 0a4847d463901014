"""Writes to the parts of a zaaktype: only while the zaaktype is a concept (`non-concept-zaaktype`).

Statustypen, roltypen, eigenschappen and resultaattypen follow their
zaaktype; a zaaktype-informatieobjecttype needs one concept end; zaakobjecttypen
have no concept rule in the standard. Each write is one transaction.
"""
from django.db import transaction

from . import rules
from .models import (
    BesluitType,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakTypeInformatieObjectType,
)
from .selectielijst import resultaattype_derive
from .services import model_save

RESULTAATTYPE_SELECTIELIJST_FIELDS = (
    "resultaattypeomschrijving", "selectielijstklasse", "archiefnominatie", "archiefactietermijn",
    "brondatum_archiefprocedure_afleidingswijze", "brondatum_archiefprocedure_datumkenmerk",
    "brondatum_archiefprocedure_einddatum_bekend", "brondatum_archiefprocedure_objecttype",
    "brondatum_archiefprocedure_registratie", "brondatum_archiefprocedure_procestermijn",
)


def _part_write(part, data: dict):
    """Save a part; a statustype's `eigenschappen` are eigenschappen of its own zaaktype."""
    data = dict(data)
    relations = {}
    if "eigenschappen" in data:
        zaaktype = data.get("zaaktype") or part.zaaktype
        relations["eigenschappen"] = data.pop("eigenschappen")
        rules.check_same_zaaktype(relations["eigenschappen"], zaaktype=zaaktype, field="eigenschappen")
    return model_save(part, data, m2m=relations)


@transaction.atomic
def part_create(*, model, data: dict, force: bool):
    """Create a statustype, roltype or eigenschap of a concept zaaktype."""
    rules.check_zaaktype_concept(data["zaaktype"], force=force)
    return _part_write(model(), data)


@transaction.atomic
def part_update(*, part, data: dict, force: bool):
    """Update a statustype, roltype or eigenschap; old and new zaaktype must be concepts."""
    rules.check_zaaktype_concept(part.zaaktype, data.get("zaaktype"), force=force)
    return _part_write(part, data)


@transaction.atomic
def part_destroy(*, part, force: bool) -> None:
    rules.check_zaaktype_concept(part.zaaktype, force=force)
    part.delete()


def statustype_create(*, data: dict, force: bool) -> StatusType:
    return part_create(model=StatusType, data=data, force=force)


def roltype_create(*, data: dict, force: bool) -> RolType:
    return part_create(model=RolType, data=data, force=force)


def eigenschap_create(*, data: dict, force: bool) -> Eigenschap:
    return part_create(model=Eigenschap, data=data, force=force)


def _resultaattype_write(resultaattype: ResultaatType, data: dict) -> ResultaatType:
    data = dict(data)
    zaaktype = data.get("zaaktype") or resultaattype.zaaktype
    if any(name in data for name in RESULTAATTYPE_SELECTIELIJST_FIELDS) or "zaaktype" in data:
        current = {name: getattr(resultaattype, name) for name in RESULTAATTYPE_SELECTIELIJST_FIELDS}
        derived = resultaattype_derive(data={**current, **data}, zaaktype=zaaktype)
        data.update({name: derived[name] for name in (*RESULTAATTYPE_SELECTIELIJST_FIELDS, "omschrijving_generiek")})
    m2m = {}
    if "besluittypen" in data:
        m2m["besluittypen"] = rules.resolve_types(
            data.pop("besluittypen"),
            model=BesluitType,
            key="omschrijving",
            catalogus=zaaktype.catalogus,
            field="besluittypen",
        )
    if "informatieobjecttypen" in data:
        m2m["informatieobjecttypen"] = data.pop("informatieobjecttypen")
    return model_save(resultaattype, data, m2m=m2m)


@transaction.atomic
def resultaattype_create(*, data: dict, force: bool) -> ResultaatType:
    rules.check_zaaktype_concept(data["zaaktype"], force=force)
    return _resultaattype_write(ResultaatType(), data)


@transaction.atomic
def resultaattype_update(*, resultaattype: ResultaatType, data: dict, force: bool) -> ResultaatType:
    rules.check_zaaktype_concept(resultaattype.zaaktype, data.get("zaaktype"), force=force)
    return _resultaattype_write(resultaattype, data)


def _ziot_write(ziot: ZaakTypeInformatieObjectType, data: dict, *, force: bool) -> ZaakTypeInformatieObjectType:
    data = dict(data)
    zaaktype = data.get("zaaktype") or ziot.zaaktype
    if "informatieobjecttype" in data:
        data["informatieobjecttype"] = rules.resolve_type(
            data["informatieobjecttype"],
            model=InformatieObjectType,
            key="omschrijving",
            catalogus=zaaktype.catalogus,
            field="informatieobjecttype",
        )
    informatieobjecttype = data.get("informatieobjecttype") or ziot.informatieobjecttype
    rules.check_same_catalogus(informatieobjecttype, catalogus=zaaktype.catalogus, field="informatieobjecttype")
    rules.check_relation_concept(zaaktype, informatieobjecttype, force=force)
    return model_save(ziot, data)


@transaction.atomic
def zaaktypeinformatieobjecttype_create(*, data: dict, force: bool) -> ZaakTypeInformatieObjectType:
    return _ziot_write(ZaakTypeInformatieObjectType(), data, force=force)


@transaction.atomic
def zaaktypeinformatieobjecttype_update(
    *, ziot: ZaakTypeInformatieObjectType, data: dict, force: bool
) -> ZaakTypeInformatieObjectType:
    rules.check_relation_concept(ziot.zaaktype, ziot.informatieobjecttype, force=force)
    return _ziot_write(ziot, data, force=force)


@transaction.atomic
def zaaktypeinformatieobjecttype_destroy(*, ziot: ZaakTypeInformatieObjectType, force: bool) -> None:
    rules.check_relation_concept(ziot.zaaktype, ziot.informatieobjecttype, force=force)
    ziot.delete()


def _zaakobjecttype_write(zaakobjecttype: ZaakObjectType, data: dict) -> ZaakObjectType:
    data = dict(data)
    statustypen = data.pop("statustypen", None)
    m2m = {"resultaattypen": data.pop("resultaattypen")} if "resultaattypen" in data else {}
    model_save(zaakobjecttype, data, m2m=m2m)
    if statustypen is not None:
        StatusType.objects.filter(zaakobjecttype=zaakobjecttype).update(zaakobjecttype=None)
        StatusType.objects.filter(pk__in=[s.pk for s in statustypen]).update(zaakobjecttype=zaakobjecttype)
    return zaakobjecttype


@transaction.atomic
def zaakobjecttype_create(*, data: dict) -> ZaakObjectType:
    """A zaakobjecttype without beginGeldigheid takes its zaaktype's (Catalogi 1.3.3, historiemodel)."""
    data = {"begin_geldigheid": data["zaaktype"].begin_geldigheid, **data}
    return _zaakobjecttype_write(ZaakObjectType(), data)


@transaction.atomic
def zaakobjecttype_update(*, zaakobjecttype: ZaakObjectType, data: dict) -> ZaakObjectType:
    return _zaakobjecttype_write(zaakobjecttype, data)


@transaction.atomic
def zaakobjecttype_destroy(*, zaakobjecttype: ZaakObjectType) -> None:
    zaakobjecttype.delete()
