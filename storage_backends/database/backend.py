"""DocumentBackend over PostgreSQL (metadata, versions, lock) and a ContentStore (local disk or S3).

Writes follow CMIS.md §3.6 for a store outside the database: new content is
written first under a fresh key, then the metadata commits; when the metadata
step fails the new key is deleted again. Content removed with a document is
deleted after the commit. A crash between the two steps leaves at most an
unreferenced key, which the orphan sweeper finds.
"""
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from uuid import UUID, uuid4

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from ..base import (
    BackendError,
    Capabilities,
    Conflict,
    ContentIn,
    ContentOut,
    Document,
    DocumentData,
    DocumentQuery,
    Integriteit,
    LockError,
    NotFound,
    Ondertekening,
    Page,
    Record,
    run_record,
)
from .content import ContentStore
from .models import StoredDocument, StoredObjectLink, StoredVersion, visible
from .parts import PartsMixin, as_part
from .relations import RelationsMixin
from .sweeper import SweeperMixin
from .verzendingen import VerzendingenMixin

logger = logging.getLogger(__name__)

PLAIN_FIELDS = (
    "identificatie", "bronorganisatie", "creatiedatum", "titel", "vertrouwelijkheidaanduiding", "auteur", "status",
    "formaat", "taal", "bestandsnaam", "bestandsomvang", "link", "beschrijving", "ontvangstdatum", "verzenddatum",
    "indicatie_gebruiksrecht", "verschijningsvorm", "informatieobjecttype", "inhoud_is_vervallen",
    "tonen_aan_initiator", "is_gereed_voor_publicatie",
)


def version_columns(data: DocumentData) -> dict:
    return {
        **{name: getattr(data, name) for name in PLAIN_FIELDS},
        "trefwoorden": list(data.trefwoorden),
        "ondertekening_soort": data.ondertekening.soort,
        "ondertekening_datum": data.ondertekening.datum,
        "integriteit_algoritme": data.integriteit.algoritme,
        "integriteit_waarde": data.integriteit.waarde,
        "integriteit_datum": data.integriteit.datum,
    }


def as_document(version: StoredVersion, *, lock: str = "") -> Document:
    return Document(
        **{name: getattr(version, name) for name in PLAIN_FIELDS},
        trefwoorden=tuple(version.trefwoorden),
        ondertekening=Ondertekening(soort=version.ondertekening_soort, datum=version.ondertekening_datum),
        integriteit=Integriteit(
            algoritme=version.integriteit_algoritme,
            waarde=version.integriteit_waarde,
            datum=version.integriteit_datum,
        ),
        uuid=version.document.uuid,
        versie=version.versie,
        begin_registratie=version.begin_registratie,
        locked=bool(version.document.lock),
        has_content=bool(version.content_key),
        parts=tuple(as_part(part, version.document.uuid) for part in version.document.parts.all()),
        lock=lock,
    )



def not_unique() -> Conflict:
    return Conflict(
        "Deze identificatie bestaat al voor deze bronorganisatie.", code="identificatie-niet-uniek"
    )


class DatabaseBackend(PartsMixin, RelationsMixin, VerzendingenMixin, SweeperMixin):
    def __init__(self, content: ContentStore):
        self.content = content

    def capabilities(self) -> Capabilities:
        # Local files seek; S3 answers a ranged GET.
        return Capabilities(byte_ranges=True)

    # -- documents --------------------------------------------------------------------------------

    def document_create(
        self, *, data: DocumentData, content: ContentIn | None, parts_of: int | None = None,
        record: Record[Document] = None,
    ) -> Document:
        if not data.identificatie:
            raise BackendError("Een document heeft een identificatie nodig.", code="required")
        document_uuid = uuid4()
        key, size = self.content.save(document_uuid, content) if content is not None else ("", None)
        in_parts = content is None and parts_of and data.bestandsomvang
        with self._content_kept_on_commit(key), transaction.atomic():
            document = StoredDocument.objects.create(
                uuid=document_uuid, bronorganisatie=data.bronorganisatie, identificatie=data.identificatie,
                lock=uuid4().hex if in_parts else "",
            )
            version = StoredVersion.objects.create(
                document=document, versie=1, begin_registratie=timezone.now(),
                content_key=key, content_size=size, **version_columns(data),
            )
            if in_parts:
                self._parts_create(document, data.bestandsomvang, parts_of)
            created = as_document(version, lock=document.lock)
            run_record(record, created)
        return created

    def document_get(self, uuid: UUID, *, versie: int | None = None, registratie_op: datetime | None = None) -> Document:
        return as_document(self._version(uuid, versie=versie, registratie_op=registratie_op))

    def document_versions(self, uuid: UUID) -> tuple[Document, ...]:
        versions = tuple(self._versions(uuid).order_by("versie"))
        if not versions:
            raise NotFound("Het document bestaat niet.")
        return tuple(as_document(version) for version in versions)

    def document_list(self, query: DocumentQuery) -> Page[Document]:
        versions = StoredVersion.objects.select_related("document").prefetch_related("document__parts").filter(
            is_latest=True
        )
        if query.identificatie is not None:
            versions = versions.filter(identificatie=query.identificatie)
        if query.bronorganisatie is not None:
            versions = versions.filter(bronorganisatie=query.bronorganisatie)
        if query.trefwoorden:
            versions = versions.filter(trefwoorden__contains=list(query.trefwoorden))
        if query.object is not None or query.object_type is not None:
            links = StoredObjectLink.objects.filter(document_id=OuterRef("document_id"))
            if query.object is not None:
                links = links.filter(object=query.object)
            if query.object_type is not None:
                links = links.filter(object_type=query.object_type)
            versions = versions.filter(Exists(links))
        if query.uuids is not None:
            versions = versions.filter(document__uuid__in=query.uuids)
        if query.alleen_gereed_voor_publicatie:
            versions = versions.filter(is_gereed_voor_publicatie=True)
        if query.restrictions is not None:
            versions = versions.filter(visible(query.restrictions))
        versions = versions.order_by("-document_id")
        offset = (query.page - 1) * query.page_size
        items = tuple(as_document(version) for version in versions[offset : offset + query.page_size])
        return Page(items=items, count=versions.count())

    def document_update(
        self, uuid: UUID, *, data: DocumentData, content: ContentIn | None, lock: str, parts_of: int | None = None,
        record: Record[Document] = None,
    ) -> Document:
        key, size = self.content.save(uuid, content) if content is not None else ("", None)
        in_parts = content is None and parts_of and data.bestandsomvang
        with self._content_kept_on_commit(key), transaction.atomic():
            document = self._locked_row(uuid)
            if not document.lock:
                raise LockError("Het document is niet vergrendeld.", code="unlocked")
            if not constant_time_compare(document.lock, lock or ""):
                raise LockError("Het lock-id klopt niet.", code="incorrect-lock-id")
            latest = document.versions.get(is_latest=True)
            StoredVersion.objects.filter(pk=latest.pk).update(is_latest=False)
            keeps_content = content is None and not in_parts
            version = StoredVersion.objects.create(
                document=document,
                versie=latest.versie + 1,
                begin_registratie=timezone.now(),
                content_key=latest.content_key if keeps_content else key,
                content_size=latest.content_size if keeps_content else size,
                **version_columns(data),
            )
            document.bronorganisatie, document.identificatie = data.bronorganisatie, data.identificatie
            document.save(update_fields=["bronorganisatie", "identificatie"])
            if not keeps_content:
                self._parts_discard(document)
            if in_parts:
                self._parts_create(document, data.bestandsomvang, parts_of)
            updated = as_document(version, lock=document.lock if in_parts else "")
            run_record(record, updated)
        return updated

    def document_destroy(self, uuid: UUID, *, record: Record[Document] = None) -> None:
        with transaction.atomic():
            document = self._locked_row(uuid)
            if document.lock:
                raise LockError("Een vergrendeld document kan niet verwijderd worden.", code="existing-lock")
            if document.links.exists():
                raise Conflict(
                    "Het document is nog gekoppeld aan objecten (zaken, besluiten).", code="pending-relations"
                )
            keys = set(document.versions.exclude(content_key="").values_list("content_key", flat=True))
            keys |= set(document.parts.exclude(content_key="").values_list("content_key", flat=True))
            run_record(record, as_document(document.versions.select_related("document").get(is_latest=True)))
            document.delete()
            transaction.on_commit(lambda: self._discard(*keys))

    # -- content ----------------------------------------------------------------------------------

    def content_open(
        self,
        uuid: UUID,
        *,
        versie: int | None = None,
        registratie_op: datetime | None = None,
        byte_range: tuple[int, int | None] | None = None,
    ) -> ContentOut:
        version = self._version(uuid, versie=versie, registratie_op=registratie_op)
        if not version.content_key:
            raise NotFound("Dit document heeft (nog) geen inhoud.", code="no-content")
        size = version.content_size or 0
        start, end = byte_range if byte_range is not None else (0, None)
        end = size - 1 if end is None or end >= size else end
        if start < 0 or (size and start > end) or (not size and start > 0):
            raise BackendError("Het gevraagde bereik valt buiten de inhoud.", code="invalid-range")
        if size == 0:
            return ContentOut(chunks=iter(()), size=0)
        return ContentOut(
            chunks=self._content_chunks(version, start=start, end=end),
            size=size,
            start=start,
            end=end if byte_range is not None else None,
        )

    def _content_chunks(self, version: StoredVersion, *, start: int, end: int) -> Iterator[bytes]:
        """The bytes start..end (inclusive) of a version's content (a backend indexing another store overrides this)."""
        return self.content.chunks(version.content_key, start=start, end=end)

    # -- locking ----------------------------------------------------------------------------------

    def document_lock(self, uuid: UUID) -> str:
        with transaction.atomic():
            document = self._locked_row(uuid)
            if document.lock:
                raise LockError("Het document is al vergrendeld.", code="existing-lock")
            document.lock = uuid4().hex
            document.save(update_fields=["lock"])
        return document.lock

    def document_unlock(self, uuid: UUID, *, lock: str, force: bool = False) -> None:
        # Complete parts are joined before the transaction: no row lock is held while the store copies.
        document = self._document_row(uuid, lock=lock, force=force)
        parts = list(document.parts.all())
        complete = bool(parts) and all(part.content_key for part in parts)
        if parts and not complete and (not force or constant_time_compare(document.lock, lock or "")):
            raise BackendError(
                "Niet alle bestandsdelen zijn geüpload; het document blijft vergrendeld.", code="incomplete-upload"
            )
        key, size = self.content.join(uuid, [part.content_key for part in parts]) if complete else ("", None)
        with self._content_kept_on_commit(key), transaction.atomic():
            document = self._document_row(uuid, lock=lock, force=force, for_update=True)
            if complete:
                if list(document.parts.values_list("content_key", flat=True)) != [part.content_key for part in parts]:
                    raise Conflict("De bestandsdelen zijn tijdens het samenvoegen gewijzigd.", code="parts-changed")
                # The joined content belongs to the version the upload was for: set in place, no new version.
                document.versions.filter(is_latest=True).update(content_key=key, content_size=size)
            self._parts_discard(document)
            document.lock = ""
            document.save(update_fields=["lock"])

    # -- helpers ----------------------------------------------------------------------------------

    def _versions(self, uuid: UUID) -> QuerySet[StoredVersion]:
        return StoredVersion.objects.select_related("document").filter(document__uuid=uuid)

    def _version(self, uuid: UUID, *, versie: int | None, registratie_op: datetime | None) -> StoredVersion:
        versions = self._versions(uuid)
        if versie is not None:
            versions = versions.filter(versie=versie)
        elif registratie_op is not None:
            versions = versions.filter(begin_registratie__lte=registratie_op).order_by("-versie")
        else:
            versions = versions.filter(is_latest=True)
        version = versions.first()
        if version is None:
            raise NotFound("Het document (of de gevraagde versie) bestaat niet.")
        return version

    def _document_row(self, uuid: UUID, *, lock: str, force: bool, for_update: bool = False) -> StoredDocument:
        """The document, if `lock` is its lock (or `force`); LockError otherwise."""
        document = self._locked_row(uuid) if for_update else StoredDocument.objects.filter(uuid=uuid).first()
        if document is None:
            raise NotFound("Het document bestaat niet.")
        if not force and not constant_time_compare(document.lock, lock or ""):
            raise LockError("Het lock-id klopt niet.", code="incorrect-lock-id")
        return document

    def _locked_row(self, uuid: UUID) -> StoredDocument:
        document = StoredDocument.objects.select_for_update().filter(uuid=uuid).first()
        if document is None:
            raise NotFound("Het document bestaat niet.")
        return document

    @contextmanager
    def _content_kept_on_commit(self, key: str):
        """Delete the content just written at `key` when the metadata step after it fails."""
        try:
            yield
        except IntegrityError:
            self._discard(key)
            raise not_unique()
        except BaseException:
            self._discard(key)
            raise

    def _discard(self, *keys: str) -> None:
        """Delete content that no committed version names; what fails is left for the orphan sweeper."""
        for key in filter(None, keys):
            try:
                self.content.delete(key)
            except BackendError:
                logger.warning("content %s not deleted; it is an orphan now", key, exc_info=True)
