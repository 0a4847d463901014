"""Viewset of /bestandsdelen: uploading one part of content that comes in parts.

The client that created (or updated) the document with a `bestandsomvang`
and no `inhoud` got its parts and its lock; each part is PUT as a file with
that lock. The unlock of the document joins them into its content.
"""
from drf_spectacular.utils import extend_schema
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from storage_backends import document_backend
from storage_backends.base import ContentIn

from ..scopes import SCOPE_DOCUMENTEN_BIJWERKEN
from ..serializers import BestandsDeelSerializer, BestandsDeelUploadSerializer
from .base import DocumentPartViewSet, uuid_or_404
from .errors import backend_errors


class BestandsDeelViewSet(DocumentPartViewSet):
    serializer_class = BestandsDeelUploadSerializer
    parser_classes = (MultiPartParser, FormParser)
    http_method_names = ["put", "options"]
    required_scopes = {"update": SCOPE_DOCUMENTEN_BIJWERKEN}

    @extend_schema(request=BestandsDeelUploadSerializer, responses=BestandsDeelUploadSerializer)
    def update(self, request, uuid=None):
        with backend_errors():
            part = document_backend().part_get(uuid_or_404(uuid))
        self.document_for(part.informatieobject)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["inhoud"]
        lock = serializer.validated_data["lock"]
        with backend_errors():
            part = document_backend().part_put(part.uuid, content=ContentIn(stream=upload, size=upload.size), lock=lock)
        return Response(BestandsDeelSerializer(part, context={"request": request, "lock": lock}).data)
