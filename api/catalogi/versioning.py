"""New versions of a published zaaktype (historiemodel, ztc-009): a concept copy, and a publish that closes the old one.

A published zaaktype never changes, so a change is made on a new version: a
concept copy with the same identificatie, its statustypen, roltypen,
resultaattypen, eigenschappen, zaaktype-informatieobjecttypen and
zaakobjecttypen, and the same besluittypen, deelzaaktypen and gerelateerde
zaaktypen, valid from a later beginGeldigheid. Publishing it ends the published
versions still valid on that day the day before, in the same transaction, so
`rules.check_no_overlap` holds; a version that begins on or after that day
still overlaps and the publish is refused as a whole.
"""
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Model, Q

from api.common.exceptions import invalid

from . import services
from . import services_parts as parts
from .models import ZaakType
from .rules import NON_FIELD
from .services import UrlFor


def _values(obj: Model) -> dict:
    """The plain field values of `obj`: all but its identity and its relations (copied explicitly)."""
    return {
        field.name: getattr(obj, field.name)
        for field in obj._meta.concrete_fields
        if not field.is_relation and field.name not in ("id", "uuid")
    }


@transaction.atomic
def zaaktype_new_version(*, zaaktype: ZaakType, begin_geldigheid: date, url_for: UrlFor) -> ZaakType:
    """Create a concept copy of a published zaaktype with all its types, valid from `begin_geldigheid`.

    Raises a ValidationError when `zaaktype` is a concept (`concept-zaaktype`)
    or `begin_geldigheid` is not after its beginGeldigheid (`invalid-date`).
    """
    if zaaktype.concept:
        raise invalid(
            NON_FIELD, "Alleen van een gepubliceerd zaaktype kan een nieuwe versie worden gemaakt.", "concept-zaaktype"
        )
    if begin_geldigheid <= zaaktype.begin_geldigheid:
        raise invalid(
            "beginGeldigheid",
            f"De nieuwe versie moet na {zaaktype.begin_geldigheid.isoformat()} beginnen.",
            "invalid-date",
        )
    version = services.zaaktype_create(
        data={
            **_values(zaaktype),
            "catalogus": zaaktype.catalogus,
            "concept": True,
            "begin_geldigheid": begin_geldigheid,
            "einde_geldigheid": None,
            "versiedatum": begin_geldigheid,
            "besluittypen": list(zaaktype.besluittypen.all()),
            "deelzaaktypen": list(zaaktype.deelzaaktypen.all()),
            "zaaktypenrelaties": [
                {"gerelateerd_zaaktype": r.gerelateerd_zaaktype, "aard_relatie": r.aard_relatie,
                 "toelichting": r.toelichting}
                for r in zaaktype.zaaktypenrelaties.all()
            ],
        },
        url_for=url_for,
    )
    _copy_parts(zaaktype, version)
    return version


def _copy_parts(zaaktype: ZaakType, version: ZaakType) -> None:
    statustypen = {
        old.pk: parts.statustype_create(data={**_values(old), "zaaktype": version}, force=False)
        for old in zaaktype.statustypen.all()
    }
    for old in zaaktype.roltypen.all():
        parts.roltype_create(data={**_values(old), "zaaktype": version}, force=False)
    resultaattypen = {
        old.pk: parts.resultaattype_create(
            data={
                **_values(old),
                "zaaktype": version,
                "besluittypen": list(old.besluittypen.all()),
                "informatieobjecttypen": list(old.informatieobjecttypen.all()),
            },
            force=False,
        )
        for old in zaaktype.resultaattypen.all()
    }
    for old in zaaktype.eigenschappen.select_related("statustype"):
        statustype = statustypen.get(old.statustype_id, old.statustype)
        parts.eigenschap_create(data={**_values(old), "zaaktype": version, "statustype": statustype}, force=False)
    for old in zaaktype.ziots.select_related("informatieobjecttype", "statustype"):
        parts.zaaktypeinformatieobjecttype_create(
            data={
                **_values(old),
                "zaaktype": version,
                "informatieobjecttype": old.informatieobjecttype,
                "statustype": statustypen.get(old.statustype_id, old.statustype),
            },
            force=False,
        )
    for old in zaaktype.zaakobjecttypen.prefetch_related("resultaattypen", "statustypen"):
        parts.zaakobjecttype_create(
            data={
                **_values(old),
                "catalogus": old.catalogus,
                "zaaktype": version,
                "resultaattypen": [resultaattypen.get(r.pk, r) for r in old.resultaattypen.all()],
                # A statustype has one zaakobjecttype: one of another zaaktype stays with the original.
                "statustypen": [statustypen[s.pk] for s in old.statustypen.all() if s.pk in statustypen],
            }
        )


@transaction.atomic
def zaaktype_version_publish(*, zaaktype: ZaakType, url_for: UrlFor) -> ZaakType:
    """Publish a concept zaaktype, ending the published versions still valid on its beginGeldigheid the day before.

    The publish rules of `services.zaaktype_publish` apply; when one refuses,
    no earlier version is changed either.
    """
    previous = ZaakType.objects.filter(
        Q(einde_geldigheid__isnull=True) | Q(einde_geldigheid__gte=zaaktype.begin_geldigheid),
        catalogus_id=zaaktype.catalogus_id,
        identificatie=zaaktype.identificatie,
        concept=False,
        begin_geldigheid__lt=zaaktype.begin_geldigheid,
    )
    einde = zaaktype.begin_geldigheid - timedelta(days=1)
    for version in previous.select_for_update():
        services.zaaktype_update(
            zaaktype=version, data={"einde_geldigheid": einde}, partial=True, force=False, url_for=url_for
        )
    return services.zaaktype_publish(zaaktype=zaaktype, url_for=url_for)
