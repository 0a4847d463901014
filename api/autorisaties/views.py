"""Viewset of the Autorisaties API: /applicaties and /applicaties/consumer."""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.common.autorisaties import Applicatie
from api.common.exceptions import invalid
from api.common.pagination import ZGWPagination
from api.common.viewsets import CheckQueryParamsMixin

from . import schema
from .filters import ApplicatieFilter
from .scopes import SCOPE_AUTORISATIES_BIJWERKEN, SCOPE_AUTORISATIES_LEZEN
from .serializers import ApplicatieSerializer
from .services import applicatie_destroy, applicatie_save


class ApplicatiePagination(ZGWPagination):
    schema_requires_count_and_results = True  # as the Autorisaties standard's document has them


@extend_schema_view(**schema.APPLICATIE_VIEWSET)
class ApplicatieViewSet(CheckQueryParamsMixin, viewsets.ModelViewSet):
    queryset = Applicatie.objects.select_related("instellingen").prefetch_related("autorisaties").order_by("pk")
    serializer_class = ApplicatieSerializer
    filterset_class = ApplicatieFilter
    pagination_class = ApplicatiePagination
    lookup_field = "uuid"
    required_scopes = {
        "list": SCOPE_AUTORISATIES_LEZEN,
        "retrieve": SCOPE_AUTORISATIES_LEZEN,
        "consumer": SCOPE_AUTORISATIES_LEZEN,
        "create": SCOPE_AUTORISATIES_BIJWERKEN,
        "update": SCOPE_AUTORISATIES_BIJWERKEN,
        "partial_update": SCOPE_AUTORISATIES_BIJWERKEN,
        "destroy": SCOPE_AUTORISATIES_BIJWERKEN,
    }
    schema_errors_like = {"consumer": "retrieve"}
    query_checked_actions = ("list", "retrieve", "consumer")

    def perform_create(self, serializer):
        applicatie_save(serializer=serializer, actie="create")

    def perform_update(self, serializer):
        applicatie_save(serializer=serializer, actie="partial_update" if serializer.partial else "update")

    def perform_destroy(self, instance):
        url = self.get_serializer(instance).data["url"]
        applicatie_destroy(applicatie=instance, url=url)

    @extend_schema(
        parameters=[
            OpenApiParameter("clientId", str, required=True, description=schema.CONSUMER_CLIENT_ID)
        ],
        **schema.CONSUMER,
    )
    @action(detail=False, methods=["get"], filterset_class=None, pagination_class=None)
    def consumer(self, request, *args, **kwargs):
        unknown = set(request.query_params) - {"clientId"}
        if unknown:
            raise invalid("nonFieldErrors", f"Onbekende query parameters: {', '.join(sorted(unknown))}", "unknown-parameters")
        client_id = request.query_params.get("clientId", "").strip()
        if not client_id:
            raise invalid("clientId", "Dit veld is vereist.", "required")
        applicatie = get_object_or_404(self.get_queryset(), client_ids__contains=[client_id])
        # The one applicatie, as the operation's description, the reference
        # implementation and its clients have it (the OAS file says a list;
        # docs/oas-differences.md).
        return Response(self.get_serializer(applicatie).data)
