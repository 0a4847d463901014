"""Viewsets of the embedded Referentielijsten API 0.6: public, read-only lists and details.

Only /resultaten and /communicatiekanalen are paginated, as in the standard;
/procestypen and /resultaattypeomschrijvingen answer a plain array.
"""
from drf_spectacular.utils import extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.settings import api_settings

from api.common.exceptions import invalid
from api.common.pagination import ZGWPagination

from . import schema, selectors
from .serializers import (
    CommunicatieKanaalSerializer,
    ProcesTypeSerializer,
    ResultaatSerializer,
    ResultaattypeOmschrijvingGeneriekSerializer,
)


class ReferentielijstPagination(ZGWPagination):
    """ZGW pagination that answers a malformed `page` with 400 (DRF answers 404 for any bad page)."""

    def get_page_number(self, request, paginator):
        value = request.query_params.get(self.page_query_param, "1")
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            raise invalid(self.page_query_param, "Een geheel getal groter dan 0 is vereist.", "invalid")
        return number


class _ReferentielijstViewSet(viewsets.GenericViewSet):
    """Public viewsets over in-memory records, strict about query parameters.

    Hook: `initial` rejects query parameters the action does not know with 400
    `unknown-parameters`. (api.common's CheckQueryParamsMixin reads the known
    parameters from a django-filter filterset, which needs a queryset.)
    """

    permission_classes = ()
    filter_backends = ()
    lookup_field = "uuid"
    lookup_value_converter = "uuid"
    list_query_params: frozenset[str] = frozenset()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        known = set()
        if self.action == "list":
            known |= self.list_query_params
            if self.paginator is not None:
                known.add(self.paginator.page_query_param)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise invalid(
                api_settings.NON_FIELD_ERRORS_KEY,
                f"Onbekende query parameters: {', '.join(unknown)}",
                "unknown-parameters",
            )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "base_url": selectors.embedded_base_url(self.request)}

    def _list_response(self, records) -> Response:
        """The list answer: one page of `records` when paginated, else all of them."""
        page = self.paginate_queryset(records)
        if page is None:
            return Response(self.get_serializer(records, many=True).data)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def _detail_response(self, record) -> Response:
        if record is None:
            raise NotFound()
        return Response(self.get_serializer(record).data)


@extend_schema_view(**schema.COMMUNICATIEKANAAL_VIEWSET)
class CommunicatieKanaalViewSet(_ReferentielijstViewSet):
    serializer_class = CommunicatieKanaalSerializer
    pagination_class = ReferentielijstPagination

    def list(self, request):
        return self._list_response(selectors.communicatiekanalen_list())

    def retrieve(self, request, uuid):
        return self._detail_response(selectors.communicatiekanaal_get(str(uuid)))


@extend_schema_view(**schema.PROCESTYPE_VIEWSET)
class ProcesTypeViewSet(_ReferentielijstViewSet):
    serializer_class = ProcesTypeSerializer
    pagination_class = None
    list_query_params = frozenset({"jaar"})

    def list(self, request):
        value = request.query_params.get("jaar", "").strip()
        try:
            jaar = int(value) if value else None
        except ValueError:
            raise invalid("jaar", "Voer een geheel getal in.", "invalid") from None
        return self._list_response(selectors.procestypen_list(jaar=jaar))

    def retrieve(self, request, uuid):
        return self._detail_response(selectors.procestype_get(str(uuid)))


@extend_schema_view(**schema.RESULTAATTYPEOMSCHRIJVING_VIEWSET)
class ResultaattypeOmschrijvingGeneriekViewSet(_ReferentielijstViewSet):
    serializer_class = ResultaattypeOmschrijvingGeneriekSerializer
    pagination_class = None

    def list(self, request):
        return self._list_response(selectors.resultaattypeomschrijvingen_list())

    def retrieve(self, request, uuid):
        return self._detail_response(selectors.resultaattypeomschrijving_get(str(uuid)))


@extend_schema_view(**schema.RESULTAAT_VIEWSET)
class ResultaatViewSet(_ReferentielijstViewSet):
    serializer_class = ResultaatSerializer
    pagination_class = ReferentielijstPagination
    # `procesType` as every ZGW filter is spelled; `proces_type` as VNG's OAS 0.6 spells it.
    list_query_params = frozenset({"procesType", "proces_type"})

    def list(self, request):
        name = "procesType" if "procesType" in request.query_params else "proces_type"
        value = request.query_params.get(name, "").strip()
        procestype_uuid = None
        if value:
            procestype_uuid = selectors.embedded_uuid_for_url(value, "procestypen")
            if procestype_uuid is None:
                raise invalid(name, "Voer een URL van een procestype van deze API in.", "invalid")
        return self._list_response(selectors.resultaten_list(procestype_uuid=procestype_uuid))

    def retrieve(self, request, uuid):
        return self._detail_response(selectors.resultaat_get(str(uuid)))
