"""The reconciler: brings the CMIS backend's index in line with the repository, which owns the documents.

It repairs what a cut-off write left (CMIS.md §3.6) and takes over what DMS
users changed directly in the repository:

1. Intents still pending after `grace`: an object created but never indexed
   is deleted (the create was compensated too late); an update's new version
   is remembered under the API version it was written as (found as the
   series' latest version when the write's answer was lost).
2. Documents: every latest version under the base folder (or, incrementally,
   those modified since the last run) whose object or modification time the
   index does not know is re-read with all its versions and re-indexed. API
   versions follow `drc:versie`; a version checked in by a DMS user (its
   `drc:versie` not higher than the one before) becomes the next API version.
3. Relation items: added, changed and, in a full run, removed likewise.
4. A full run removes from the index what is gone from the repository (only
   after asking for the object itself, so a lagging query index never
   deletes anything).
5. Settled intents older than INTENTS_KEPT are dropped.

Run it with `manage.py reconcile_cmis [--full]`; the worker's beat runs it
incrementally every hour and in full every night.
"""
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..base import Gebruiksrecht, ObjectLink, Verzending
from ..database.backend import version_columns
from ..database.models import StoredDocument, StoredGebruiksrecht, StoredObjectLink, StoredVersion, StoredVerzending
from ..database.verzendingen import verzending_columns
from . import mapping
from .client import CmisGateway, CmisNotFound, CmisObject, quote
from .models import Intent, ReconcilerState, RepositoryObject

logger = logging.getLogger(__name__)

PAGE = 100
# Writes in flight are not touched: an intent younger than this may still be settled by its request.
GRACE = timedelta(minutes=10)
# An incremental run looks this far before the previous run's start (clock skew, index lag).
OVERLAP = timedelta(minutes=5)
# How long a cut-off create is looked for by query before it counts as never written.
SEARCH_PATIENCE = timedelta(days=1)
# Settled intents are kept this long for the admin (what failed, and why), then dropped.
INTENTS_KEPT = timedelta(days=30)


@dataclass
class ReconcileReport:
    documents_indexed: list[str] = field(default_factory=list)
    documents_removed: list[str] = field(default_factory=list)
    items_indexed: list[str] = field(default_factory=list)
    items_removed: list[str] = field(default_factory=list)
    objects_deleted: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"{name.replace('_', ' ')}: {len(values)}" for name, values in vars(self).items()]


class Reconciler:
    def __init__(self, gateway: CmisGateway, *, grace: timedelta = GRACE):
        self.gateway = gateway
        self.grace = grace

    def run(self, *, full: bool = False) -> ReconcileReport:
        """One pass; incremental from the last run unless `full` (or there was none)."""
        report = ReconcileReport()
        started = timezone.now()
        # Only what is filed under the base folder is ours: the repository may serve other installations.
        self._tree = self.gateway.folder("")
        state, _ = ReconcilerState.objects.get_or_create(pk=1)
        since = None if full or state.synced_until is None else state.synced_until - OVERLAP
        self._intents_settle(report)
        # Writes younger than the grace period: their own request indexes them (or compensates).
        self._in_flight = set(Intent.objects.filter(state=Intent.PENDING).values_list("uuid", flat=True))
        seen = self._documents(since, report)
        if since is None:
            self._documents_gone(seen, report)
        for type_id in (mapping.GEBRUIKSRECHT, mapping.OBJECT_LINK, mapping.VERZENDING):
            seen_items = self._items(type_id, since, report)
            if since is None:
                self._items_gone(type_id, seen_items, report)
        ReconcilerState.objects.filter(pk=1).update(synced_until=started)
        Intent.objects.exclude(state=Intent.PENDING).filter(created__lt=started - INTENTS_KEPT).delete()
        return report

    # -- intents ----------------------------------------------------------------------------------

    def _intents_settle(self, report: ReconcileReport) -> None:
        stale = Intent.objects.filter(state=Intent.PENDING, created__lt=timezone.now() - self.grace)
        for intent in stale:
            indexed = RepositoryObject.objects.filter(uuid=intent.uuid).exists()
            if intent.operation.endswith("_create") and not indexed:
                named = [intent.object_id] if intent.object_id else self._objects_named(intent.uuid)
                if not named and intent.created > timezone.now() - SEARCH_PATIENCE:
                    continue  # perhaps not searchable yet (index lag): asked again next run
                for object_id in named:
                    try:
                        self.gateway.delete(object_id, all_versions=True)
                    except CmisNotFound:
                        continue
                    report.objects_deleted.append(object_id)
            elif intent.versie is not None and (object_id := intent.object_id or self._written(intent)):
                # Remembered under the API version it was written as; the document pass indexes it.
                RepositoryObject.objects.update_or_create(
                    uuid=intent.uuid, versie=intent.versie, defaults={"object_id": object_id}
                )
            Intent.objects.filter(pk=intent.pk).update(state=Intent.DONE, detail=f"{intent.detail} (reconciled)")

    def _written(self, intent: Intent) -> str:
        """The version a document write whose answer was lost made: the latest, if new and carrying its versie.

        An upload in parts joined at the unlock completes the API version it
        was for; without this its CMIS version would read as a DMS user's.
        """
        mapped = RepositoryObject.objects.filter(uuid=intent.uuid, versie__isnull=False).order_by("-versie").first()
        if mapped is None:
            return ""
        try:
            latest = self.gateway.latest(mapped.object_id)
        except CmisNotFound:
            return ""
        if latest.id != mapped.object_id and latest.properties.get("drc:versie") == intent.versie:
            return latest.id
        return ""

    def _objects_named(self, uuid: UUID) -> list[str]:
        """Objects of any of our types carrying this uuid (a create cut off before it learnt the object id)."""
        found = []
        for type_id, properties in mapping.PROPERTIES.items():
            uuid_property = properties[0].id
            statement = (
                f"SELECT cmis:objectId FROM {mapping.query_name(type_id)} WHERE {uuid_property} = {quote(str(uuid))}"
            )
            found += [obj.id for obj in self.gateway.query(statement).objects]
        return found

    # -- documents --------------------------------------------------------------------------------

    def _query(self, type_id: str, columns: str, since: datetime | None) -> Iterator[CmisObject]:
        statement = f"SELECT {columns} FROM {mapping.query_name(type_id)} WHERE IN_TREE({quote(self._tree)})"
        if since is not None:
            statement += f" AND cmis:lastModificationDate >= TIMESTAMP '{since.isoformat(timespec='milliseconds')}'"
        skip = 0
        while True:
            page = self.gateway.query(statement, max_items=PAGE, skip_count=skip)
            yield from page.objects
            skip += len(page.objects)
            if not page.has_more or not page.objects:
                return

    def _documents(self, since: datetime | None, report: ReconcileReport) -> set[UUID]:
        seen = set()
        columns = "cmis:objectId, cmis:versionLabel, cmis:lastModificationDate, drc:uuid"
        for found in self._query(mapping.DOCUMENT, columns, since):
            if found.properties.get("cmis:versionLabel") == "pwc" or not found.properties.get("drc:uuid"):
                continue
            uuid = UUID(found.properties["drc:uuid"])
            seen.add(uuid)
            if uuid in self._in_flight:
                continue  # its request is still settling it
            latest = RepositoryObject.objects.filter(uuid=uuid, versie__isnull=False).order_by("-versie").first()
            modified = found.properties.get("cmis:lastModificationDate")
            if latest is not None and latest.object_id == found.id and latest.last_modified == modified:
                continue
            try:
                self._document_index(uuid, found.id)
            except IntegrityError:
                report.conflicts.append(f"{uuid}: identificatie already used by another document")
                continue
            report.documents_indexed.append(str(uuid))
        return seen

    def _document_index(self, uuid: UUID, object_id: str) -> None:
        """Index every version of the document whose latest version is `object_id`."""
        known = dict(RepositoryObject.objects.filter(uuid=uuid, versie__isnull=False).values_list("object_id", "versie"))
        by_versie: dict[int, CmisObject] = {}
        begins: dict[int, datetime] = {}
        last = 0
        for version in self.gateway.versions(object_id):
            written_as = version.properties.get("drc:versie") or 0
            if written_as > last:
                versie = written_as  # written by this service
            elif known.get(version.id) == last and last:
                versie = last  # the same API version, completed (an upload in parts joined at the unlock)
            else:
                versie = last + 1  # checked in by a DMS user
            by_versie[versie] = version
            if versie not in begins:
                begins[versie] = (
                    version.properties.get("drc:beginRegistratie") if written_as == versie else version.last_modified
                ) or timezone.now()
            last = versie
        with transaction.atomic():
            latest_data = mapping.document_data(by_versie[last].properties)
            document, _ = StoredDocument.objects.update_or_create(
                uuid=uuid,
                defaults={"bronorganisatie": latest_data.bronorganisatie, "identificatie": latest_data.identificatie},
            )
            has_rechten = document.gebruiksrechten.exists()
            for versie, version in by_versie.items():
                columns = version_columns(mapping.document_data(version.properties))
                if versie == last and has_rechten:
                    columns["indicatie_gebruiksrecht"] = True
                has_content = version.content_length is not None
                StoredVersion.objects.update_or_create(
                    document=document, versie=versie,
                    defaults={
                        **columns, "is_latest": versie == last, "begin_registratie": begins[versie],
                        "content_key": version.id if has_content else "",
                        "content_size": version.content_length if has_content else None,
                    },
                )
                RepositoryObject.objects.update_or_create(
                    uuid=uuid, versie=versie, defaults={"object_id": version.id, "last_modified": version.last_modified}
                )
            document.versions.filter(versie__gt=last).delete()
            RepositoryObject.objects.filter(uuid=uuid, versie__gt=last).delete()

    def _documents_gone(self, seen: set[UUID], report: ReconcileReport) -> None:
        indexed = RepositoryObject.objects.filter(versie__isnull=False).exclude(uuid__in=seen)
        for uuid in indexed.values_list("uuid", flat=True).distinct():
            latest = RepositoryObject.objects.filter(uuid=uuid, versie__isnull=False).order_by("-versie").first()
            if self._exists(latest.object_id):
                continue  # not (yet) in the query index, but there
            with transaction.atomic():
                document = StoredDocument.objects.filter(uuid=uuid).first()
                if document is not None:
                    items = [*document.links.values_list("uuid", flat=True),
                             *document.gebruiksrechten.values_list("uuid", flat=True),
                             *document.verzendingen.values_list("uuid", flat=True)]
                    document.links.all().delete()
                    document.delete()
                    RepositoryObject.objects.filter(uuid__in=items).delete()
                RepositoryObject.objects.filter(uuid=uuid).delete()
            report.documents_removed.append(str(uuid))

    def _exists(self, object_id: str) -> bool:
        try:
            self.gateway.get(object_id)
        except CmisNotFound:
            return False
        return True

    # -- relation items ---------------------------------------------------------------------------

    def _items(self, type_id: str, since: datetime | None, report: ReconcileReport) -> set[UUID]:
        seen = set()
        columns = f"cmis:objectId, cmis:lastModificationDate, {', '.join(p.id for p in mapping.PROPERTIES[type_id])}"
        for found in self._query(type_id, columns, since):
            uuid_property = mapping.PROPERTIES[type_id][0].id
            if not found.properties.get(uuid_property):
                continue
            uuid = UUID(found.properties[uuid_property])
            seen.add(uuid)
            if uuid in self._in_flight:
                continue
            mapped = RepositoryObject.objects.filter(uuid=uuid, versie__isnull=True).first()
            modified = found.properties.get("cmis:lastModificationDate")
            if mapped is not None and mapped.object_id == found.id and mapped.last_modified == modified:
                continue
            if self._item_index(type_id, found):
                report.items_indexed.append(str(uuid))
            else:
                report.conflicts.append(f"{uuid}: its document is not in the index")
        return seen

    def _item_index(self, type_id: str, found: CmisObject) -> bool:
        """Index one relation item; False when its document is not in the index."""
        item = ITEMS[type_id][0](found.properties)
        document = StoredDocument.objects.filter(uuid=item.informatieobject).first()
        if document is None:
            return False
        model = ITEMS[type_id][1]
        with transaction.atomic():
            model.objects.update_or_create(uuid=item.uuid, defaults={"document": document, **_item_columns(item)})
            if model is StoredGebruiksrecht:
                document.versions.filter(is_latest=True).update(indicatie_gebruiksrecht=True)
            RepositoryObject.objects.update_or_create(
                uuid=item.uuid, versie=None, defaults={"object_id": found.id, "last_modified": found.last_modified}
            )
        return True

    def _items_gone(self, type_id: str, seen: set[UUID], report: ReconcileReport) -> None:
        model = ITEMS[type_id][1]
        indexed = model.objects.exclude(uuid__in=seen).values_list("uuid", "document_id")
        for uuid, document_id in indexed:
            mapped = RepositoryObject.objects.filter(uuid=uuid, versie__isnull=True).first()
            if mapped is None or self._exists(mapped.object_id):
                continue
            with transaction.atomic():
                model.objects.filter(uuid=uuid).delete()
                mapped.delete()
                if model is StoredGebruiksrecht and not StoredGebruiksrecht.objects.filter(document_id=document_id).exists():
                    StoredVersion.objects.filter(document_id=document_id, is_latest=True).update(
                        indicatie_gebruiksrecht=None
                    )
            report.items_removed.append(str(uuid))


# Per item type: how its properties read, and the index table it goes in.
ITEMS = {
    mapping.GEBRUIKSRECHT: (mapping.gebruiksrecht, StoredGebruiksrecht),
    mapping.OBJECT_LINK: (mapping.link, StoredObjectLink),
    mapping.VERZENDING: (mapping.verzending, StoredVerzending),
}


def _item_columns(item: Gebruiksrecht | ObjectLink | Verzending) -> dict:
    """The index columns of a relation besides its uuid and document."""
    if isinstance(item, Gebruiksrecht):
        return {
            "startdatum": item.startdatum, "einddatum": item.einddatum,
            "omschrijving_voorwaarden": item.omschrijving_voorwaarden,
        }
    if isinstance(item, ObjectLink):
        return {"object": item.object, "object_type": item.object_type}
    return verzending_columns(item)
