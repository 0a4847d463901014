"""Writes to applicaties: each in one transaction with its `autorisaties` notification."""
from django.db import transaction

from api.common.autorisaties import Applicatie
from api.common.notifications import notification_record

from .kanalen import KANAAL_AUTORISATIES


def applicatie_notify(url: str, actie: str) -> None:
    """Record the `autorisaties` notification of a change to the applicatie at `url`."""
    notification_record(
        kanaal=KANAAL_AUTORISATIES, hoofd_object=url, resource="applicatie", resource_url=url, actie=actie
    )


@transaction.atomic
def applicatie_save(*, serializer, actie: str) -> Applicatie:
    """Create or update an applicatie with its autorisaties (replaced as a whole when given)."""
    applicatie = serializer.save()
    applicatie_notify(serializer.data["url"], actie)
    return applicatie


@transaction.atomic
def applicatie_destroy(*, applicatie: Applicatie, url: str) -> None:
    applicatie.delete()
    applicatie_notify(url, "destroy")
