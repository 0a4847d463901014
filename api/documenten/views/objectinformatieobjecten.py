"""Viewset of /objectinformatieobjecten: the links between documents and zaken, besluiten or verzoeken.

Zaken and Besluiten APIs create and remove these when they link a document.
"""
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response

from storage_backends import document_backend

from .. import services
from ..scopes import SCOPE_DOCUMENTEN_AANMAKEN, SCOPE_DOCUMENTEN_LEZEN, SCOPE_DOCUMENTEN_VERWIJDEREN
from ..serializers import ObjectInformatieObjectSerializer
from .audittrail import audit_for
from .base import ConditionalRetrieve, DocumentPartViewSet, uuid_or_404
from .errors import backend_errors


@extend_schema_view(
    list=extend_schema(parameters=[OpenApiParameter("object", str), OpenApiParameter("informatieobject", str)])
)
class ObjectInformatieObjectViewSet(ConditionalRetrieve, DocumentPartViewSet):
    expand_resource = "documenten.objectinformatieobject"
    serializer_class = ObjectInformatieObjectSerializer
    pagination_class = None  # the lists are plain arrays, as the standard gives them
    http_method_names = ["get", "post", "delete", "head", "options"]
    required_scopes = {
        "list": SCOPE_DOCUMENTEN_LEZEN,
        "retrieve": SCOPE_DOCUMENTEN_LEZEN,
        "create": SCOPE_DOCUMENTEN_AANMAKEN,
        "destroy": SCOPE_DOCUMENTEN_VERWIJDEREN,
    }
    query_params_allowed = {"list": {"object", "informatieobject", "expand"}}

    def list(self, request):
        params = request.query_params
        informatieobject = self.document_uuid(params["informatieobject"]) if "informatieobject" in params else None
        with backend_errors():
            links = document_backend().link_list(informatieobject=informatieobject, object=params.get("object"))
        return Response(self.get_serializer(list(self.visible(links)), many=True).data)

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        informatieobject = self.document_uuid(values["informatieobject"])
        document = self.document_for(informatieobject)
        with backend_errors():
            link = services.objectinformatieobject_create(
                informatieobject=informatieobject, object=values["object"], object_type=values["object_type"],
                audit=audit_for(self, document=document),
            )
        return Response(self.get_serializer(link).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, uuid=None):
        with backend_errors():
            link = document_backend().link_get(uuid_or_404(uuid))
        self.document_for(link.informatieobject)
        return Response(self.get_serializer(link).data)

    def destroy(self, request, uuid=None):
        with backend_errors():
            link = document_backend().link_get(uuid_or_404(uuid))
            document = self.document_for(link.informatieobject)
            services.objectinformatieobject_destroy(uuid=link.uuid, audit=audit_for(self, document=document))
        return Response(status=status.HTTP_204_NO_CONTENT)
