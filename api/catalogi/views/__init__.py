"""Viewsets of the Catalogi API 1.3.3."""
from .parts import (
    EigenschapViewSet,
    ResultaatTypeViewSet,
    RolTypeViewSet,
    StatusTypeViewSet,
    ZaakObjectTypeViewSet,
    ZaakTypeInformatieObjectTypeViewSet,
)
from .types import BesluitTypeViewSet, CatalogusViewSet, InformatieObjectTypeViewSet, ZaakTypeViewSet

__all__ = [
    "BesluitTypeViewSet",
    "CatalogusViewSet",
    "EigenschapViewSet",
    "InformatieObjectTypeViewSet",
    "ResultaatTypeViewSet",
    "RolTypeViewSet",
    "StatusTypeViewSet",
    "ZaakObjectTypeViewSet",
    "ZaakTypeInformatieObjectTypeViewSet",
    "ZaakTypeViewSet",
]
