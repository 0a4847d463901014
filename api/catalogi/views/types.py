"""Viewsets of the catalogus and the types with a life of their own: zaaktypen, informatieobjecttypen, besluittypen.

These are published with `POST .../{uuid}/publish` (ztc-009); until then they
are concepts that only catalogi.schrijven sees changed. Deleting answers 204,
as the standard's tests expect (its OAS says 200).
"""
from datetime import date

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from api.common.exceptions import invalid

from .. import services
from ..filters import BesluitTypeFilter, CatalogusFilter, InformatieObjectTypeFilter, ZaakTypeFilter, geldig_op
from ..models import BesluitType, Catalogus, InformatieObjectType, ZaakType, ZaakTypeInformatieObjectType
from ..scopes import (
    SCOPE_CATALOGI_FORCED_WRITE,
    SCOPE_CATALOGI_LEZEN,
    SCOPE_CATALOGI_SCHRIJVEN,
    SCOPE_DOCUMENTEN_LEZEN,
    SCOPE_ZAKEN_LEZEN,
)
from ..serializers import (
    BesluitTypeSerializer,
    CatalogusSerializer,
    InformatieObjectTypeSerializer,
    ZaakTypeSerializer,
)
from ..serializers.zaaktype import zaaktypenrelaties_with_targets
from .base import TYPE_SCOPES, CatalogiViewSet

DATUM_GELDIGHEID = OpenApiParameter(
    "datumGeldigheid",
    OpenApiTypes.DATE,
    description="filter op datumGeldigheid voor het zelf en alle onderliggende objecten",
)


class CatalogusViewSet(CatalogiViewSet):
    queryset = Catalogus.objects.prefetch_related("zaaktypen", "besluittypen", "informatieobjecttypen").order_by("pk")
    serializer_class = CatalogusSerializer
    filterset_class = CatalogusFilter
    # Catalogi 1.3.3 adds PUT and PATCH; a catalogus is never deleted through the API.
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    required_scopes = {
        "list": SCOPE_CATALOGI_LEZEN,
        "retrieve": SCOPE_CATALOGI_LEZEN,
        "create": SCOPE_CATALOGI_SCHRIJVEN,
        "update": SCOPE_CATALOGI_SCHRIJVEN | SCOPE_CATALOGI_FORCED_WRITE,
        "partial_update": SCOPE_CATALOGI_SCHRIJVEN | SCOPE_CATALOGI_FORCED_WRITE,
    }

    def perform_create(self, serializer):
        serializer.instance = services.catalogus_create(data=serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.catalogus_update(catalogus=serializer.instance, data=serializer.validated_data)


class PublishableViewSet(CatalogiViewSet):
    """Create, update, delete and publish through the `<type>_<action>` services of `service_prefix`."""

    required_scopes = TYPE_SCOPES
    service_prefix = ""

    def _service(self, verb: str):
        return getattr(services, f"{self.service_prefix}_{verb}")

    def perform_create(self, serializer):
        serializer.instance = self._service("create")(data=serializer.validated_data, url_for=self.url_for)

    def perform_update(self, serializer):
        serializer.instance = self._service("update")(
            **{self.service_prefix: serializer.instance},
            data=serializer.validated_data,
            partial=serializer.partial,
            force=self.force_write,
            url_for=self.url_for,
        )

    def perform_destroy(self, instance):
        self._service("destroy")(**{self.service_prefix: instance}, force=self.force_delete, url_for=self.url_for)

    schema_errors_like = {"publish": "update"}

    @action(detail=True, methods=["post"])
    def publish(self, request, *args, **kwargs):
        obj = self._service("publish")(**{self.service_prefix: self.get_object()}, url_for=self.url_for)
        return Response(self.get_serializer(obj).data, status=status.HTTP_200_OK)


@extend_schema_view(retrieve=extend_schema(parameters=[DATUM_GELDIGHEID]))
class ZaakTypeViewSet(PublishableViewSet):
    queryset = ZaakType.objects.order_by("pk")
    serializer_class = ZaakTypeSerializer
    filterset_class = ZaakTypeFilter
    service_prefix = "zaaktype"
    required_scopes = {
        **TYPE_SCOPES,
        "list": SCOPE_CATALOGI_LEZEN | SCOPE_DOCUMENTEN_LEZEN | SCOPE_ZAKEN_LEZEN,
        "retrieve": SCOPE_CATALOGI_LEZEN | SCOPE_DOCUMENTEN_LEZEN | SCOPE_ZAKEN_LEZEN,
    }

    def get_queryset(self):
        """With `?datumGeldigheid=` on retrieve, the zaaktype and its parts as valid on that date."""
        datum = self._datum_geldigheid() if self.action == "retrieve" else None
        parts = {name: None for name in ("statustypen", "resultaattypen", "eigenschappen", "roltypen", "zaakobjecttypen")}
        queryset = super().get_queryset()
        if datum is not None:
            queryset = queryset.filter(geldig_op(datum))
            parts = {
                name: getattr(ZaakType, name).rel.related_model.objects.filter(geldig_op(datum)) for name in parts
            }
        return queryset.select_related("catalogus").prefetch_related(
            *(Prefetch(name, queryset=part_queryset) for name, part_queryset in parts.items()),
            "besluittypen", "deelzaaktypen", zaaktypenrelaties_with_targets(),
            Prefetch("ziots", queryset=ZaakTypeInformatieObjectType.objects.select_related("informatieobjecttype")),
        )

    def _datum_geldigheid(self) -> date | None:
        value = self.request.query_params.get("datumGeldigheid")
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise invalid("datumGeldigheid", "Voer een geldige datum in (JJJJ-MM-DD).", "invalid")


class InformatieObjectTypeViewSet(PublishableViewSet):
    queryset = (
        InformatieObjectType.objects.select_related("catalogus")
        .prefetch_related(
            "besluittypen", Prefetch("ziots", queryset=ZaakTypeInformatieObjectType.objects.select_related("zaaktype"))
        )
        .order_by("pk")
    )
    serializer_class = InformatieObjectTypeSerializer
    filterset_class = InformatieObjectTypeFilter
    service_prefix = "informatieobjecttype"


class BesluitTypeViewSet(PublishableViewSet):
    queryset = (
        BesluitType.objects.select_related("catalogus")
        .prefetch_related("zaaktypen", "informatieobjecttypen", "resultaattypen")
        .order_by("pk")
    )
    serializer_class = BesluitTypeSerializer
    filterset_class = BesluitTypeFilter
    service_prefix = "besluittype"

