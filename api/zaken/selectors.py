"""Reads of zaken with the caller's autorisaties applied in SQL (zrc-006).

A zaak is visible to a caller who holds the scope for its zaaktype with a
maximum vertrouwelijkheidaanduiding at or above the zaak's. The filter groups
the caller's autorisaties by their maximum level, so a list costs one
`zaaktype IN (...) AND vertrouwelijkheidaanduiding IN (...)` clause per level
(at most eight), however many zaaktypen a client is authorised for.
"""
from collections import defaultdict
from urllib.parse import urlsplit
from uuid import UUID

from django.db.models import Q, QuerySet

from api.catalogi.models import ZaakType
from api.common.auth import ZGWAuth
from api.common.scopes import Scope

from .models import Zaak


def _uuid_at_end(url: str) -> UUID | None:
    try:
        return UUID(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return None


def zaak_restriction(auth: ZGWAuth, scope: Scope, *, prefix: str = "") -> Q | None:
    """A filter on zaken (or, with `prefix` "zaak__", on their parts) the caller may see with `scope`.

    None: no limit (heeftAlleAutorisaties). An empty match when no autorisatie carries the scope.
    """
    if auth.client.heeft_alle_autorisaties:
        return None
    by_levels: dict[tuple[str, ...], set[UUID]] = defaultdict(set)
    for grant in auth.grants(scope):
        zaaktype = _uuid_at_end(grant.zaaktype)
        if zaaktype is not None:
            by_levels[tuple(grant.allowed_vertrouwelijkheid())].add(zaaktype)
    q = Q(pk__in=[])
    for levels, zaaktypen in by_levels.items():
        q |= Q(**{
            f"{prefix}zaaktype__in": ZaakType.objects.filter(uuid__in=zaaktypen).values("pk"),
            f"{prefix}vertrouwelijkheidaanduiding__in": levels,
        })
    return q


def visible(queryset: QuerySet, auth: ZGWAuth, scope: Scope, *, prefix: str = "") -> QuerySet:
    """`queryset` narrowed to the zaken (or parts of zaken) the caller may see with `scope`."""
    q = zaak_restriction(auth, scope, prefix=prefix)
    return queryset if q is None else queryset.filter(q)


def zaak_permitted(auth: ZGWAuth, zaak: Zaak, scope: Scope | None) -> bool:
    """Whether the caller holds `scope` for this zaak's zaaktype and vertrouwelijkheidaanduiding."""
    if scope is None:
        return False
    if auth.client.heeft_alle_autorisaties:
        return True
    zaaktype = zaak.zaaktype.uuid
    provided: set[str] = set()
    for grant in auth.grants(None):
        if _uuid_at_end(grant.zaaktype) == zaaktype and zaak.vertrouwelijkheidaanduiding in grant.allowed_vertrouwelijkheid():
            provided |= grant.scopes
    return scope.is_contained_in(list(provided))
