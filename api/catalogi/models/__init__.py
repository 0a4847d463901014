"""Models of the Catalogi API 1.3.3, one module per resource."""
from .besluittype import BesluitType
from .catalogus import Catalogus
from .eigenschap import Eigenschap
from .informatieobjecttype import InformatieObjectType
from .resultaattype import ResultaatType
from .roltype import RolType
from .statustype import StatusType
from .zaakobjecttype import ZaakObjectType
from .zaaktype import ZaakType, ZaakTypenRelatie
from .zaaktypeinformatieobjecttype import ZaakTypeInformatieObjectType

__all__ = [
    "BesluitType",
    "Catalogus",
    "Eigenschap",
    "InformatieObjectType",
    "ResultaatType",
    "RolType",
    "StatusType",
    "ZaakObjectType",
    "ZaakType",
    "ZaakTypenRelatie",
    "ZaakTypeInformatieObjectType",
]
