"""Viewset of /gebruiksrechten: conditions on the use of a document, which keep its indicatieGebruiksrecht."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response
from rest_framework.reverse import reverse

from api.common.audit import AUDIT_HEADERS
from api.common.datetimes import datetime_param
from api.common.exceptions import invalid
from storage_backends import document_backend
from storage_backends.base import Document, Gebruiksrecht, GebruiksrechtQuery

from .. import services
from ..scopes import DOCUMENT_PART_SCOPES
from ..serializers import GebruiksrechtSerializer
from .audittrail import audit_for
from .base import ConditionalRetrieve, DocumentPartViewSet, uuid_or_404
from .errors import backend_errors

BOUNDS = tuple(f"{field}__{op}" for field in ("startdatum", "einddatum") for op in ("lt", "lte", "gt", "gte"))


@extend_schema_view(
    list=extend_schema(
        parameters=[OpenApiParameter("informatieobject", str)]
        + [OpenApiParameter(bound, OpenApiTypes.DATETIME) for bound in BOUNDS]
    ),
    **{write: extend_schema(parameters=AUDIT_HEADERS) for write in ("create", "update", "partial_update", "destroy")},
)
class GebruiksrechtViewSet(ConditionalRetrieve, DocumentPartViewSet):
    expand_resource = "documenten.gebruiksrecht"
    serializer_class = GebruiksrechtSerializer
    pagination_class = None  # the lists are plain arrays, as the standard gives them
    required_scopes = DOCUMENT_PART_SCOPES
    query_params_allowed = {"list": {"informatieobject", "expand", *BOUNDS}}

    def url_for(self, recht: Gebruiksrecht) -> str:
        return reverse("gebruiksrecht-detail", kwargs={"uuid": recht.uuid}, request=self.request)

    def list(self, request):
        params = request.query_params
        bounds = {}
        for bound in BOUNDS:
            if bound in params:
                bounds[bound.replace("__", "_")] = datetime_param(bound, params[bound])
        informatieobject = self.document_uuid(params["informatieobject"]) if "informatieobject" in params else None
        with backend_errors():
            rechten = document_backend().gebruiksrecht_list(GebruiksrechtQuery(informatieobject=informatieobject, **bounds))
        return Response(self.get_serializer(list(self.visible(rechten)), many=True).data)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        informatieobject = self.document_uuid(serializer.validated_data["informatieobject"])
        document = self.document_for(informatieobject)
        with backend_errors():
            recht = services.gebruiksrecht_create(
                document=document, values=serializer.validated_data, url_for=self.url_for,
                document_url=self.document_url(informatieobject), audit=audit_for(self, document=document),
            )
        return Response(self.get_serializer(recht).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, uuid=None):
        recht, _ = self._get(uuid)
        return Response(self.get_serializer(recht).data)

    def update(self, request, uuid=None, partial=False):
        current, document = self._get(uuid)
        serializer = self.get_serializer(current, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        named = serializer.validated_data.get("informatieobject")
        if named is not None and self.document_uuid(named) != current.informatieobject:
            raise invalid("informatieobject", "Een gebruiksrecht hoort bij één document.", "wijzigen-niet-toegelaten")
        with backend_errors():
            recht = services.gebruiksrecht_update(
                current=current, document=document, values=serializer.validated_data, partial=partial, url_for=self.url_for,
                document_url=self.document_url(current.informatieobject),
                audit=audit_for(self, document=document, oud=self.get_serializer(current).data),
            )
        return Response(self.get_serializer(recht).data)

    def partial_update(self, request, uuid=None):
        return self.update(request, uuid=uuid, partial=True)

    def destroy(self, request, uuid=None):
        recht, document = self._get(uuid)
        with backend_errors():
            services.gebruiksrecht_destroy(
                recht=recht, document=document, url_for=self.url_for, document_url=self.document_url(recht.informatieobject),
                audit=audit_for(self, document=document),
            )
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _get(self, uuid: str) -> tuple[Gebruiksrecht, Document]:
        """The gebruiksrecht and its document, if the caller may act on that document."""
        with backend_errors():
            recht = document_backend().gebruiksrecht_get(uuid_or_404(uuid))
        return recht, self.document_for(recht.informatieobject)
