"""The base of the Documenten viewsets, and of those of resources that belong to a document.

A resource that belongs to a document (objectinformatieobject, gebruiksrecht) names its document by URL; the document decides who may see
or change it (the caller's autorisaties for its informatieobjecttype and
vertrouwelijkheidaanduiding, with the scope of the action). An applicatie with
Autorisaties 1.1 `alleenIsGereedVoorPublicatie` sees only documents whose
`isGereedVoorPublicatie` is true: any other is to it as a document outside its
autorisaties (left out of lists, 403 on every operation on it or its parts).
"""
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from uuid import UUID

from rest_framework import exceptions, mixins, viewsets
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.utils.urls import replace_query_param

from api.common.auth import ZGWAuth
from api.common.exceptions import invalid
from api.common.pagination import ZGWPagination
from api.common.scopes import Scope
from api.common.viewsets import ETagMixin, ExpandMixin
from storage_backends import document_backend
from storage_backends.base import Document, DocumentQuery, Page, Restriction

from ..selectors import document_restrictions, documents_visible_to
from .errors import backend_errors

DOCUMENTS_PATH = "/documenten/api/v1/enkelvoudiginformatieobjecten/"


def document_permitted(auth: ZGWAuth, document: Document, scope: Scope) -> bool:
    """Whether the caller holds `scope` for this document: its informatieobjecttype and level, and its publication.

    A caller limited to documents ready for publication (Autorisaties 1.1)
    holds nothing for a document whose `is_gereed_voor_publicatie` is not true
    (false or not known).
    """
    if auth.alleen_is_gereed_voor_publicatie and document.is_gereed_voor_publicatie is not True:
        return False
    return auth.has_scope(
        scope,
        informatieobjecttype=document.informatieobjecttype,
        vertrouwelijkheidaanduiding=document.vertrouwelijkheidaanduiding,
    )


def uuid_or_404(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise exceptions.NotFound()


class DocumentenViewSet(ExpandMixin, ETagMixin, viewsets.ViewSet):
    """Documenten resources live in the backend, not in querysets: lookup by uuid, our own query check.

    `expand` on list, retrieve and `_zoek`, at most three levels deep (drc-012;
    api/documenten/expansions.py); a detail answers HEAD and If-None-Match with
    its ETag (ETagMixin).
    """

    lookup_field = "uuid"
    pagination_class = ZGWPagination
    lookup_value_regex = "[0-9a-f-]+"
    # Query parameters per action (default: `expand`); anything else is a 400 `unknown-parameters`.
    query_params_allowed: dict[str, set[str]] = {}
    expand_body_actions = ("zoek",)
    expand_max_depth = 3

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        unknown = set(request.query_params) - self.query_params_allowed.get(self.action, {"expand"})
        if unknown:
            raise invalid("nonFieldErrors", f"Onbekende query parameters: {', '.join(sorted(unknown))}", "unknown-parameters")

    def restrictions(self) -> tuple[Restriction, ...] | None:
        """The caller's autorisaties for the action as a backend query carries them; None: no limits."""
        return document_restrictions(self.request.jwt_auth, self.required_scopes[self.action])

    def limited(self, query):
        """A DocumentQuery or VerzendingQuery narrowed to the documents the caller may see with the action's scope."""
        return documents_visible_to(query, auth=self.request.jwt_auth, scope=self.required_scopes[self.action])

    def paginated(self, list_page: Callable[[Any], Page], query) -> Response:
        """The ZGW page (`?page=`) of what `list_page` finds for `query`; the backend pages and counts."""
        paginator = self.pagination_class()
        param = paginator.page_query_param
        raw = self.request.query_params.get(param, "1")
        if not raw.isdigit() or int(raw) < 1:
            raise exceptions.NotFound("Ongeldige pagina.")
        number = int(raw)
        with backend_errors():
            page = list_page(replace(query, page=number, page_size=paginator.page_size))
        if number > 1 and not page.items:
            raise exceptions.NotFound("Ongeldige pagina.")
        url = self.request.build_absolute_uri()
        return Response({
            "count": page.count,
            "next": replace_query_param(url, param, number + 1) if number * paginator.page_size < page.count else None,
            "previous": replace_query_param(url, param, number - 1) if number > 1 else None,
            "results": self.get_serializer(page.items, many=True).data,
        })

    def get_serializer_class(self):
        return self.serializer_class

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("context", {"request": self.request, "view": self})
        return self.get_serializer_class()(*args, **kwargs)


class ConditionalRetrieve(mixins.RetrieveModelMixin):
    """Marks a viewset whose `retrieve` (its own) answers If-None-Match and HEAD: the schema then documents them."""


class DocumentPartViewSet(DocumentenViewSet):

    def document_uuid(self, url: str, field: str = "informatieobject") -> UUID:
        """The uuid of a document of this service named by `url`; a 400 `bad-url` otherwise."""
        prefix = self.request.build_absolute_uri(DOCUMENTS_PATH)
        try:
            if not url.startswith(prefix):
                raise ValueError(url)
            return UUID(url[len(prefix):].rstrip("/"))
        except ValueError:
            raise invalid(field, "De URL is geen document van deze dienst.", "bad-url")

    def document_url(self, uuid: UUID) -> str:
        return reverse("enkelvoudiginformatieobject-detail", kwargs={"uuid": uuid}, request=self.request)

    def document_for(self, uuid: UUID, *, scope=None) -> Document:
        """The document, if the caller holds the action's scope (or `scope`) for it; 403 otherwise."""
        with backend_errors():
            document = document_backend().document_get(uuid)
        if not document_permitted(self.request.jwt_auth, document, scope or self.required_scopes[self.action]):
            raise exceptions.PermissionDenied()
        return document

    def visible(self, items) -> list:
        """The items whose document the caller may see with the action's scope, in one backend query."""
        items = list(items)
        uuids = tuple(dict.fromkeys(item.informatieobject for item in items))
        if not uuids:
            return []
        query = self.limited(DocumentQuery(uuids=uuids, page_size=len(uuids)))
        with backend_errors():
            seen = {document.uuid for document in document_backend().document_list(query).items}
        return [item for item in items if item.informatieobject in seen]
