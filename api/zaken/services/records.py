"""What every write of a zaak or one of its parts records, in its own transaction: the `zaken`
notification (through the outbox) and the audit trail row, both under the zaak as hoofdobject."""
from rest_framework.reverse import reverse

from api.common.audit import audit_record
from api.common.notifications import notification_record

from ..kanalen import KANAAL_ZAKEN, zaak_kenmerken
from ..models import Zaak

AUDIT_RESULTAAT = {"create": 201, "update": 200, "partial_update": 200, "destroy": 204}
NOTIFICATION_ACTIE = {"create": "create", "update": "update", "partial_update": "partial_update", "destroy": "destroy"}


def zaak_url(zaak: Zaak, request) -> str:
    return reverse("zaak-detail", kwargs={"uuid": zaak.uuid}, request=request)


def change_record(
    request,
    *,
    zaak: Zaak,
    resource: str,
    resource_url: str,
    actie: str,
    weergave: str,
    oud: dict | None,
    nieuw: dict | None,
) -> None:
    """Record one write of `resource` (a zaak or a part of `zaak`); call it inside the write's transaction.

    `actie` is the viewset action (create, update, partial_update, destroy);
    `oud` and `nieuw` are the serializer data before and after.
    """
    hoofd_object = zaak_url(zaak, request)
    zaaktype = zaak.zaaktype
    notification_record(
        kanaal=KANAAL_ZAKEN,
        hoofd_object=hoofd_object,
        resource=resource,
        resource_url=resource_url,
        actie=NOTIFICATION_ACTIE[actie],
        kenmerken=zaak_kenmerken(
            zaak,
            zaaktype_url=reverse("zaaktype-detail", kwargs={"uuid": zaaktype.uuid}, request=request),
            catalogus_url=reverse("catalogus-detail", kwargs={"uuid": zaaktype.catalogus.uuid}, request=request),
        ),
    )
    audit_record(
        request,
        bron="ZRC",
        actie=actie,
        resultaat=AUDIT_RESULTAAT[actie],
        hoofd_object=hoofd_object,
        resource=resource,
        resource_url=resource_url,
        resource_weergave=weergave,
        oud=oud,
        nieuw=nieuw,
    )
