"""DocumentBackend over a CMIS repository, with the database backend's tables as its index.

The repository owns documents: content, metadata and versions (one API
version = one major CMIS version, made by checkOut + one checkIn) and the
gebruiksrechten, verzendingen and object links as items of their own. Reads,
lists, filters, counts and autorisatie are answered from the index (the
database backend's tables, inherited), so a list page costs no repository
call; content streams from the repository. Locks and bestandsdelen staging
(in the `documents` storage) are API state and stay in PostgreSQL.

Every write follows CMIS.md §3.6: an intent is committed, the repository is
written outside any database transaction, then the index rows, the caller's
record and the settled intent commit together. When that commit fails a
created object is deleted again (compensated); an update is rolled forward by
the reconciler (reconciler.py), which reads the new version from the
repository. The client is told 503 then: the write may still appear.
"""
import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from ..base import (
    BackendError,
    BackendFailed,
    BackendUnavailable,
    Capabilities,
    Conflict,
    ContentIn,
    Document,
    DocumentData,
    Gebruiksrecht,
    LockError,
    NotFound,
    ObjectLink,
    Record,
    Verzending,
    VerzendingData,
    run_record,
)
from ..database.backend import DatabaseBackend, as_document, not_unique, version_columns
from ..database.content import ContentStore, JoinedReader
from ..database.models import StoredDocument, StoredObjectLink, StoredVersion
from . import mapping
from .client import CmisError, CmisGateway, CmisNotFound, CmisObject, CmisUnavailable
from .models import Intent, RepositoryObject

logger = logging.getLogger(__name__)

# Where relation items are filed: by creation month, beside the documents' month folders.
ITEMS_FOLDER = "_registraties"


def _index_failed(exc: BaseException) -> BaseException:
    """What the client is told when the index step after a repository write failed.

    A database failure becomes 503 (the repository write is compensated or
    rolled forward); anything else (a backend rule, the caller's own record)
    is raised as it is.
    """
    if not isinstance(exc, DatabaseError) or isinstance(exc, IntegrityError):
        return exc
    return BackendUnavailable(
        "De documentopslag is bijgewerkt, maar de registratie ervan mislukte; "
        f"de wijziging wordt hersteld ({type(exc).__name__})."
    )


class _Sized:
    """A stream of known length: the multipart encoder that uploads it needs the length up front."""

    def __init__(self, stream, size: int):
        self.stream = stream
        self.len = size

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.len -= len(data)
        return data


def _one_writer(method):
    """Serialise repository writes to one document across threads and workers.

    Two requests holding the same API lock could otherwise check the
    document out at once (the second gets a repository conflict) or cancel
    each other's working copy. A session-level PostgreSQL advisory lock on
    the document waits without holding a transaction open.
    """

    @functools.wraps(method)
    def serialised(self, uuid: UUID, *args, **kwargs):
        key = int.from_bytes(uuid.bytes[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [key])
        try:
            return method(self, uuid, *args, **kwargs)
        finally:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
            except DatabaseError:  # the session is gone, and its lock with it
                logger.warning("advisory lock of %s not released", uuid, exc_info=True)

    return serialised


def _with(record: Record, *steps: Callable[[Any], None]) -> Callable[[Any], None]:
    """The caller's record followed by our own bookkeeping, all inside the committing transaction."""

    def both(written):
        run_record(record, written)
        for step in steps:
            step(written)

    return both


class CmisBackend(DatabaseBackend):
    """See the module docstring. `content` (inherited) is the staging store of bestandsdelen."""

    def __init__(self, gateway: CmisGateway, staging: ContentStore):
        super().__init__(staging)
        self.gateway = gateway

    def capabilities(self) -> Capabilities:
        return Capabilities(byte_ranges=True)

    # -- the saga ---------------------------------------------------------------------------------

    @contextmanager
    def _repository(self, intent: Intent | None = None):
        """Map repository errors to backend errors; a refused write marks its intent failed (nothing changed)."""
        try:
            yield
        except CmisError as exc:
            if intent is not None:
                # Without the repository's own answer (dropped, timed out, a proxy's 5xx) the write may have
                # happened: the intent stays pending, and the reconciler finds the object by its uuid.
                unknown = isinstance(exc, CmisUnavailable) and not exc.exception
                _settle(intent, Intent.PENDING if unknown else Intent.FAILED, detail=f"{type(exc).__name__}: {exc}")
            if isinstance(exc, CmisUnavailable):
                raise BackendUnavailable(f"De documentopslag (CMIS) is niet bereikbaar: {exc}") from exc
            raise BackendFailed(f"De documentopslag (CMIS) weigerde de bewerking: {exc}") from exc

    def _created(self, intent: Intent, object_id: str, exc: BaseException) -> None:
        """The index step after creating `object_id` failed: delete the object again, or leave it to the reconciler."""
        try:
            self.gateway.delete(object_id, all_versions=True)
        except CmisNotFound:
            pass
        except CmisError:
            logger.warning("compensation of %s failed; the reconciler removes it", object_id, exc_info=True)
            _settle(intent, Intent.PENDING, object_id=object_id, detail=f"index failed: {exc!r}")
            return
        _settle(intent, Intent.FAILED, object_id=object_id, detail=f"compensated: {exc!r}")

    def _folder(self, path: str) -> str:
        with self._repository():
            return self.gateway.folder(path)

    # -- documents --------------------------------------------------------------------------------

    def document_create(
        self, *, data: DocumentData, content: ContentIn | None, parts_of: int | None = None,
        record: Record[Document] = None,
    ) -> Document:
        if not data.identificatie:
            raise BackendError("Een document heeft een identificatie nodig.", code="required")
        if StoredDocument.objects.filter(bronorganisatie=data.bronorganisatie, identificatie=data.identificatie).exists():
            raise not_unique()
        uuid, begin = uuid4(), timezone.now()
        in_parts = content is None and parts_of and data.bestandsomvang
        folder = self._folder(f"{begin:%Y/%m}")
        intent = _intent("document_create", uuid, versie=1)
        with self._repository(intent):
            created = self.gateway.document_create(
                folder, type_id=mapping.DOCUMENT, name=str(uuid),
                properties=mapping.document_properties(uuid, 1, begin, data),
                content=content.stream if content is not None else None,
                filename=data.bestandsnaam or str(uuid), mimetype=data.formaat or "application/octet-stream",
            )
        try:
            with transaction.atomic():
                row = StoredDocument.objects.create(
                    uuid=uuid, bronorganisatie=data.bronorganisatie, identificatie=data.identificatie,
                    lock=uuid4().hex if in_parts else "",
                )
                version = StoredVersion.objects.create(
                    document=row, versie=1, begin_registratie=begin, **_content_columns(created, content),
                    **version_columns(data),
                )
                if in_parts:
                    self._parts_create(row, data.bestandsomvang, parts_of)
                _map(uuid, 1, created)
                document = as_document(version, lock=row.lock)
                run_record(record, document)
                _settle(intent, Intent.DONE, object_id=created.id)
        except BaseException as exc:
            self._created(intent, created.id, exc)
            raise not_unique() if isinstance(exc, IntegrityError) else _index_failed(exc)
        return document

    @_one_writer
    def document_update(
        self, uuid: UUID, *, data: DocumentData, content: ContentIn | None, lock: str, parts_of: int | None = None,
        record: Record[Document] = None,
    ) -> Document:
        row = StoredDocument.objects.filter(uuid=uuid).first()
        if row is None:
            raise NotFound("Het document bestaat niet.")
        if not row.lock:
            raise LockError("Het document is niet vergrendeld.", code="unlocked")
        if not constant_time_compare(row.lock, lock or ""):
            raise LockError("Het lock-id klopt niet.", code="incorrect-lock-id")
        latest = row.versions.get(is_latest=True)
        taken = StoredDocument.objects.filter(bronorganisatie=data.bronorganisatie, identificatie=data.identificatie)
        if taken.exclude(pk=row.pk).exists():
            raise not_unique()
        versie, begin = latest.versie + 1, timezone.now()
        in_parts = content is None and parts_of and data.bestandsomvang
        intent = _intent("document_update", uuid, versie=versie)
        written = self._check_in(
            intent, _object_id(uuid, latest.versie), mapping.document_properties(uuid, versie, begin, data),
            content=content, filename=data.bestandsnaam or str(uuid), mimetype=data.formaat,
        )
        keeps_content = content is None and not in_parts
        try:
            with transaction.atomic():
                row = self._locked_row(uuid)
                StoredVersion.objects.filter(pk=latest.pk).update(is_latest=False)
                content_columns = _content_columns(written, content)
                if keeps_content:
                    had = bool(latest.content_key)
                    content_columns = {
                        "content_key": written.id if had else "", "content_size": latest.content_size if had else None
                    }
                version = StoredVersion.objects.create(
                    document=row, versie=versie, begin_registratie=begin, **content_columns, **version_columns(data)
                )
                row.bronorganisatie, row.identificatie = data.bronorganisatie, data.identificatie
                row.save(update_fields=["bronorganisatie", "identificatie"])
                if not keeps_content:
                    self._parts_discard(row)
                if in_parts:
                    self._parts_create(row, data.bestandsomvang, parts_of)
                _map(uuid, versie, written)
                document = as_document(version, lock=row.lock if in_parts else "")
                run_record(record, document)
                _settle(intent, Intent.DONE, object_id=written.id)
        except BaseException as exc:
            # The repository has the new version: the reconciler indexes it (roll forward).
            _settle(intent, Intent.PENDING, object_id=written.id, detail=f"index failed: {exc!r}")
            raise _index_failed(exc)
        return document

    def _check_in(
        self, intent: Intent, object_id: str, properties: dict[str, Any], *, content: ContentIn | None,
        filename: str, mimetype: str,
    ) -> CmisObject:
        """The next major version of `object_id` with these properties (and content); no PWC is left behind."""
        with self._repository(intent):
            try:
                working_copy = self.gateway.check_out(object_id)
            except CmisUnavailable as exc:
                if not exc.exception:
                    self._abandon_check_out(object_id)
                raise
            try:
                return self.gateway.check_in(
                    working_copy.id, properties=properties,
                    content=content.stream if content is not None else None,
                    filename=filename, mimetype=mimetype or "application/octet-stream",
                    comment=f"versie {properties.get('drc:versie')}",
                )
            except CmisError:
                try:
                    self.gateway.cancel_check_out(working_copy.id)
                except CmisError:
                    logger.warning("working copy %s left checked out", working_copy.id, exc_info=True)
                raise

    def _abandon_check_out(self, object_id: str) -> None:
        """A checkOut whose answer was lost may have made a working copy: discard it, or it blocks every next update.

        It is ours when our user holds it: the API lock keeps other API writes to the document out.
        """
        try:
            series = self.gateway.get(object_id).properties
            working_copy = series.get("cmis:versionSeriesCheckedOutId")
            if working_copy and series.get("cmis:versionSeriesCheckedOutBy") == self.gateway.config.user:
                self.gateway.cancel_check_out(working_copy)
        except CmisError:
            logger.warning("a working copy of %s may be left checked out", object_id, exc_info=True)

    @_one_writer
    def document_destroy(self, uuid: UUID, *, record: Record[Document] = None) -> None:
        row = StoredDocument.objects.filter(uuid=uuid).first()
        if row is None:
            raise NotFound("Het document bestaat niet.")
        if row.lock:
            raise LockError("Een vergrendeld document kan niet verwijderd worden.", code="existing-lock")
        if row.links.exists():
            raise Conflict("Het document is nog gekoppeld aan objecten (zaken, besluiten).", code="pending-relations")
        items = [
            *row.gebruiksrechten.values_list("uuid", flat=True), *row.verzendingen.values_list("uuid", flat=True)
        ]
        intent = _intent("document_destroy", uuid)
        with self._repository(intent):
            for item in RepositoryObject.objects.filter(uuid__in=items, versie__isnull=True):
                _delete(self.gateway, item.object_id, all_versions=False)
            _delete(self.gateway, _object_id(uuid, row.versions.get(is_latest=True).versie), all_versions=True)
        try:
            with transaction.atomic():
                # Version content lives in the repository, not in the staging store the database backend clears.
                StoredVersion.objects.filter(document=row).update(content_key="")
                super().document_destroy(uuid, record=record)
                RepositoryObject.objects.filter(uuid__in=[uuid, *items]).delete()
                _settle(intent, Intent.DONE)
        except BaseException as exc:
            # Gone from the repository: the reconciler removes what the index still shows.
            _settle(intent, Intent.PENDING, detail=f"index failed: {exc!r}")
            raise _index_failed(exc)

    # -- content ----------------------------------------------------------------------------------

    def _content_chunks(self, version: StoredVersion, *, start: int, end: int) -> Iterator[bytes]:
        # The index row of a version with content names the repository object holding it.
        with self._repository():
            stream = self.gateway.content(version.content_key, byte_range=(start, end))
        wanted = end - start + 1
        if stream.length == wanted:
            return stream.chunks
        # A repository that ignores Range sends everything: cut the range out on the way through.
        return _byte_slice(stream.chunks, skip=start, count=wanted)

    @_one_writer
    def document_unlock(self, uuid: UUID, *, lock: str, force: bool = False) -> None:
        row = self._document_row(uuid, lock=lock, force=force)
        parts = list(row.parts.all())
        complete = bool(parts) and all(part.content_key for part in parts)
        if not complete:
            return super().document_unlock(uuid, lock=lock, force=force)
        latest = row.versions.get(is_latest=True)
        intent = _intent("document_unlock", uuid, versie=latest.versie)
        joined = JoinedReader(self.content.open, [part.content_key for part in parts])
        size = sum(part.omvang for part in parts)
        try:
            written = self._check_in(
                intent, _object_id(uuid, latest.versie), {"drc:versie": latest.versie},
                content=ContentIn(stream=_Sized(joined, size), size=size), filename=latest.bestandsnaam or str(uuid), mimetype=latest.formaat,
            )
        finally:
            joined.close()
        try:
            with transaction.atomic():
                row = self._document_row(uuid, lock=lock, force=force, for_update=True)
                if list(row.parts.values_list("content_key", flat=True)) != [part.content_key for part in parts]:
                    raise Conflict("De bestandsdelen zijn tijdens het samenvoegen gewijzigd.", code="parts-changed")
                # The joined content belongs to the version the upload was for: no new API version.
                row.versions.filter(is_latest=True).update(content_key=written.id, content_size=written.content_length)
                _map(uuid, latest.versie, written)
                self._parts_discard(row)
                row.lock = ""
                row.save(update_fields=["lock"])
                _settle(intent, Intent.DONE, object_id=written.id)
        except BaseException as exc:
            _settle(intent, Intent.PENDING, object_id=written.id, detail=f"index failed: {exc!r}")
            raise _index_failed(exc)

    # -- relations --------------------------------------------------------------------------------

    def _item_create(
        self, operation: str, type_id: str, uuid: UUID, properties: dict[str, Any], index: Callable[[Record], Any]
    ) -> Any:
        """Create a relation item, then run `index` (a database backend write) with a record settling the intent."""
        folder = self._folder(f"{ITEMS_FOLDER}/{timezone.now():%Y/%m}")
        intent = _intent(operation, uuid)
        with self._repository(intent):
            item = self.gateway.item_create(folder, type_id=type_id, name=str(uuid), properties=properties)
        try:
            return index(lambda written: (_map(uuid, None, item), _settle(intent, Intent.DONE, object_id=item.id)))
        except BaseException as exc:
            self._created(intent, item.id, exc)
            raise _index_failed(exc)

    def _item_update(
        self, operation: str, uuid: UUID, properties: dict[str, Any], index: Callable[[Record], Any]
    ) -> Any:
        """Update a relation item, then run `index` (a database backend write) with a record settling the intent."""
        intent = _intent(operation, uuid)
        with self._repository(intent):
            item = self.gateway.update_properties(_object_id(uuid, None), properties)
        try:
            return index(lambda written: (_map(uuid, None, item), _settle(intent, Intent.DONE, object_id=item.id)))
        except BaseException as exc:
            # The item has its new properties: the reconciler copies them into the index.
            _settle(intent, Intent.PENDING, object_id=item.id, detail=f"index failed: {exc!r}")
            raise _index_failed(exc)

    def _item_destroy(self, operation: str, uuid: UUID, index: Callable[[], None]) -> None:
        mapped = RepositoryObject.objects.filter(uuid=uuid, versie__isnull=True).first()
        if mapped is None:
            return index()  # not in the index either: the database write raises NotFound
        intent = _intent(operation, uuid)
        with self._repository(intent):
            _delete(self.gateway, mapped.object_id, all_versions=False)
        try:
            with transaction.atomic():
                index()
                mapped.delete()
                _settle(intent, Intent.DONE)
        except BaseException as exc:
            _settle(intent, Intent.PENDING, detail=f"index failed: {exc!r}")
            raise _index_failed(exc)

    def link_create(
        self, *, informatieobject: UUID, object: str, object_type: str, record: Record[ObjectLink] = None,
        uuid: UUID | None = None,
    ) -> ObjectLink:
        document = StoredDocument.objects.filter(uuid=informatieobject).first()
        if document is None:
            raise NotFound("Het document bestaat niet.")
        if StoredObjectLink.objects.filter(document=document, object=object).exists():
            raise Conflict("Dit document is al aan dit object gekoppeld.", code="unique")
        link = ObjectLink(uuid=uuid or uuid4(), informatieobject=informatieobject, object=object, object_type=object_type)
        return self._item_create(
            "link_create", mapping.OBJECT_LINK, link.uuid, mapping.link_properties(link),
            lambda settle: super(CmisBackend, self).link_create(
                informatieobject=informatieobject, object=object, object_type=object_type,
                record=_with(record, settle), uuid=link.uuid,
            ),
        )

    def link_destroy(self, uuid: UUID, *, record: Record[ObjectLink] = None) -> None:
        self._item_destroy("link_destroy", uuid, lambda: super(CmisBackend, self).link_destroy(uuid, record=record))

    def gebruiksrecht_create(
        self, *, informatieobject: UUID, startdatum: datetime, einddatum: datetime | None, omschrijving_voorwaarden: str,
        record: Record[Gebruiksrecht] = None, uuid: UUID | None = None,
    ) -> Gebruiksrecht:
        if not StoredDocument.objects.filter(uuid=informatieobject).exists():
            raise NotFound("Het document bestaat niet.")
        recht = Gebruiksrecht(
            uuid=uuid or uuid4(), informatieobject=informatieobject, startdatum=startdatum, einddatum=einddatum,
            omschrijving_voorwaarden=omschrijving_voorwaarden,
        )
        return self._item_create(
            "gebruiksrecht_create", mapping.GEBRUIKSRECHT, recht.uuid, mapping.gebruiksrecht_properties(recht),
            lambda settle: super(CmisBackend, self).gebruiksrecht_create(
                informatieobject=informatieobject, startdatum=startdatum, einddatum=einddatum,
                omschrijving_voorwaarden=omschrijving_voorwaarden, record=_with(record, settle), uuid=recht.uuid,
            ),
        )

    def gebruiksrecht_update(
        self, uuid: UUID, *, startdatum: datetime, einddatum: datetime | None, omschrijving_voorwaarden: str,
        record: Record[Gebruiksrecht] = None,
    ) -> Gebruiksrecht:
        current = self.gebruiksrecht_get(uuid)
        changed = Gebruiksrecht(
            uuid=uuid, informatieobject=current.informatieobject, startdatum=startdatum, einddatum=einddatum,
            omschrijving_voorwaarden=omschrijving_voorwaarden,
        )
        return self._item_update(
            "gebruiksrecht_update", uuid, mapping.gebruiksrecht_properties(changed),
            lambda settle: super(CmisBackend, self).gebruiksrecht_update(
                uuid, startdatum=startdatum, einddatum=einddatum, omschrijving_voorwaarden=omschrijving_voorwaarden,
                record=_with(record, settle),
            ),
        )

    def gebruiksrecht_destroy(self, uuid: UUID, *, record: Record[Gebruiksrecht] = None) -> None:
        self._item_destroy(
            "gebruiksrecht_destroy", uuid, lambda: super(CmisBackend, self).gebruiksrecht_destroy(uuid, record=record)
        )

    def verzending_create(
        self, *, informatieobject: UUID, data: VerzendingData, record: Record[Verzending] = None,
        uuid: UUID | None = None,
    ) -> Verzending:
        if not StoredDocument.objects.filter(uuid=informatieobject).exists():
            raise NotFound("Het document bestaat niet.")
        verzending = Verzending(**vars(data), uuid=uuid or uuid4(), informatieobject=informatieobject)
        return self._item_create(
            "verzending_create", mapping.VERZENDING, verzending.uuid, mapping.verzending_properties(verzending),
            lambda settle: super(CmisBackend, self).verzending_create(
                informatieobject=informatieobject, data=data, record=_with(record, settle), uuid=verzending.uuid,
            ),
        )

    def verzending_update(
        self, uuid: UUID, *, informatieobject: UUID, data: VerzendingData, record: Record[Verzending] = None
    ) -> Verzending:
        self.verzending_get(uuid)
        if not StoredDocument.objects.filter(uuid=informatieobject).exists():
            raise NotFound("Het document bestaat niet.")
        verzending = Verzending(**vars(data), uuid=uuid, informatieobject=informatieobject)
        return self._item_update(
            "verzending_update", uuid, mapping.verzending_properties(verzending),
            lambda settle: super(CmisBackend, self).verzending_update(
                uuid, informatieobject=informatieobject, data=data, record=_with(record, settle)
            ),
        )

    def verzending_destroy(self, uuid: UUID, *, record: Record[Verzending] = None) -> None:
        self._item_destroy(
            "verzending_destroy", uuid, lambda: super(CmisBackend, self).verzending_destroy(uuid, record=record)
        )


# -- bookkeeping ----------------------------------------------------------------------------------


def _intent(operation: str, uuid: UUID, *, versie: int | None = None) -> Intent:
    """Committed before the repository is written (callers hold no transaction)."""
    return Intent.objects.create(operation=operation, uuid=uuid, versie=versie)


def _settle(intent: Intent, state: str, *, object_id: str | None = None, detail: str = "") -> None:
    changes = {"state": state, "detail": detail}
    if object_id is not None:
        changes["object_id"] = object_id
    Intent.objects.filter(pk=intent.pk).update(**changes)


def _map(uuid: UUID, versie: int | None, written: CmisObject) -> None:
    RepositoryObject.objects.update_or_create(
        uuid=uuid, versie=versie, defaults={"object_id": written.id, "last_modified": written.last_modified}
    )


def _object_id(uuid: UUID, versie: int | None) -> str:
    mapped = RepositoryObject.objects.filter(uuid=uuid, versie=versie).first()
    if mapped is None:
        raise BackendFailed("Het document staat in de index, maar niet (meer) in de documentopslag.")
    return mapped.object_id


def _content_columns(written: CmisObject, content: ContentIn | None) -> dict:
    if content is None:
        return {"content_key": "", "content_size": None}
    return {"content_key": written.id, "content_size": written.content_length or 0}


def _byte_slice(chunks: Iterator[bytes], *, skip: int, count: int) -> Iterator[bytes]:
    try:
        for chunk in chunks:
            if skip >= len(chunk):
                skip -= len(chunk)
                continue
            piece = chunk[skip : skip + count]
            skip, count = 0, count - len(piece)
            yield piece
            if count <= 0:
                return
    finally:
        getattr(chunks, "close", lambda: None)()


def _delete(gateway: CmisGateway, object_id: str, *, all_versions: bool) -> None:
    try:
        gateway.delete(object_id, all_versions=all_versions)
    except CmisNotFound:
        pass  # already gone: the goal of a delete

