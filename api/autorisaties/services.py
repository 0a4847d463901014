"""Writes to applicaties: each in one transaction with its `autorisaties` notification.

Autorisaties 1.1 `alleenIsGereedVoorPublicatie` is kept in ApplicatieInstellingen
beside the library's Applicatie and written in the applicatie's transaction.
"""
from django.db import transaction

from api.common.autorisaties import Applicatie, ApplicatieInstellingen
from api.common.notifications import notification_record

from .kanalen import KANAAL_AUTORISATIES


def applicatie_notify(url: str, actie: str) -> None:
    """Record the `autorisaties` notification of a change to the applicatie at `url`."""
    notification_record(
        kanaal=KANAAL_AUTORISATIES, hoofd_object=url, resource="applicatie", resource_url=url, actie=actie
    )


@transaction.atomic
def applicatie_save(*, serializer, actie: str) -> Applicatie:
    """Create or update an applicatie with its autorisaties (replaced as a whole when given) and settings."""
    applicatie = serializer.save()
    applicatie_notify(serializer.data["url"], actie)
    return applicatie


@transaction.atomic
def applicatie_instellingen_save(*, applicatie: Applicatie, alleen_is_gereed_voor_publicatie: bool) -> None:
    """Set the Autorisaties 1.1 settings of a saved applicatie (only a change is written, so the auth cache stays warm otherwise)."""
    current = getattr(applicatie, "instellingen", None)
    if current is not None and current.alleen_is_gereed_voor_publicatie == alleen_is_gereed_voor_publicatie:
        return
    instellingen, _ = ApplicatieInstellingen.objects.update_or_create(
        applicatie=applicatie, defaults={"alleen_is_gereed_voor_publicatie": alleen_is_gereed_voor_publicatie}
    )
    applicatie.instellingen = instellingen


@transaction.atomic
def applicatie_destroy(*, applicatie: Applicatie, url: str) -> None:
    applicatie.delete()
    applicatie_notify(url, "destroy")
