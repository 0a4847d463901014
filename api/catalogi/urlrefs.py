"""Resolving URLs that point at this service's own resources (ARCHITECTURE.md § References).

A URL is parsed, its path resolved through the URLconf and the object looked
up by uuid; nothing is fetched over HTTP. A URL that is malformed, names no
resource or names one on another host (when the request is known) gives
`bad-url`; one that names a resource of another kind gives `invalid-resource`
(the codes the standard's tests expect).
"""
from dataclasses import dataclass
from urllib.parse import urlsplit
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import Resolver404, get_script_prefix, resolve
from rest_framework.exceptions import ErrorDetail, ValidationError

BAD_URL = "bad-url"
INVALID_RESOURCE = "invalid-resource"


@dataclass(frozen=True)
class TypeKey:
    """A type named by its key (omschrijving or identificatie), to resolve in a catalogus."""

    value: str


def url_error(message: str, code: str) -> ValidationError:
    return ValidationError(ErrorDetail(message, code=code))


def looks_like_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an unclosed IPv6 host, "http://[x"
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _match(url: str):
    """The URLconf match of a URL's path (any host), or None."""
    path = urlsplit(url).path
    prefix = get_script_prefix()
    if prefix != "/" and path.startswith(prefix):
        path = "/" + path[len(prefix):]
    try:
        return resolve(path)
    except Resolver404:
        return None


def _is_uuid(value) -> bool:
    try:
        UUID(str(value))
    except ValueError:
        return False
    return True


def uuid_in_url(url: str, view_name: str) -> str | None:
    """The uuid of the `view_name` resource `url` names, or None when it names something else."""
    if not isinstance(url, str) or not looks_like_url(url):
        return None
    match = _match(url)
    if match is None or match.url_name != view_name or not _is_uuid(match.kwargs.get("uuid", "")):
        return None
    return str(match.kwargs["uuid"])


def object_for_url(url, *, view_name: str, queryset: QuerySet, request: HttpRequest | None = None):
    """The object `url` names; raises ValidationError `bad-url` / `invalid-resource`.

    With `request`, the URL must be on the host the request came in on: the
    host this service builds its own URLs with.
    """
    if not isinstance(url, str) or not looks_like_url(url):
        raise url_error("De URL is ongeldig.", BAD_URL)
    if request is not None and urlsplit(url).netloc != request.get_host():
        raise url_error("De URL verwijst niet naar een resource van deze dienst.", BAD_URL)
    match = _match(url)
    if match is None:
        raise url_error("De URL verwijst niet naar een bestaande resource.", BAD_URL)
    if match.url_name != view_name or "uuid" not in match.kwargs:
        raise url_error("De URL verwijst naar een resource van de verkeerde soort.", INVALID_RESOURCE)
    if not _is_uuid(match.kwargs["uuid"]):
        raise url_error("De URL verwijst niet naar een bestaande resource.", BAD_URL)
    obj = queryset.filter(uuid=match.kwargs["uuid"]).first()
    if obj is None:
        raise url_error("De URL verwijst niet naar een bestaande resource.", BAD_URL)
    return obj
