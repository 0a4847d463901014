"""Date-times given as query parameters: ISO 8601 in, a moment the database can compare with out (or a 400)."""
from datetime import datetime, timezone

from django.utils import timezone as django_timezone
from django.utils.dateparse import parse_datetime

from .exceptions import invalid


def datetime_param(name: str, value: str) -> datetime:
    """`value` as an aware datetime in UTC; naive values are read in the server's time zone.

    Raises a 400 `invalid` naming `name` when `value` is no ISO 8601 date-time, names a day or time that
    does not exist, or lies outside the years 1–9999 once in UTC. In UTC because PostgreSQL refuses
    offsets beyond ±15:59 that ISO 8601 (and Python) allow.
    """
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise invalid(name, "Geef een datumtijd in ISO 8601.", "invalid")
    try:
        if django_timezone.is_naive(moment):
            moment = django_timezone.make_aware(moment)
        return moment.astimezone(timezone.utc)
    except OverflowError:
        raise invalid(name, "De datumtijd valt buiten de jaren 1 tot en met 9999.", "invalid")
