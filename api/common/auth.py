"""ZGW JWT authentication: who is calling and what their autorisaties allow.

Tokens are HS256 JWTs signed with the secret of their `client_id` claim and
carry `iat` (ZGW "Autorisatie" section of every component's OAS). The component
a request addresses follows from its path, so one process serves all APIs.

Loading a client costs one SQL query (secret, applicaties and autorisaties
together); the result is memoised on the request and cached for
``AUTH_CACHE_SECONDS``. Any change to applicaties, autorisaties or secrets bumps
a cache generation, so it takes effect on the next request in every process.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import jwt
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from rest_framework.exceptions import NotAuthenticated, PermissionDenied

from .constants import VertrouwelijkheidsAanduiding
from .scopes import Scope

CACHE_GENERATION_KEY = "zgw-auth:generation"
# Changed whenever `Client` changes shape, so a process never reads a client
# cached by an older release (it would lack the new fields).
CLIENT_CACHE_PREFIX = "zgw-auth:client-v2"
ALGORITHM = "HS256"

# One round trip: the client's secret plus every applicatie listing the client
# id, each with its autorisaties and its Autorisaties 1.1 settings (no row
# means the defaults), as JSON. LEFT JOIN keeps a row for clients
# without a secret so "unknown client" and "no applicatie" stay distinguishable.
CLIENT_QUERY = """
SELECT s.secret,
  COALESCE((
    SELECT jsonb_agg(jsonb_build_object(
      'uuid', a.uuid, 'label', a.label, 'alle', a.heeft_alle_autorisaties,
      'alleen_gereed', COALESCE((
        SELECT i.alleen_is_gereed_voor_publicatie FROM common_applicatieinstellingen i
        WHERE i.applicatie_id = a.id), false),
      'autorisaties', COALESCE((
        SELECT jsonb_agg(jsonb_build_object(
          'component', t.component, 'scopes', t.scopes,
          'zaaktype', t.zaaktype, 'informatieobjecttype', t.informatieobjecttype,
          'besluittype', t.besluittype,
          'max_vertrouwelijkheidaanduiding', t.max_vertrouwelijkheidaanduiding))
        FROM authorizations_autorisatie t WHERE t.applicatie_id = a.id), '[]'::jsonb)))
    FROM authorizations_applicatie a
    WHERE a.client_ids @> ARRAY[%(client_id)s]::varchar[]), '[]'::jsonb)
FROM (SELECT %(client_id)s::varchar AS identifier) AS asked
LEFT JOIN vng_api_common_jwtsecret s ON s.identifier = asked.identifier
"""


@dataclass(frozen=True)
class Grant:
    """One autorisatie: scopes on a component, optionally limited to a type and level."""

    component: str
    scopes: frozenset[str]
    zaaktype: str = ""
    informatieobjecttype: str = ""
    besluittype: str = ""
    max_vertrouwelijkheidaanduiding: str = ""

    def type_url(self) -> str:
        return self.zaaktype or self.informatieobjecttype or self.besluittype

    def allowed_vertrouwelijkheid(self) -> list[str]:
        """Every level up to and including the maximum; all levels when unset."""
        levels = list(VertrouwelijkheidsAanduiding.values)
        if not self.max_vertrouwelijkheidaanduiding:
            return levels
        return levels[: levels.index(self.max_vertrouwelijkheidaanduiding) + 1]


@dataclass(frozen=True)
class ApplicatieRef:
    """The applicatie a client belongs to, as the audit trail names it."""

    uuid: str
    label: str


@dataclass(frozen=True)
class Client:
    """A client id as the Autorisaties API knows it."""

    client_id: str
    secret: str | None
    applicaties: tuple[ApplicatieRef, ...]
    heeft_alle_autorisaties: bool
    alleen_is_gereed_voor_publicatie: bool
    grants: tuple[Grant, ...]


def bump_cache_generation() -> None:
    """Invalidate every cached client; called when autorisaties change."""
    try:
        cache.incr(CACHE_GENERATION_KEY)
    except ValueError:
        cache.set(CACHE_GENERATION_KEY, 1, timeout=None)


def load_client(client_id: str) -> Client:
    generation = cache.get(CACHE_GENERATION_KEY, 0)
    key = f"{CLIENT_CACHE_PREFIX}:{generation}:{client_id}"
    client = cache.get(key)
    if client is None:
        client = _query_client(client_id)
        cache.set(key, client, timeout=settings.AUTH_CACHE_SECONDS)
    return client


def _query_client(client_id: str) -> Client:
    with connection.cursor() as cursor:
        cursor.execute(CLIENT_QUERY, {"client_id": client_id})
        secret, applicaties = cursor.fetchone()
    if isinstance(applicaties, str):
        applicaties = json.loads(applicaties)
    grants = tuple(
        Grant(
            component=row["component"],
            scopes=frozenset(row["scopes"] or ()),
            zaaktype=row["zaaktype"] or "",
            informatieobjecttype=row["informatieobjecttype"] or "",
            besluittype=row["besluittype"] or "",
            max_vertrouwelijkheidaanduiding=row["max_vertrouwelijkheidaanduiding"] or "",
        )
        for applicatie in applicaties
        for row in applicatie["autorisaties"]
    )
    return Client(
        client_id=client_id,
        secret=secret or None,
        applicaties=tuple(ApplicatieRef(uuid=a["uuid"], label=a["label"]) for a in applicaties),
        heeft_alle_autorisaties=any(a["alle"] for a in applicaties),
        alleen_is_gereed_voor_publicatie=any(a["alleen_gereed"] for a in applicaties),
        grants=grants,
    )


def _denied(detail: str, code: str) -> PermissionDenied:
    return PermissionDenied(detail=detail, code=code)


def decode_token(encoded: str) -> tuple[dict, Client]:
    """Verify a ZGW JWT; return its claims and the client that signed it.

    Raises PermissionDenied with a ZGW error code for every way a token can be wrong.
    """
    try:
        header = jwt.get_unverified_header(encoded)
        claims = jwt.decode(encoded, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise _denied("JWT kon niet gedecodeerd worden.", "jwt-decode-error")
    if header.get("alg") != ALGORITHM:
        raise _denied(f"Alleen {ALGORITHM} getekende JWT's worden aanvaard.", "jwt-invalid-algorithm")
    client_id = claims.get("client_id")
    if not isinstance(client_id, str) or not client_id:
        raise _denied("Client identifier is niet aanwezig in JWT.", "missing-client-identifier")

    client = load_client(client_id)
    if client.secret is None:
        raise _denied("Client identifier bestaat niet.", "invalid-client-identifier")
    try:
        claims = jwt.decode(
            encoded,
            client.secret,
            algorithms=[ALGORITHM],
            leeway=settings.TIME_LEEWAY,
            options={"require": ["iat"], "verify_iat": False},
        )
    except jwt.InvalidSignatureError:
        raise _denied("Client credentials zijn niet geldig.", "invalid-jwt-signature")
    except jwt.MissingRequiredClaimError as exc:
        raise _denied(f"De claim '{exc.claim}' ontbreekt in de JWT.", f"jwt-missing-{exc.claim}-claim")
    except jwt.ExpiredSignatureError:
        raise _denied("De JWT is verlopen.", "jwt-expired")
    except jwt.PyJWTError:
        raise _denied("De JWT is niet geldig.", "jwt-invalid")
    _check_issued_at(claims["iat"])
    return claims, client


def _check_issued_at(iat) -> None:
    """A token is valid for JWT_EXPIRY seconds after `iat`, allowing TIME_LEEWAY of clock skew."""
    try:
        issued_at = float(iat)
    except (TypeError, ValueError):
        raise _denied("De claim 'iat' moet een getal zijn.", "jwt-invalid-iat-claim")
    age = time.time() - issued_at
    if age < -settings.TIME_LEEWAY:
        raise _denied("De JWT is uitgegeven in de toekomst.", "jwt-immature")
    if age >= settings.JWT_EXPIRY + settings.TIME_LEEWAY:
        raise _denied("De JWT is verlopen.", "jwt-expired")


class ZGWAuth:
    """The caller of one request, for one component; decoded at most once."""

    def __init__(self, encoded: str | None, component: str | None):
        self.encoded = encoded
        self.component = component

    def for_component(self, component: str) -> ZGWAuth:
        """The same caller as seen by another component (an expanded object is authorised as its own GET)."""
        if component == self.component:
            return self
        other = ZGWAuth(self.encoded, component)
        if "_decoded" in self.__dict__:
            other.__dict__["_decoded"] = self._decoded
        return other

    @cached_property
    def _decoded(self) -> tuple[dict, Client]:
        if not self.encoded:
            raise NotAuthenticated("Authenticatiegegevens zijn niet opgegeven.")
        return decode_token(self.encoded)

    @property
    def payload(self) -> dict:
        return self._decoded[0]

    @property
    def client(self) -> Client:
        return self._decoded[1]

    @property
    def client_id(self) -> str:
        return self.client.client_id

    @property
    def applicaties(self) -> tuple[ApplicatieRef, ...]:
        return self.client.applicaties

    @property
    def alleen_is_gereed_voor_publicatie(self) -> bool:
        """Autorisaties 1.1: the caller may read only documents with `isGereedVoorPublicatie` (heeftAlleAutorisaties or not)."""
        return self.client.alleen_is_gereed_voor_publicatie

    def grants(self, scope: Scope | None) -> list[Grant]:
        """The caller's autorisaties on this component that together carry `scope`."""
        own = [g for g in self.client.grants if g.component == self.component]
        if scope is None:
            return own
        return [g for g in own if scope.is_contained_in(list(g.scopes))]

    def has_scope(self, scope: Scope | None, **restrictions: str | None) -> bool:
        """Whether the caller holds `scope`, within type and vertrouwelijkheid limits when given.

        `restrictions` may name a type field (zaaktype, informatieobjecttype,
        besluittype) with a URL and `vertrouwelijkheidaanduiding` with a level.
        """
        if scope is None:
            return False
        if self.client.heeft_alle_autorisaties:
            return True
        level = restrictions.pop("vertrouwelijkheidaanduiding", None)
        candidates = [
            g for g in self.client.grants
            if g.component == self.component
            and all(value is None or getattr(g, field) == value for field, value in restrictions.items())
            and (level is None or level in g.allowed_vertrouwelijkheid())
        ]
        provided = set().union(*(g.scopes for g in candidates)) if candidates else set()
        return scope.is_contained_in(list(provided))

    def restriction_q(
        self,
        scope: Scope,
        *,
        type_lookup: str,
        type_value: Callable[[str], object] = str,
        vertrouwelijkheid_field: str | None = None,
    ) -> Q | None:
        """A filter for list queries: rows of a type and level the caller may see.

        Returns None when nothing needs filtering (heeft_alle_autorisaties);
        an empty match when no autorisatie carries the scope. `type_lookup` is
        the ORM lookup that identifies the type on the filtered model and
        `type_value` turns the autorisatie's type URL into its value (a uuid
        for a local foreign key, say).
        """
        if self.client.heeft_alle_autorisaties:
            return None
        q = Q(pk__in=[])
        for grant in self.grants(scope):
            clause = Q(**{type_lookup: type_value(grant.type_url())})
            if vertrouwelijkheid_field:
                clause &= Q(**{f"{vertrouwelijkheid_field}__in": grant.allowed_vertrouwelijkheid()})
            q |= clause
        return q


def bearer_token(authorization: str) -> str | None:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()
