"""Serializers of the Documenten API 1.7.0, one resource per module."""
from .bestandsdelen import BestandsDeelSerializer, BestandsDeelUploadSerializer
from .enkelvoudiginformatieobjecten import (
    EnkelvoudigInformatieObjectSerializer,
    EnkelvoudigInformatieObjectWithLockSerializer,
    LockSerializer,
    EIOZoekSerializer,
    UnlockSerializer,
)
from .gebruiksrechten import GebruiksrechtSerializer
from .objectinformatieobjecten import ObjectInformatieObjectSerializer
from .verzendingen import VerzendingSerializer

__all__ = [
    "BestandsDeelSerializer",
    "BestandsDeelUploadSerializer",
    "EnkelvoudigInformatieObjectSerializer",
    "EnkelvoudigInformatieObjectWithLockSerializer",
    "GebruiksrechtSerializer",
    "LockSerializer",
    "ObjectInformatieObjectSerializer",
    "UnlockSerializer",
    "VerzendingSerializer",
    "EIOZoekSerializer",
]
