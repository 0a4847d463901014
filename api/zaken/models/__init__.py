"""Models of the Zaken API 1.7.0, one module per resource group."""
from .links import KlantContact, ZaakBesluit, ZaakContactMoment, ZaakVerzoek
from .rol import Rol
from .status import Resultaat, Status
from .zaak import RelevanteZaakRelatie, ReservedZaakIdentificatie, Zaak, ZaakIdentificatieCounter, ZaakKenmerk
from .zaakeigenschap import ZaakEigenschap
from .zaakinformatieobject import ZaakInformatieObject
from .zaaknotitie import ZaakNotitie
from .zaakobject import ZaakObject

__all__ = [
    "KlantContact",
    "RelevanteZaakRelatie",
    "ReservedZaakIdentificatie",
    "Resultaat",
    "Rol",
    "Status",
    "Zaak",
    "ZaakBesluit",
    "ZaakContactMoment",
    "ZaakEigenschap",
    "ZaakIdentificatieCounter",
    "ZaakInformatieObject",
    "ZaakKenmerk",
    "ZaakNotitie",
    "ZaakObject",
    "ZaakVerzoek",
]
