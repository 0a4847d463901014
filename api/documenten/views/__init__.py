"""Viewsets of the Documenten API 1.5.0."""
from .enkelvoudiginformatieobjecten import EnkelvoudigInformatieObjectViewSet
from .gebruiksrechten import GebruiksrechtViewSet
from .objectinformatieobjecten import ObjectInformatieObjectViewSet

__all__ = ["EnkelvoudigInformatieObjectViewSet", "GebruiksrechtViewSet", "ObjectInformatieObjectViewSet"]
