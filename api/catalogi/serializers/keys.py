"""Read-only lists of the keys (omschrijving, identificatie) of related types, new in Catalogi 1.3.3.

Which versions count follows the rule "De url's die moeten worden teruggegeven
van besluittypen, zaaktypen en informatieobjecttypen in GET-responses": a
related type is listed when it is published, began on or before the
reference date and has no eindeGeldigheid or one after it. The reference date
is the request's `datumGeldigheid` when given, else today. The lists are read
from the relations the viewsets prefetch, so a page costs no extra queries.
"""
from datetime import date

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


def reference_date(context: dict) -> date:
    """The request's `datumGeldigheid` (the views refuse a malformed one), else today."""
    request = context.get("request")
    value = request.query_params.get("datumGeldigheid") if request is not None else None
    try:
        return date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        return timezone.localdate()


def is_current(obj, datum: date) -> bool:
    """Published and valid on `datum` in the sense of the rule above."""
    return (
        not obj.concept
        and obj.begin_geldigheid <= datum
        and (obj.einde_geldigheid is None or obj.einde_geldigheid > datum)
    )


@extend_schema_field({"type": "array", "items": {"type": "string"}, "uniqueItems": True})
class TypeKeysField(serializers.Field):
    """The distinct `key` values of the types a relation (`source`) holds, through `via` if given.

    With `current_only` (the relations the rule names) only the versions it
    lets through are listed; otherwise every related type is.
    """

    def __init__(self, *, key: str, via: str | None = None, current_only: bool = True, **kwargs):
        self.key = key
        self.via = via
        self.current_only = current_only
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, manager):
        objects = [getattr(obj, self.via) if self.via else obj for obj in manager.all()]
        if self.current_only:
            datum = reference_date(self.context)
            objects = [obj for obj in objects if is_current(obj, datum)]
        return list(dict.fromkeys(getattr(obj, self.key) for obj in objects))
