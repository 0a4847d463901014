"""Audit trail (ZGW "audittrail"): recording each write and reading a main object's trail.

Rows live in commonground-api-common's `AuditTrail` table whatever holds the
objects themselves (a CMIS repository keeps documents, PostgreSQL keeps their
audit trail). A view wraps `audit_record` in the `record` callback its write
service hands to the code that commits the write, inside that transaction, so
the row exists exactly when the change does. A component exposes
`/<main>/{<main>_uuid}/audittrail[/{uuid}]` with an `AuditTrailViewSet`
subclass mounted by `audittrail_urls`.
"""
from urllib.parse import urlsplit
from uuid import UUID

from django.db.models import Q, QuerySet
from django.urls import path
from djangorestframework_camel_case.settings import api_settings as camel_settings
from djangorestframework_camel_case.util import camelize
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import exceptions, serializers, viewsets
from rest_framework.response import Response
from vng_api_common.audittrails.api.serializers import AuditTrailSerializer as VngAuditTrailSerializer
from vng_api_common.audittrails.models import AuditTrail
from vng_api_common.constants import CommonResourceAction

from .exceptions import invalid

HEADER_TOELICHTING = "X-Audit-Toelichting"
HEADER_LOGRECORD_ID = "X-NLX-Logrecord-ID"

# The request headers of every audited write, as the standards' OAS declare them.
AUDIT_HEADERS = [
    OpenApiParameter(
        HEADER_LOGRECORD_ID, str, OpenApiParameter.HEADER,
        description="Identifier of the request, traceable throughout the network",
    ),
    OpenApiParameter(
        HEADER_TOELICHTING, str, OpenApiParameter.HEADER,
        description="Toelichting waarom een bepaald verzoek wordt gedaan",
    ),
]

ACTIE_WEERGAVE = dict(CommonResourceAction.choices)


@extend_schema_field({"type": "object", "additionalProperties": {}})
class JsonBodyField(serializers.JSONField):
    """A whole JSON body, typed as the standards' OAS type `oud` and `nieuw` (null where there is none)."""


class WijzigingenSerializer(serializers.Serializer):
    oud = JsonBodyField(required=False, help_text=AuditTrail._meta.get_field("oud").help_text)
    nieuw = JsonBodyField(required=False, help_text=AuditTrail._meta.get_field("nieuw").help_text)


class AuditTrailSerializer(VngAuditTrailSerializer):
    wijzigingen = WijzigingenSerializer(source="*")


def _fit(field: str, value: str) -> str:
    """`value` cut to the column's length: an over-long header or claim must not fail the write it audits."""
    max_length = AuditTrail._meta.get_field(field).max_length
    return value[:max_length] if max_length else value


def _as_rendered(data: dict | None) -> dict | None:
    """A serializer's data as the API renders it (camelCase keys)."""
    return None if data is None else camelize(data, **camel_settings.JSON_UNDERSCOREIZE)


def audit_record(
    request,
    *,
    bron: str,
    actie: str,
    resultaat: int,
    hoofd_object: str,
    resource: str,
    resource_url: str,
    resource_weergave: str,
    oud: dict | None,
    nieuw: dict | None,
) -> AuditTrail:
    """Store the audit row of one write; call it inside the transaction that commits the write.

    The caller comes from `request.jwt_auth` (its first applicatie; the token's
    `user_id` and `user_representation` claims), the toelichting and logrecord
    id from the request headers. `oud` and `nieuw` are serializer data of the
    object before and after (None for a create and a destroy respectively).
    """
    auth = request.jwt_auth
    applicatie = auth.applicaties[0] if auth.applicaties else None
    values = {
        "bron": bron,
        "actie": actie,
        "actie_weergave": str(ACTIE_WEERGAVE.get(actie, "")),
        "applicatie_id": str(applicatie.uuid) if applicatie else auth.client_id,
        "applicatie_weergave": applicatie.label if applicatie else auth.client_id,
        "gebruikers_id": str(auth.payload.get("user_id") or ""),
        "gebruikers_weergave": str(auth.payload.get("user_representation") or ""),
        "logrecord_id": request.headers.get(HEADER_LOGRECORD_ID, ""),
        "hoofd_object": hoofd_object,
        "resource": resource,
        "resource_url": resource_url,
        "resource_weergave": resource_weergave,
    }
    return AuditTrail.objects.create(
        **{field: _fit(field, value) for field, value in values.items()},
        resultaat=resultaat,
        toelichting=request.headers.get(HEADER_TOELICHTING, ""),
        oud=_as_rendered(oud),
        nieuw=_as_rendered(nieuw),
    )


def _of_main_object(url: str) -> Q:
    # By path, not the full URL: the host part follows the request (proxy or
    # internal name), the path names the object.
    return Q(hoofd_object__endswith=urlsplit(url).path)


def audit_trail_destroy(hoofd_object: str) -> None:
    """Remove the trail of a main object that is destroyed (the standards list its audit trail regels
    among the resources removed with it); call it inside the destroying transaction."""
    AuditTrail.objects.filter(_of_main_object(hoofd_object)).delete()


@extend_schema_view(
    list=extend_schema(operation_id="audittrail_list"),
    retrieve=extend_schema(
        operation_id="audittrail_retrieve",
        parameters=[OpenApiParameter(
            "uuid", OpenApiTypes.UUID, OpenApiParameter.PATH, description="Unieke identificatie van de audit regel."
        )],
    ),
)
class AuditTrailViewSet(viewsets.ViewSet):
    """The audit trail of one main object, oldest entry first.

    Hook: `main_object_url(main_uuid)` returns the URL of the main object the
    caller may read the trail of, raising NotFound or PermissionDenied
    otherwise. Subclasses set `main_object_kwarg` (the URL keyword naming the
    main object) and `required_scopes`.
    """

    main_object_kwarg = ""
    lookup_field = "uuid"
    serializer_class = AuditTrailSerializer

    def main_object_url(self, main_uuid: UUID) -> str:
        raise NotImplementedError

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.query_params:
            names = ", ".join(sorted(request.query_params))
            raise invalid("nonFieldErrors", f"Onbekende query parameters: {names}", "unknown-parameters")

    def get_serializer_class(self):
        return self.serializer_class

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("context", {"request": self.request, "view": self})
        return self.serializer_class(*args, **kwargs)

    def trail(self) -> QuerySet:
        url = self.main_object_url(_uuid_or_404(self.kwargs[self.main_object_kwarg]))
        return AuditTrail.objects.filter(_of_main_object(url)).order_by("aanmaakdatum", "pk")

    def list(self, request, **kwargs):
        """Alle audit trail regels behorend bij het hoofdobject."""
        return Response(self.get_serializer(self.trail(), many=True).data)

    def retrieve(self, request, uuid=None, **kwargs):
        """Een specifieke audit trail regel opvragen."""
        entry = self.trail().filter(uuid=_uuid_or_404(uuid)).first()
        if entry is None:
            raise exceptions.NotFound("Deze audit trail regel bestaat niet.")
        return Response(self.get_serializer(entry).data)


def _uuid_or_404(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise exceptions.NotFound()


def audittrail_urls(main: str, viewset: type[AuditTrailViewSet]) -> list:
    """The two nested routes of a main resource's trail; `main` is its collection path (e.g. "zaken")."""
    prefix = f"{main}/<{viewset.main_object_kwarg}>/audittrail"
    name = viewset.main_object_kwarg.removesuffix("_uuid")
    return [
        path(prefix, viewset.as_view({"get": "list"}, basename="audittrail", detail=False), name=f"{name}-audittrail-list"),
        path(
            f"{prefix}/<uuid>", viewset.as_view({"get": "retrieve"}, basename="audittrail", detail=True),
            name=f"{name}-audittrail-detail",
        ),
    ]
