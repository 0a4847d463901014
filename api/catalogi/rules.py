"""Concept rules of the Catalogi API (ztc-009..012) and the resolution of relations written by key.

- Only concepts change: a published type takes nothing but a new
  eindeGeldigheid, and is never deleted (`non-concept-object`), unless the
  caller holds the geforceerd-schrijven / geforceerd-verwijderen scope.
- The parts of a zaaktype (statustypen, roltypen, resultaattypen,
  eigenschappen) change only while their zaaktype is a concept
  (`non-concept-zaaktype`); a zaaktype-informatieobjecttype while at least
  one of its ends is (`non-concept-relation`).
- A type may be published only when the types it names are published
  (`concept-relation`) and its geldigheid does not overlap another published
  version with the same identificatie (zaaktype) or omschrijving (`overlap`).
- Relations stay within one catalogus (`relations-incorrect-catalogus`).
"""
from django.db.models import Model, Q

from api.common.exceptions import invalid

from .urlrefs import TypeKey

NON_FIELD = "nonFieldErrors"
ALWAYS_ALLOWED_ON_PUBLISHED = {"einde_geldigheid"}


def check_concept_change(obj, *, changes: dict, force: bool) -> None:
    """A published type accepts only eindeGeldigheid (ztc-009c)."""
    if obj.concept or force or set(changes) <= ALWAYS_ALLOWED_ON_PUBLISHED:
        return
    raise invalid(NON_FIELD, "Het is niet toegestaan om een gepubliceerd object te wijzigen.", "non-concept-object")


def check_concept_delete(obj, *, force: bool) -> None:
    if obj.concept or force:
        return
    raise invalid(NON_FIELD, "Het is niet toegestaan om een gepubliceerd object te verwijderen.", "non-concept-object")


def check_zaaktype_concept(*zaaktypen, force: bool) -> None:
    """Parts of a zaaktype change only while the zaaktype (old and new) is a concept."""
    if force or all(zaaktype.concept for zaaktype in zaaktypen if zaaktype is not None):
        return
    raise invalid(
        NON_FIELD, "Dit kan alleen als het bijbehorende ZAAKTYPE een concept betreft.", "non-concept-zaaktype"
    )


def check_relation_concept(zaaktype, informatieobjecttype, *, force: bool) -> None:
    if force or zaaktype.concept or informatieobjecttype.concept:
        return
    raise invalid(
        NON_FIELD,
        "Het ZAAKTYPE of het INFORMATIEOBJECTTYPE moet een concept zijn.",
        "non-concept-relation",
    )


def resolve_types(values, *, model: type[Model], key: str, catalogus, field: str) -> list:
    """Objects for a list of URLs-or-keys: a key names every version with it in the catalogus."""
    objects = []
    for value in values:
        if isinstance(value, TypeKey):
            found = list(model.objects.filter(catalogus=catalogus, **{key: value.value}))
            if not found:
                raise invalid(
                    field, f"Er bestaat geen {model._meta.verbose_name} met {key} '{value.value}'.", "does_not_exist"
                )
            objects.extend(found)
        else:
            check_same_catalogus(value, catalogus=catalogus, field=field)
            objects.append(value)
    return list(dict.fromkeys(objects))


def resolve_type(value, *, model: type[Model], key: str, catalogus, field: str):
    """One object for a URL-or-key: for a key, the version valid today or else the newest."""
    if not isinstance(value, TypeKey):
        check_same_catalogus(value, catalogus=catalogus, field=field)
        return value
    candidates = model.objects.filter(catalogus=catalogus, **{key: value.value}).order_by("-begin_geldigheid")
    found = candidates.first()
    if found is None:
        raise invalid(field, f"Er bestaat geen {model._meta.verbose_name} met {key} '{value.value}'.", "does_not_exist")
    return found


def check_same_catalogus(obj, *, catalogus, field: str) -> None:
    if obj.catalogus_id != catalogus.pk:
        raise invalid(
            field, "De relaties moeten tot dezelfde catalogus behoren.", "relations-incorrect-catalogus"
        )


def check_same_zaaktype(objects, *, zaaktype, field: str) -> None:
    if any(obj.zaaktype_id != zaaktype.pk for obj in objects):
        raise invalid(field, "De relaties moeten tot hetzelfde zaaktype behoren.", "relations-incorrect-zaaktype")


def check_published(objects, *, field: str) -> None:
    if any(obj.concept for obj in objects):
        raise invalid(field, "Alle gerelateerde typen moeten gepubliceerd zijn.", "concept-relation")


def check_no_overlap(obj, *, key: str) -> None:
    """No other published version with the same key in the catalogus is valid in the same period."""
    others = type(obj).objects.filter(catalogus_id=obj.catalogus_id, concept=False, **{key: getattr(obj, key)})
    others = others.exclude(pk=obj.pk).filter(
        Q(einde_geldigheid__isnull=True) | Q(einde_geldigheid__gte=obj.begin_geldigheid)
    )
    if obj.einde_geldigheid is not None:
        others = others.filter(begin_geldigheid__lte=obj.einde_geldigheid)
    if others.exists():
        raise invalid(
            "beginGeldigheid",
            f"Er bestaat al een gepubliceerde versie met dezelfde {key} in deze periode.",
            "overlap",
        )
