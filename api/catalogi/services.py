"""Writes to the Catalogi API: each in one transaction, with the concept rules of `rules.py`.

Zaaktypen, informatieobjecttypen and besluittypen announce every change on
their kanaal (kenmerk `catalogus`) through the outbox. `url_for` turns an
object into its absolute URL; views pass it in so services stay free of HTTP.
"""
from collections.abc import Callable

from django.db import transaction
from django.db.models import Model

from api.common.notifications import notification_record

from . import rules
from .kanalen import KANAAL_BESLUITTYPEN, KANAAL_INFORMATIEOBJECTTYPEN, KANAAL_ZAAKTYPEN
from .models import BesluitType, Catalogus, InformatieObjectType, ZaakType, ZaakTypenRelatie
from .selectielijst import validate_procestype
from .urlrefs import uuid_in_url

UrlFor = Callable[[Model], str]


def model_save(instance: Model, data: dict, *, m2m: dict | None = None) -> Model:
    """Set fields, save, then replace the given many-to-many relations."""
    for name, value in data.items():
        setattr(instance, name, value)
    instance.save()
    for name, objects in (m2m or {}).items():
        getattr(instance, name).set(objects)
    return instance


def _notify(obj, *, kanaal: str, actie: str, url_for: UrlFor, url: str | None = None) -> None:
    resource_url = url or url_for(obj)
    notification_record(
        kanaal=kanaal,
        hoofd_object=resource_url,
        resource=obj._meta.model_name,
        resource_url=resource_url,
        actie=actie,
        kenmerken={"catalogus": url_for(obj.catalogus)},
    )


def _type_update(obj, write: Callable[[Model, dict], Model], kanaal: str, *, data: dict, partial: bool,
                 force: bool, url_for: UrlFor):
    """A published type takes only what `rules.check_concept_change` allows; the change is announced."""
    rules.check_concept_change(obj, changes=data, force=force)
    write(obj, data)
    _notify(obj, kanaal=kanaal, actie="partial_update" if partial else "update", url_for=url_for)
    return obj


def _type_destroy(obj, kanaal: str, *, force: bool, url_for: UrlFor) -> None:
    """Only concepts are deleted (unless forced); the notification names the URL it had."""
    rules.check_concept_delete(obj, force=force)
    _notify(obj, kanaal=kanaal, actie="destroy", url_for=url_for, url=url_for(obj))
    obj.delete()


@transaction.atomic
def catalogus_create(*, data: dict) -> Catalogus:
    return model_save(Catalogus(), data)


@transaction.atomic
def catalogus_update(*, catalogus: Catalogus, data: dict) -> Catalogus:
    """PUT or PATCH of a catalogus (Catalogi 1.3.3). The standard has no catalogussen kanaal: nothing is announced."""
    return model_save(catalogus, data)


# -- zaaktypen ---------------------------------------------------------------------------------


def _zaaktype_relaties(zaaktype: ZaakType, relaties: list[dict]) -> None:
    """Replace the gerelateerde zaaktypen; a URL of one of ours is stored as its identificatie."""
    zaaktype.zaaktypenrelaties.all().delete()
    for relatie in relaties:
        target = relatie["gerelateerd_zaaktype"]
        uuid = uuid_in_url(target, "zaaktype-detail")
        local = ZaakType.objects.filter(uuid=uuid).first() if uuid else None
        ZaakTypenRelatie.objects.create(
            zaaktype=zaaktype,
            gerelateerd_zaaktype=local.identificatie if local else target,
            aard_relatie=relatie["aard_relatie"],
            toelichting=relatie.get("toelichting", ""),
        )


def _zaaktype_write(zaaktype: ZaakType, data: dict) -> ZaakType:
    data = dict(data)
    catalogus = data.get("catalogus", getattr(zaaktype, "catalogus", None))
    validate_procestype(data.get("selectielijst_procestype", ""))
    m2m = {}
    if "besluittypen" in data:
        m2m["besluittypen"] = rules.resolve_types(
            data.pop("besluittypen"), model=BesluitType, key="omschrijving", catalogus=catalogus, field="besluittypen"
        )
    if "deelzaaktypen" in data:
        m2m["deelzaaktypen"] = rules.resolve_types(
            data.pop("deelzaaktypen"), model=ZaakType, key="identificatie", catalogus=catalogus, field="deelzaaktypen"
        )
    relaties = data.pop("zaaktypenrelaties", None)
    model_save(zaaktype, data, m2m=m2m)
    if relaties is not None:
        _zaaktype_relaties(zaaktype, relaties)
    return zaaktype


@transaction.atomic
def zaaktype_create(*, data: dict, url_for: UrlFor) -> ZaakType:
    """A new zaaktype; without versiedatum (optional since Catalogi 1.3.3) it is the beginGeldigheid."""
    data = {"versiedatum": data.get("begin_geldigheid"), **data}
    zaaktype = _zaaktype_write(ZaakType(), data)
    _notify(zaaktype, kanaal=KANAAL_ZAAKTYPEN, actie="create", url_for=url_for)
    return zaaktype


@transaction.atomic
def zaaktype_update(*, zaaktype: ZaakType, data: dict, partial: bool, force: bool, url_for: UrlFor) -> ZaakType:
    return _type_update(
        zaaktype, _zaaktype_write, KANAAL_ZAAKTYPEN, data=data, partial=partial, force=force, url_for=url_for
    )


@transaction.atomic
def zaaktype_destroy(*, zaaktype: ZaakType, force: bool, url_for: UrlFor) -> None:
    _type_destroy(zaaktype, KANAAL_ZAAKTYPEN, force=force, url_for=url_for)


@transaction.atomic
def zaaktype_publish(*, zaaktype: ZaakType, url_for: UrlFor) -> ZaakType:
    """Publish a concept zaaktype: its besluittypen, informatieobjecttypen and deelzaaktypen must be published."""
    rules.check_published(zaaktype.besluittypen.all(), field="besluittypen")
    rules.check_published(
        [ziot.informatieobjecttype for ziot in zaaktype.ziots.select_related("informatieobjecttype")],
        field="informatieobjecttypen",
    )
    rules.check_published(zaaktype.deelzaaktypen.all(), field="deelzaaktypen")
    rules.check_no_overlap(zaaktype, key="identificatie")
    model_save(zaaktype, {"concept": False})
    _notify(zaaktype, kanaal=KANAAL_ZAAKTYPEN, actie="publish", url_for=url_for)
    return zaaktype


# -- informatieobjecttypen and besluittypen ----------------------------------------------------------


@transaction.atomic
def informatieobjecttype_create(*, data: dict, url_for: UrlFor) -> InformatieObjectType:
    informatieobjecttype = model_save(InformatieObjectType(), data)
    _notify(informatieobjecttype, kanaal=KANAAL_INFORMATIEOBJECTTYPEN, actie="create", url_for=url_for)
    return informatieobjecttype


@transaction.atomic
def informatieobjecttype_update(
    *, informatieobjecttype: InformatieObjectType, data: dict, partial: bool, force: bool, url_for: UrlFor
) -> InformatieObjectType:
    return _type_update(
        informatieobjecttype, model_save, KANAAL_INFORMATIEOBJECTTYPEN,
        data=data, partial=partial, force=force, url_for=url_for,
    )


@transaction.atomic
def informatieobjecttype_destroy(*, informatieobjecttype: InformatieObjectType, force: bool, url_for: UrlFor) -> None:
    _type_destroy(informatieobjecttype, KANAAL_INFORMATIEOBJECTTYPEN, force=force, url_for=url_for)


@transaction.atomic
def informatieobjecttype_publish(*, informatieobjecttype: InformatieObjectType, url_for: UrlFor):
    rules.check_no_overlap(informatieobjecttype, key="omschrijving")
    model_save(informatieobjecttype, {"concept": False})
    _notify(informatieobjecttype, kanaal=KANAAL_INFORMATIEOBJECTTYPEN, actie="publish", url_for=url_for)
    return informatieobjecttype


def _besluittype_write(besluittype: BesluitType, data: dict) -> BesluitType:
    data = dict(data)
    catalogus = data.get("catalogus", getattr(besluittype, "catalogus", None))
    m2m = {}
    if "informatieobjecttypen" in data:
        m2m["informatieobjecttypen"] = rules.resolve_types(
            data.pop("informatieobjecttypen"),
            model=InformatieObjectType,
            key="omschrijving",
            catalogus=catalogus,
            field="informatieobjecttypen",
        )
    return model_save(besluittype, data, m2m=m2m)


@transaction.atomic
def besluittype_create(*, data: dict, url_for: UrlFor) -> BesluitType:
    besluittype = _besluittype_write(BesluitType(), data)
    _notify(besluittype, kanaal=KANAAL_BESLUITTYPEN, actie="create", url_for=url_for)
    return besluittype


@transaction.atomic
def besluittype_update(
    *, besluittype: BesluitType, data: dict, partial: bool, force: bool, url_for: UrlFor
) -> BesluitType:
    return _type_update(
        besluittype, _besluittype_write, KANAAL_BESLUITTYPEN, data=data, partial=partial, force=force, url_for=url_for
    )


@transaction.atomic
def besluittype_destroy(*, besluittype: BesluitType, force: bool, url_for: UrlFor) -> None:
    _type_destroy(besluittype, KANAAL_BESLUITTYPEN, force=force, url_for=url_for)


@transaction.atomic
def besluittype_publish(*, besluittype: BesluitType, url_for: UrlFor) -> BesluitType:
    """Publish a concept besluittype: its informatieobjecttypen must be published."""
    rules.check_published(besluittype.informatieobjecttypen.all(), field="informatieobjecttypen")
    rules.check_no_overlap(besluittype, key="omschrijving")
    model_save(besluittype, {"concept": False})
    _notify(besluittype, kanaal=KANAAL_BESLUITTYPEN, actie="publish", url_for=url_for)
    return besluittype
