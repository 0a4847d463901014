"""The audit trail of a document: recording its writes and /enkelvoudiginformatieobjecten/{uuid}/audittrail.

Every write to a document or to a resource that belongs to it (gebruiksrecht,
objectinformatieobject, verzending) leaves a row whose hoofdObject is the
document's URL, recorded by the backend inside the transaction that commits
the write. Destroying the document removes its trail with it (drc 1.5.0,
enkelvoudiginformatieobject_destroy: "Gerelateerde resources … audit trail
regels").
"""
from collections.abc import Callable
from uuid import UUID

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.reverse import reverse

from api.common.audit import AuditTrailViewSet, audit_record, audit_trail_destroy
from storage_backends import document_backend
from storage_backends.base import Document

from ..scopes import SCOPE_AUDITTRAILS_LEZEN
from .base import document_permitted
from .errors import backend_errors

BRON = "drc"
DOCUMENT_PARAM = OpenApiParameter(
    "enkelvoudiginformatieobject_uuid", str, OpenApiParameter.PATH, description="Unieke resource identifier (UUID4)"
)
RESULTAAT = {"create": status.HTTP_201_CREATED, "destroy": status.HTTP_204_NO_CONTENT}


def _weergave(document: Document) -> str:
    return f"{document.bronorganisatie} - {document.identificatie}"


def audit_for(view, *, document: Document | None = None, oud: dict | None = None) -> Callable[[object], None]:
    """The backend `record` writing the audit row of the view's current write.

    The actie is the view's action; the written object is rendered with the
    view's serializer, as the response shows it. `document` is the document a
    written gebruiksrecht, objectinformatieobject or verzending belongs to;
    None when the write is to the document itself. `oud` is the serializer
    data before an update (a destroy takes it from the removed object).
    """
    request, actie = view.request, view.action

    def record(written) -> None:
        data = view.get_serializer(written).data
        if document is None and actie == "destroy":
            audit_trail_destroy(data["url"])
            return
        audit_record(
            request,
            bron=BRON,
            actie=actie,
            resultaat=RESULTAAT.get(actie, status.HTTP_200_OK),
            hoofd_object=data["url"] if document is None else _document_url(request, document.uuid),
            resource=view.basename,
            resource_url=data["url"],
            resource_weergave=(
                _weergave(written) if document is None else f"{view.basename} {written.uuid} ({_weergave(document)})"
            ),
            oud=data if actie == "destroy" else oud,
            nieuw=None if actie == "destroy" else data,
        )

    return record


def _document_url(request, uuid: UUID) -> str:
    return reverse("enkelvoudiginformatieobject-detail", kwargs={"uuid": uuid}, request=request)


@extend_schema_view(list=extend_schema(parameters=[DOCUMENT_PARAM]), retrieve=extend_schema(parameters=[DOCUMENT_PARAM]))
class EnkelvoudigInformatieObjectAuditTrailViewSet(AuditTrailViewSet):
    """The trail of a document the caller holds `audittrails.lezen` for (its informatieobjecttype, level and publication)."""

    main_object_kwarg = "enkelvoudiginformatieobject_uuid"
    required_scopes = {"list": SCOPE_AUDITTRAILS_LEZEN, "retrieve": SCOPE_AUDITTRAILS_LEZEN}

    def main_object_url(self, main_uuid: UUID) -> str:
        with backend_errors():
            document = document_backend().document_get(main_uuid)
        if not document_permitted(self.request.jwt_auth, document, SCOPE_AUDITTRAILS_LEZEN):
            raise exceptions.PermissionDenied()
        return _document_url(self.request, main_uuid)
