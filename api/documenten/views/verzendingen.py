"""Viewset of /verzendingen: documents sent to or received from a betrokkene, with the address used.

The document decides autorisatie: a verzending is read and written with the
caller's scope for its document (informatieobjecttype,
vertrouwelijkheidaanduiding and, Autorisaties 1.1, publication); lists carry those restrictions into the
backend query, so paging counts only what the caller may see.
"""
from uuid import UUID

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.response import Response

from api.common.exceptions import invalid
from api.common.pagination import ZGWPagination
from storage_backends import document_backend
from storage_backends.base import Verzending, VerzendingQuery

from .. import services
from ..scopes import DOCUMENT_PART_SCOPES
from ..serializers import VerzendingSerializer
from ..serializers.verzendingen import AARD_RELATIE
from .base import ConditionalRetrieve, DocumentPartViewSet, uuid_or_404
from .errors import backend_errors

LIST_PARAMS = [
    OpenApiParameter(
        "aardRelatie", str, enum=AARD_RELATIE,
        description="Omschrijving van de aard van de relatie van de BETROKKENE tot het INFORMATIEOBJECT.",
    ),
    OpenApiParameter(
        "informatieobject", OpenApiTypes.URI,
        description="URL-referentie naar het informatieobject dat is ontvangen of verzonden.",
    ),
    OpenApiParameter(
        "betrokkene", OpenApiTypes.URI,
        description="URL-referentie naar de betrokkene waarvan het informatieobject is ontvangen of waaraan dit is "
        "verzonden.",
    ),
]


@extend_schema_view(list=extend_schema(parameters=LIST_PARAMS))
class VerzendingViewSet(ConditionalRetrieve, DocumentPartViewSet):
    expand_resource = "documenten.verzending"
    serializer_class = VerzendingSerializer
    pagination_class = ZGWPagination
    required_scopes = DOCUMENT_PART_SCOPES
    query_params_allowed = {"list": {"aardRelatie", "informatieobject", "betrokkene", "expand", "page"}}

    def list(self, request):
        params = request.query_params
        aard_relatie = params.get("aardRelatie")
        if aard_relatie is not None and aard_relatie not in AARD_RELATIE:
            raise invalid("aardRelatie", f"Kies uit {', '.join(AARD_RELATIE)}.", "invalid_choice")
        informatieobject = self.document_uuid(params["informatieobject"]) if "informatieobject" in params else None
        return self.paginated(document_backend().verzending_list, self.limited(VerzendingQuery(
            informatieobject=informatieobject,
            betrokkene=params.get("betrokkene"),
            aard_relatie=aard_relatie,
        )))

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        informatieobject = self._existing_document(self.document_uuid(serializer.validated_data["informatieobject"]))
        with backend_errors():
            verzending = services.verzending_create(informatieobject=informatieobject, values=serializer.validated_data)
        return Response(self.get_serializer(verzending).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, uuid=None):
        return Response(self.get_serializer(self._get(uuid)).data)

    def update(self, request, uuid=None, partial=False):
        current = self._get(uuid)
        serializer = self.get_serializer(current, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        informatieobject = current.informatieobject
        if "informatieobject" in serializer.validated_data:
            named = self.document_uuid(serializer.validated_data["informatieobject"])
            # Moving a verzending to another document needs the scope for that document too.
            informatieobject = named if named == current.informatieobject else self._existing_document(named)
        with backend_errors():
            verzending = services.verzending_update(
                current=current, informatieobject=informatieobject, values=serializer.validated_data, partial=partial
            )
        return Response(self.get_serializer(verzending).data)

    def partial_update(self, request, uuid=None):
        return self.update(request, uuid=uuid, partial=True)

    def destroy(self, request, uuid=None):
        verzending = self._get(uuid)
        with backend_errors():
            document_backend().verzending_destroy(verzending.uuid)
        return Response(status=status.HTTP_204_NO_CONTENT)

    # -- helpers ----------------------------------------------------------------------------------

    def _get(self, uuid: str) -> Verzending:
        """The verzending, if the caller holds the action's scope for its document."""
        with backend_errors():
            verzending = document_backend().verzending_get(uuid_or_404(uuid))
        self.document_for(verzending.informatieobject)
        return verzending

    def _existing_document(self, uuid: UUID) -> UUID:
        """`uuid`, if that document exists (400 `bad-url` otherwise) and the caller holds the action's scope for it."""
        try:
            self.document_for(uuid)
        except exceptions.NotFound:
            raise invalid("informatieobject", "Het document bestaat niet.", "bad-url")
        return uuid
