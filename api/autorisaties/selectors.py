"""Reads of applicaties: their Autorisaties 1.1 settings (defaults when none were stored)."""
from api.common.autorisaties import Applicatie


def applicatie_alleen_is_gereed_voor_publicatie(applicatie: Applicatie) -> bool:
    """Whether the applicatie may read only documents ready for publication; False before it is saved with settings."""
    instellingen = getattr(applicatie, "instellingen", None)
    return bool(instellingen and instellingen.alleen_is_gereed_voor_publicatie)
