"""Serializers of the Documenten API 1.5.0, one resource per module."""
from .enkelvoudiginformatieobjecten import (
    EnkelvoudigInformatieObjectSerializer,
    EnkelvoudigInformatieObjectWithLockSerializer,
    LockSerializer,
    UnlockSerializer,
    ZoekSerializer,
)
from .gebruiksrechten import GebruiksrechtSerializer
from .objectinformatieobjecten import ObjectInformatieObjectSerializer

__all__ = [
    "EnkelvoudigInformatieObjectSerializer",
    "EnkelvoudigInformatieObjectWithLockSerializer",
    "GebruiksrechtSerializer",
    "LockSerializer",
    "ObjectInformatieObjectSerializer",
    "UnlockSerializer",
    "ZoekSerializer",
]
