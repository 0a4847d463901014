"""Viewsets of the Documenten API 1.5.0."""
from .audittrail import EnkelvoudigInformatieObjectAuditTrailViewSet
from .bestandsdelen import BestandsDeelViewSet
from .enkelvoudiginformatieobjecten import EnkelvoudigInformatieObjectViewSet
from .gebruiksrechten import GebruiksrechtViewSet
from .objectinformatieobjecten import ObjectInformatieObjectViewSet
from .verzendingen import VerzendingViewSet

__all__ = [
    "BestandsDeelViewSet",
    "EnkelvoudigInformatieObjectAuditTrailViewSet",
    "EnkelvoudigInformatieObjectViewSet",
    "GebruiksrechtViewSet",
    "ObjectInformatieObjectViewSet",
    "VerzendingViewSet",
]
