"""Object links (OBJECTINFORMATIEOBJECT) and gebruiksrechten in the database backend: rows beside the document.

Neither makes a new version: a gebruiksrecht sets or clears the document's
indicatieGebruiksrecht in place on its latest version.
"""
from datetime import datetime
from uuid import UUID

from django.db import IntegrityError, transaction

from ..base import (
    Conflict,
    Gebruiksrecht,
    GebruiksrechtQuery,
    NotFound,
    ObjectLink,
    Record,
    run_record,
)
from .models import StoredDocument, StoredGebruiksrecht, StoredObjectLink, StoredVersion


def _link(link: StoredObjectLink) -> ObjectLink:
    return ObjectLink(
        uuid=link.uuid, informatieobject=link.document.uuid, object=link.object, object_type=link.object_type
    )


def _gebruiksrecht(recht: StoredGebruiksrecht) -> Gebruiksrecht:
    return Gebruiksrecht(
        uuid=recht.uuid,
        informatieobject=recht.document.uuid,
        startdatum=recht.startdatum,
        einddatum=recht.einddatum,
        omschrijving_voorwaarden=recht.omschrijving_voorwaarden,
    )



def _chosen(uuid: UUID | None) -> dict:
    """A relation's uuid when the caller chose it (the CMIS backend names its repository item by it)."""
    return {"uuid": uuid} if uuid is not None else {}


class RelationsMixin:
    """Link and gebruiksrecht methods of DatabaseBackend (its `_locked_row`).

    The create methods take, beyond the contract, the `uuid` of the new
    relation, for a backend that indexes what it wrote elsewhere.
    """

    # -- object links -----------------------------------------------------------------------------

    def link_create(
        self, *, informatieobject: UUID, object: str, object_type: str, record: Record[ObjectLink] = None,
        uuid: UUID | None = None,
    ) -> ObjectLink:
        document = StoredDocument.objects.filter(uuid=informatieobject).first()
        if document is None:
            raise NotFound("Het document bestaat niet.")
        try:
            with transaction.atomic():
                link = StoredObjectLink.objects.create(
                    document=document, object=object, object_type=object_type, **_chosen(uuid)
                )
                run_record(record, _link(link))
        except IntegrityError:
            raise Conflict("Dit document is al aan dit object gekoppeld.", code="unique")
        return _link(link)

    def link_get(self, uuid: UUID) -> ObjectLink:
        link = StoredObjectLink.objects.select_related("document").filter(uuid=uuid).first()
        if link is None:
            raise NotFound("De koppeling bestaat niet.")
        return _link(link)

    def link_list(self, *, informatieobject: UUID | None = None, object: str | None = None) -> tuple[ObjectLink, ...]:
        links = StoredObjectLink.objects.select_related("document").order_by("pk")
        if informatieobject is not None:
            links = links.filter(document__uuid=informatieobject)
        if object is not None:
            links = links.filter(object=object)
        return tuple(_link(link) for link in links)

    def link_destroy(self, uuid: UUID, *, record: Record[ObjectLink] = None) -> None:
        with transaction.atomic():
            link = StoredObjectLink.objects.select_for_update().select_related("document").filter(uuid=uuid).first()
            if link is None:
                raise NotFound("De koppeling bestaat niet.")
            run_record(record, _link(link))
            link.delete()

    # -- gebruiksrechten ---------------------------------------------------------------------------

    def gebruiksrecht_create(
        self, *, informatieobject: UUID, startdatum: datetime, einddatum: datetime | None, omschrijving_voorwaarden: str,
        record: Record[Gebruiksrecht] = None, uuid: UUID | None = None,
    ) -> Gebruiksrecht:
        with transaction.atomic():
            document = self._locked_row(informatieobject)
            recht = StoredGebruiksrecht.objects.create(
                document=document, startdatum=startdatum, einddatum=einddatum,
                omschrijving_voorwaarden=omschrijving_voorwaarden, **_chosen(uuid),
            )
            # The indicatie describes the document, not a version of it: set in place.
            document.versions.filter(is_latest=True).update(indicatie_gebruiksrecht=True)
            run_record(record, _gebruiksrecht(recht))
        return _gebruiksrecht(recht)

    def gebruiksrecht_get(self, uuid: UUID) -> Gebruiksrecht:
        recht = StoredGebruiksrecht.objects.select_related("document").filter(uuid=uuid).first()
        if recht is None:
            raise NotFound("Het gebruiksrecht bestaat niet.")
        return _gebruiksrecht(recht)

    def gebruiksrecht_list(self, query: GebruiksrechtQuery) -> tuple[Gebruiksrecht, ...]:
        rechten = StoredGebruiksrecht.objects.select_related("document").order_by("pk")
        if query.informatieobject is not None:
            rechten = rechten.filter(document__uuid=query.informatieobject)
        bounds = {
            f"{name.rsplit('_', 1)[0]}__{name.rsplit('_', 1)[1]}": value
            for name, value in vars(query).items()
            if name != "informatieobject" and value is not None
        }
        return tuple(_gebruiksrecht(recht) for recht in rechten.filter(**bounds))

    def gebruiksrecht_update(
        self, uuid: UUID, *, startdatum: datetime, einddatum: datetime | None, omschrijving_voorwaarden: str,
        record: Record[Gebruiksrecht] = None,
    ) -> Gebruiksrecht:
        with transaction.atomic():
            recht = StoredGebruiksrecht.objects.select_for_update().select_related("document").filter(uuid=uuid).first()
            if recht is None:
                raise NotFound("Het gebruiksrecht bestaat niet.")
            recht.startdatum, recht.einddatum = startdatum, einddatum
            recht.omschrijving_voorwaarden = omschrijving_voorwaarden
            recht.save(update_fields=["startdatum", "einddatum", "omschrijving_voorwaarden"])
            run_record(record, _gebruiksrecht(recht))
        return _gebruiksrecht(recht)

    def gebruiksrecht_destroy(self, uuid: UUID, *, record: Record[Gebruiksrecht] = None) -> None:
        with transaction.atomic():
            recht = StoredGebruiksrecht.objects.select_for_update().select_related("document").filter(uuid=uuid).first()
            if recht is None:
                raise NotFound("Het gebruiksrecht bestaat niet.")
            run_record(record, _gebruiksrecht(recht))
            document_id = recht.document_id
            recht.delete()
            if not StoredGebruiksrecht.objects.filter(document_id=document_id).exists():
                StoredVersion.objects.filter(document_id=document_id, is_latest=True).update(
                    indicatie_gebruiksrecht=None
                )
