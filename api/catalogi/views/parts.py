"""Viewsets of the types that belong to one zaaktype: statustypen, roltypen, eigenschappen,
resultaattypen, zaaktype-informatieobjecttypen and zaakobjecttypen.

They change only while their zaaktype is a concept (ztc-010), unless the
caller may write published types; see `services_parts.py`.
"""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from .. import services_parts as parts
from ..filters import (
    EigenschapFilter,
    ResultaatTypeFilter,
    RolTypeFilter,
    StatusTypeFilter,
    ZaakObjectTypeFilter,
    ZaakTypeInformatieObjectTypeFilter,
)
from ..models import (
    Eigenschap,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakTypeInformatieObjectType,
)
from ..serializers import (
    EigenschapSerializer,
    ResultaatTypeSerializer,
    RolTypeSerializer,
    StatusTypeSerializer,
    ZaakObjectTypeSerializer,
    ZaakTypeInformatieObjectTypeSerializer,
)
from .base import CatalogiViewSet

ZAAKTYPE = ("zaaktype", "zaaktype__catalogus")

class ZaakTypePartViewSet(CatalogiViewSet):
    """Statustypen, roltypen and eigenschappen: the plain concept rule of their zaaktype."""

    def perform_create(self, serializer):
        model = self.get_queryset().model
        serializer.instance = parts.part_create(model=model, data=serializer.validated_data, force=self.force_write)

    def perform_update(self, serializer):
        serializer.instance = parts.part_update(
            part=serializer.instance, data=serializer.validated_data, force=self.force_write
        )

    def perform_destroy(self, instance):
        parts.part_destroy(part=instance, force=self.force_delete)

class StatusTypeViewSet(ZaakTypePartViewSet):
    queryset = (
        StatusType.objects.select_related(*ZAAKTYPE, "zaakobjecttype")
        .prefetch_related("eigenschappen", "zaaktype__statustypen")
        .order_by("pk")
    )
    serializer_class = StatusTypeSerializer
    filterset_class = StatusTypeFilter

class RolTypeViewSet(ZaakTypePartViewSet):
    queryset = RolType.objects.select_related(*ZAAKTYPE).order_by("pk")
    serializer_class = RolTypeSerializer
    filterset_class = RolTypeFilter

class EigenschapViewSet(ZaakTypePartViewSet):
    queryset = Eigenschap.objects.select_related(*ZAAKTYPE, "statustype").order_by("pk")
    serializer_class = EigenschapSerializer
    filterset_class = EigenschapFilter

@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("zaaktype_identificatie", str, description="zaaktype_identificatie"),
            OpenApiParameter("datum_geldigheid", OpenApiTypes.DATE, description="datum_geldigheid"),
        ]
    )
)
class ResultaatTypeViewSet(ZaakTypePartViewSet):
    # Catalogi 1.3.1 spells these two filters of this list in snake_case.
    snake_case_query_params = ("zaaktype_identificatie", "datum_geldigheid")
    queryset = (
        ResultaatType.objects.select_related(*ZAAKTYPE)
        .prefetch_related("besluittypen", "informatieobjecttypen", "zaakobjecttypen")
        .order_by("pk")
    )
    serializer_class = ResultaatTypeSerializer
    filterset_class = ResultaatTypeFilter

    def perform_create(self, serializer):
        serializer.instance = parts.resultaattype_create(data=serializer.validated_data, force=self.force_write)

    def perform_update(self, serializer):
        serializer.instance = parts.resultaattype_update(
            resultaattype=serializer.instance, data=serializer.validated_data, force=self.force_write
        )

class ZaakTypeInformatieObjectTypeViewSet(CatalogiViewSet):
    queryset = ZaakTypeInformatieObjectType.objects.select_related(
        *ZAAKTYPE, "informatieobjecttype", "statustype"
    ).order_by("pk")
    serializer_class = ZaakTypeInformatieObjectTypeSerializer
    filterset_class = ZaakTypeInformatieObjectTypeFilter

    def perform_create(self, serializer):
        serializer.instance = parts.zaaktypeinformatieobjecttype_create(
            data=serializer.validated_data, force=self.force_write
        )

    def perform_update(self, serializer):
        serializer.instance = parts.zaaktypeinformatieobjecttype_update(
            ziot=serializer.instance, data=serializer.validated_data, force=self.force_write
        )

    def perform_destroy(self, instance):
        parts.zaaktypeinformatieobjecttype_destroy(ziot=instance, force=self.force_delete)

class ZaakObjectTypeViewSet(CatalogiViewSet):
    queryset = (
        ZaakObjectType.objects.select_related(*ZAAKTYPE, "catalogus")
        .prefetch_related("resultaattypen", "statustypen")
        .order_by("pk")
    )
    serializer_class = ZaakObjectTypeSerializer
    filterset_class = ZaakObjectTypeFilter

    def perform_create(self, serializer):
        serializer.instance = parts.zaakobjecttype_create(data=serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = parts.zaakobjecttype_update(
            zaakobjecttype=serializer.instance, data=serializer.validated_data
        )

    def perform_destroy(self, instance):
        parts.zaakobjecttype_destroy(zaakobjecttype=instance)
