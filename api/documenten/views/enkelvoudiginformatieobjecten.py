"""Viewset of /enkelvoudiginformatieobjecten: HTTP, scopes and autorisaties over the document backend.

Documents are not Django querysets here: lists, paging and the autorisatie
filter (with Autorisaties 1.1 `alleenIsGereedVoorPublicatie`) go to the
backend as a `DocumentQuery`; single documents are checked against the
caller's autorisaties by informatieobjecttype, vertrouwelijkheidaanduiding and
publication (views/base.py `document_permitted`).
"""
import re
from uuid import UUID

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.reverse import reverse

from api.common.audit import AUDIT_HEADERS
from api.common.datetimes import datetime_param
from api.common.exceptions import invalid
from api.common.pagination import ZGWPagination
from storage_backends import document_backend
from storage_backends.base import Document, DocumentQuery

from .. import services
from ..filters import LIST_FILTERS, LIST_PARAMETERS, document_query
from ..negotiation import OCTET_STREAM, ErrorsAsJson, download_types, preferred_type
from ..scopes import (
    SCOPE_DOCUMENTEN_AANMAKEN,
    SCOPE_DOCUMENTEN_BIJWERKEN,
    SCOPE_DOCUMENTEN_GEFORCEERD_BIJWERKEN,
    SCOPE_DOCUMENTEN_GEFORCEERD_UNLOCK,
    SCOPE_DOCUMENTEN_LEZEN,
    SCOPE_DOCUMENTEN_LOCK,
    SCOPE_DOCUMENTEN_VERWIJDEREN,
)
from ..serializers import (
    EIOZoekSerializer,
    EnkelvoudigInformatieObjectCreateLockSerializer,
    EnkelvoudigInformatieObjectSerializer,
    EnkelvoudigInformatieObjectWithLockSerializer,
    LockSerializer,
    UnlockSerializer,
)
from .audittrail import audit_for
from .base import ConditionalRetrieve, DocumentenViewSet, document_permitted
from .errors import backend_errors

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
VERSION_PARAMS = [
    OpenApiParameter("versie", OpenApiTypes.INT, description="Het (automatische) versienummer van het INFORMATIEOBJECT."),
    OpenApiParameter(
        "registratieOp", OpenApiTypes.STR,
        description="Een datumtijd in ISO8601 formaat. De versie van het INFORMATIEOBJECT die qua `begin_registratie` het kortst hiervoor zit wordt opgehaald.",
    ),
]
@extend_schema_view(
    list=extend_schema(parameters=LIST_PARAMETERS),
    retrieve=extend_schema(parameters=VERSION_PARAMS),
    **{write: extend_schema(parameters=AUDIT_HEADERS) for write in ("create", "update", "partial_update", "destroy")},
)
class EnkelvoudigInformatieObjectViewSet(ConditionalRetrieve, DocumentenViewSet):
    serializer_class = EnkelvoudigInformatieObjectSerializer
    pagination_class = ZGWPagination
    required_scopes = {
        "list": SCOPE_DOCUMENTEN_LEZEN,
        "retrieve": SCOPE_DOCUMENTEN_LEZEN,
        "download": SCOPE_DOCUMENTEN_LEZEN,
        "zoek": SCOPE_DOCUMENTEN_LEZEN,
        "create": SCOPE_DOCUMENTEN_AANMAKEN,
        "update": SCOPE_DOCUMENTEN_BIJWERKEN | SCOPE_DOCUMENTEN_GEFORCEERD_BIJWERKEN,
        "partial_update": SCOPE_DOCUMENTEN_BIJWERKEN | SCOPE_DOCUMENTEN_GEFORCEERD_BIJWERKEN,
        "destroy": SCOPE_DOCUMENTEN_VERWIJDEREN,
        "lock": SCOPE_DOCUMENTEN_LOCK,
        "unlock": SCOPE_DOCUMENTEN_LOCK | SCOPE_DOCUMENTEN_GEFORCEERD_UNLOCK,
    }
    expand_resource = "documenten.enkelvoudiginformatieobject"
    schema_list_actions = ("zoek",)
    schema_errors_like = {"download": "retrieve", "lock": "update", "unlock": "update", "zoek": "create"}
    query_params_allowed = {
        "list": {*LIST_FILTERS, "trefwoorden", "expand", "page"},
        "retrieve": {"versie", "registratieOp", "expand"},
        "download": {"versie", "registratieOp"},
        "zoek": {"page"},
    }

    # -- helpers ----------------------------------------------------------------------------------

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return EnkelvoudigInformatieObjectWithLockSerializer
        if self.action == "create":
            return EnkelvoudigInformatieObjectCreateLockSerializer
        return self.serializer_class

    def url_for(self, document: Document) -> str:
        return reverse("enkelvoudiginformatieobject-detail", kwargs={"uuid": document.uuid}, request=self.request)

    def _visible(self, document: Document) -> Document:
        if not document_permitted(self.request.jwt_auth, document, self.required_scopes[self.action]):
            raise exceptions.PermissionDenied()
        return document

    def _readable_version(self, uuid: UUID, version: dict) -> Document:
        """The asked version of a document the caller may read.

        For a caller limited to documents ready for publication the latest
        version decides too: a document that lists leave out is not read
        through an older version that was ready.
        """
        with backend_errors():
            document = self._visible(document_backend().document_get(uuid, **version))
            if version and self.request.jwt_auth.alleen_is_gereed_voor_publicatie:
                self._visible(document_backend().document_get(uuid))
        return document

    def _uuid(self, value: str) -> UUID:
        try:
            return UUID(value)
        except ValueError:
            raise exceptions.NotFound()

    def _version_args(self) -> dict:
        params = self.request.query_params
        args = {}
        if "versie" in params:
            if not params["versie"].isdigit():
                raise invalid("versie", "Het versienummer is een positief geheel getal.", "invalid")
            args["versie"] = int(params["versie"])
        elif "registratieOp" in params:
            args["registratie_op"] = datetime_param("registratieOp", params["registratieOp"])
        return args

    # -- actions ----------------------------------------------------------------------------------

    def list(self, request):
        return self.paginated(document_backend().document_list, self.limited(document_query(request.query_params)))

    @extend_schema(request=EIOZoekSerializer, parameters=[OpenApiParameter("page", int)])
    @action(detail=False, methods=["post"], url_path="_zoek")
    def zoek(self, request):
        search = EIOZoekSerializer(data=request.data)
        search.is_valid(raise_exception=True)
        found = search.validated_data
        return self.paginated(document_backend().document_list, self.limited(DocumentQuery(
            uuids=tuple(found["uuid__in"]),
            identificatie=found.get("identificatie") or None,
            bronorganisatie=found.get("bronorganisatie") or None,
        )))

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        informatieobjecttype = serializer.validated_data["informatieobjecttype"]
        level = serializer.validated_data.get("vertrouwelijkheidaanduiding") or None
        if not request.jwt_auth.has_scope(SCOPE_DOCUMENTEN_AANMAKEN, informatieobjecttype=informatieobjecttype,
                                          vertrouwelijkheidaanduiding=level):
            raise exceptions.PermissionDenied()
        with backend_errors():
            document = services.document_create(
                values=serializer.validated_data, request=request, url_for=self.url_for, audit=audit_for(self)
            )
        return Response(self.get_serializer(document).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, uuid=None):
        document = self._readable_version(self._uuid(uuid), self._version_args())
        return Response(self.get_serializer(document).data)

    def update(self, request, uuid=None, partial=False):
        uuid = self._uuid(uuid)
        with backend_errors():
            current = self._visible(document_backend().document_get(uuid))
        serializer = self.get_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        with backend_errors():
            document = services.document_update(
                uuid=uuid, values=serializer.validated_data, partial=partial, request=request, url_for=self.url_for,
                audit=audit_for(self, oud=self.get_serializer(current).data),
            )
        return Response(self.get_serializer(document).data)

    def partial_update(self, request, uuid=None):
        return self.update(request, uuid=uuid, partial=True)

    def destroy(self, request, uuid=None):
        uuid = self._uuid(uuid)
        with backend_errors():
            self._visible(document_backend().document_get(uuid))
            services.document_destroy(uuid=uuid, url_for=self.url_for, audit=audit_for(self))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(parameters=VERSION_PARAMS, responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], content_negotiation_class=ErrorsAsJson)
    def download(self, request, uuid=None):
        uuid = self._uuid(uuid)
        version = self._version_args()
        byte_range = self._byte_range() if document_backend().capabilities().byte_ranges else None
        document = self._readable_version(uuid, version)
        content_type = preferred_type(request.headers.get("Accept"), download_types(document.formaat))
        if content_type is None:
            raise exceptions.NotAcceptable(
                f"De inhoud is {document.formaat or OCTET_STREAM} of {OCTET_STREAM}; de Accept-header laat geen van "
                "beide toe."
            )
        with backend_errors():
            content = document_backend().content_open(uuid, byte_range=byte_range, **version)
        response = StreamingHttpResponse(
            content.chunks,
            status=status.HTTP_206_PARTIAL_CONTENT if byte_range else status.HTTP_200_OK,
            content_type=content_type,
        )
        response["Content-Length"] = str(content.length)
        response["Accept-Ranges"] = "bytes"
        response["Content-Disposition"] = content_disposition_header(True, document.bestandsnaam or str(uuid))
        if byte_range:
            response["Content-Range"] = f"bytes {content.start}-{content.start + content.length - 1}/{content.size}"
        return response

    def _byte_range(self) -> tuple[int, int | None] | None:
        header = self.request.headers.get("Range", "")
        match = RANGE.match(header.strip())
        if not match or not any(match.groups()):
            return None
        first, last = match.groups()
        if not first:
            raise invalid("Range", "Een bereik vanaf het einde wordt niet ondersteund.", "invalid-range")
        return int(first), int(last) if last else None

    @extend_schema(request=None, responses=LockSerializer)
    @action(detail=True, methods=["post"])
    def lock(self, request, uuid=None):
        uuid = self._uuid(uuid)
        with backend_errors():
            self._visible(document_backend().document_get(uuid))
            lock = document_backend().document_lock(uuid)
        return Response({"lock": lock})

    @extend_schema(request=UnlockSerializer, responses={204: None})
    @action(detail=True, methods=["post"])
    def unlock(self, request, uuid=None):
        uuid = self._uuid(uuid)
        serializer = UnlockSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        force = request.jwt_auth.has_scope(SCOPE_DOCUMENTEN_GEFORCEERD_UNLOCK)
        with backend_errors():
            self._visible(document_backend().document_get(uuid))
            document_backend().document_unlock(uuid, lock=serializer.validated_data.get("lock", ""), force=force)
        return Response(status=status.HTTP_204_NO_CONTENT)
