"""Property values from Browser Binding form strings, checked against their definitions.

Datetimes are kept as epoch milliseconds (what the binding returns). Input accepts epoch
milliseconds and, leniently, ISO-8601 as Alfresco accepted from drc-cmis (CMIS.md §4.3); an ISO
value without an offset is read as UTC.
"""
import re
from datetime import datetime, timezone
from typing import Any

from .errors import Constraint, InvalidArgument

_INTEGER = re.compile(r"[+-]?\d+")


def epoch_ms(text: str) -> int:
    if _INTEGER.fullmatch(text):
        return int(text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidArgument(f"Invalid datetime value {text!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return round(moment.timestamp() * 1000)


def _scalar(definition: dict[str, Any], text: str) -> Any:
    kind = definition["propertyType"]
    if kind in ("string", "id", "uri", "html"):
        limit = definition.get("maxLength")
        if limit is not None and len(text) > limit:
            raise Constraint(f"Property {definition['id']}: value longer than {limit} characters")
        return text
    if text == "":
        return None
    if kind == "boolean":
        if text.lower() not in ("true", "false"):
            raise InvalidArgument(f"Property {definition['id']}: {text!r} is not a boolean")
        return text.lower() == "true"
    if kind == "integer":
        if not _INTEGER.fullmatch(text):
            raise InvalidArgument(f"Property {definition['id']}: {text!r} is not an integer")
        return int(text)
    if kind == "decimal":
        try:
            return float(text)
        except ValueError:
            raise InvalidArgument(f"Property {definition['id']}: {text!r} is not a decimal") from None
    return epoch_ms(text)


def parse(definition: dict[str, Any], raw: str | list[str] | None) -> Any:
    """The stored value for a form value: None (unset), a scalar, or a list for multi-valued properties."""
    if raw is None:
        return None
    texts = raw if isinstance(raw, list) else [raw]
    values = [value for value in (_scalar(definition, text) for text in texts) if value is not None]
    if definition["cardinality"] == "multi":
        return values or None
    if len(values) > 1:
        raise InvalidArgument(f"Property {definition['id']} is single-valued")
    return values[0] if values else None
