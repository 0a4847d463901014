"""Viewset of /objectinformatieobjecten: the links between documents and zaken, besluiten or verzoeken.

Zaken and Besluiten APIs create and remove these when they link a document;
a link's document decides who may see it (informatieobjecttype and
vertrouwelijkheidaanduiding).
"""
from uuid import UUID

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, status, viewsets
from rest_framework.response import Response

from api.common.exceptions import invalid
from storage_backends import document_backend
from storage_backends.base import ObjectLink

from .. import services
from ..scopes import SCOPE_DOCUMENTEN_AANMAKEN, SCOPE_DOCUMENTEN_LEZEN, SCOPE_DOCUMENTEN_VERWIJDEREN
from ..serializers import ObjectInformatieObjectSerializer
from .errors import backend_errors


def _uuid(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise exceptions.NotFound()


@extend_schema_view(
    list=extend_schema(parameters=[OpenApiParameter("object", str), OpenApiParameter("informatieobject", str)])
)
class ObjectInformatieObjectViewSet(viewsets.ViewSet):
    serializer_class = ObjectInformatieObjectSerializer
    lookup_field = "uuid"
    lookup_value_regex = "[0-9a-f-]+"
    http_method_names = ["get", "post", "delete", "head", "options"]
    required_scopes = {
        "list": SCOPE_DOCUMENTEN_LEZEN,
        "retrieve": SCOPE_DOCUMENTEN_LEZEN,
        "create": SCOPE_DOCUMENTEN_AANMAKEN,
        "destroy": SCOPE_DOCUMENTEN_VERWIJDEREN,
    }

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        allowed = {"object", "informatieobject", "expand"} if self.action == "list" else {"expand"}
        unknown = set(request.query_params) - allowed
        if unknown:
            raise invalid("nonFieldErrors", f"Onbekende query parameters: {', '.join(sorted(unknown))}", "unknown-parameters")

    def get_serializer(self, *args, **kwargs):
        return self.serializer_class(*args, context={"request": self.request, "view": self}, **kwargs)

    def _document_uuid(self, url: str, field: str) -> UUID:
        prefix = self.request.build_absolute_uri("/documenten/api/v1/enkelvoudiginformatieobjecten/")
        if not url.startswith(prefix):
            raise invalid(field, "De URL is geen document van deze dienst.", "bad-url")
        try:
            return UUID(url[len(prefix):].rstrip("/"))
        except ValueError:
            raise invalid(field, "De URL is geen document van deze dienst.", "bad-url")

    def _visible(self, link: ObjectLink) -> ObjectLink:
        with backend_errors():
            document = document_backend().document_get(link.informatieobject)
        if not self.request.jwt_auth.has_scope(
            self.required_scopes[self.action],
            informatieobjecttype=document.informatieobjecttype,
            vertrouwelijkheidaanduiding=document.vertrouwelijkheidaanduiding,
        ):
            raise exceptions.PermissionDenied()
        return link

    def list(self, request):
        params = request.query_params
        informatieobject = self._document_uuid(params["informatieobject"], "informatieobject") if (
            "informatieobject" in params
        ) else None
        with backend_errors():
            links = document_backend().link_list(informatieobject=informatieobject, object=params.get("object"))
        visible = []
        for link in links:
            try:
                visible.append(self._visible(link))
            except exceptions.PermissionDenied:
                continue
        return Response(self.get_serializer(visible, many=True).data)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        informatieobject = self._document_uuid(values["informatieobject"], "informatieobject")
        with backend_errors():
            document = document_backend().document_get(informatieobject)
        if not request.jwt_auth.has_scope(
            SCOPE_DOCUMENTEN_AANMAKEN,
            informatieobjecttype=document.informatieobjecttype,
            vertrouwelijkheidaanduiding=document.vertrouwelijkheidaanduiding,
        ):
            raise exceptions.PermissionDenied()
        with backend_errors():
            link = services.objectinformatieobject_create(
                informatieobject=informatieobject, object=values["object"], object_type=values["object_type"]
            )
        return Response(self.get_serializer(link).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, uuid=None):
        with backend_errors():
            link = document_backend().link_get(_uuid(uuid))
        return Response(self.get_serializer(self._visible(link)).data)

    def destroy(self, request, uuid=None):
        with backend_errors():
            link = self._visible(document_backend().link_get(_uuid(uuid)))
            document_backend().link_destroy(link.uuid)
        return Response(status=status.HTTP_204_NO_CONTENT)
