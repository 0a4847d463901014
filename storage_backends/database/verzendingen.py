"""Verzendingen in PostgreSQL: the DatabaseBackend's part of the contract for VERZENDING (Documenten API 1.5).

A verzending belongs to one document and goes with it when the document is
deleted; it never changes the document (no new version). Address groups are
stored as JSON objects of their dataclass's fields.
"""
import dataclasses
from uuid import UUID

from django.db import transaction

from ..base import (
    BinnenlandsCorrespondentieadres,
    BuitenlandsCorrespondentieadres,
    CorrespondentiePostadres,
    NotFound,
    Page,
    Record,
    Verzending,
    VerzendingData,
    VerzendingQuery,
    run_record,
)
from .models import StoredDocument, StoredVersion, StoredVerzending, visible

GROUPS = {
    "binnenlands_correspondentieadres": BinnenlandsCorrespondentieadres,
    "buitenlands_correspondentieadres": BuitenlandsCorrespondentieadres,
    "correspondentie_postadres": CorrespondentiePostadres,
}
PLAIN_FIELDS = tuple(f.name for f in dataclasses.fields(VerzendingData) if f.name not in GROUPS)


def verzending_columns(data: VerzendingData) -> dict:
    groups = {name: getattr(data, name) for name in GROUPS}
    return {
        **{name: getattr(data, name) for name in PLAIN_FIELDS},
        **{name: dataclasses.asdict(group) if group is not None else None for name, group in groups.items()},
    }


def _verzending(row: StoredVerzending) -> Verzending:
    return Verzending(
        **{name: getattr(row, name) for name in PLAIN_FIELDS},
        **{name: _group(kind, getattr(row, name)) for name, kind in GROUPS.items()},
        uuid=row.uuid,
        informatieobject=row.document.uuid,
    )


def _group(kind: type, value: dict | None):
    return kind(**value) if value is not None else None


def _not_found() -> NotFound:
    return NotFound("De verzending bestaat niet.")


class VerzendingenMixin:
    """verzending_create/get/list/update/destroy of DatabaseBackend (storage_backends.base.DocumentBackend)."""

    def verzending_create(
        self, *, informatieobject: UUID, data: VerzendingData, record: Record[Verzending] = None,
        uuid: UUID | None = None,
    ) -> Verzending:
        """As the contract says; `uuid` as in RelationsMixin."""
        with transaction.atomic():
            row = StoredVerzending.objects.create(
                document=_document(informatieobject), **verzending_columns(data), **({"uuid": uuid} if uuid else {})
            )
            run_record(record, _verzending(row))
        return _verzending(row)

    def verzending_get(self, uuid: UUID) -> Verzending:
        row = StoredVerzending.objects.select_related("document").filter(uuid=uuid).first()
        if row is None:
            raise _not_found()
        return _verzending(row)

    def verzending_list(self, query: VerzendingQuery) -> Page[Verzending]:
        rows = StoredVerzending.objects.select_related("document").order_by("pk")
        if query.informatieobject is not None:
            rows = rows.filter(document__uuid=query.informatieobject)
        if query.betrokkene is not None:
            rows = rows.filter(betrokkene=query.betrokkene)
        if query.aard_relatie is not None:
            rows = rows.filter(aard_relatie=query.aard_relatie)
        if query.restrictions is not None or query.alleen_gereed_voor_publicatie:
            latest = StoredVersion.objects.filter(is_latest=True)
            if query.restrictions is not None:
                latest = latest.filter(visible(query.restrictions))
            if query.alleen_gereed_voor_publicatie:
                latest = latest.filter(is_gereed_voor_publicatie=True)
            rows = rows.filter(document_id__in=latest.values("document_id"))
        offset = (query.page - 1) * query.page_size
        items = tuple(_verzending(row) for row in rows[offset : offset + query.page_size])
        return Page(items=items, count=rows.count())

    def verzending_update(
        self, uuid: UUID, *, informatieobject: UUID, data: VerzendingData, record: Record[Verzending] = None
    ) -> Verzending:
        with transaction.atomic():
            row = StoredVerzending.objects.select_for_update().filter(uuid=uuid).first()
            if row is None:
                raise _not_found()
            row.document = _document(informatieobject)
            for name, value in verzending_columns(data).items():
                setattr(row, name, value)
            row.save()
            run_record(record, _verzending(row))
        return _verzending(row)

    def verzending_destroy(self, uuid: UUID, *, record: Record[Verzending] = None) -> None:
        with transaction.atomic():
            row = StoredVerzending.objects.select_for_update().select_related("document").filter(uuid=uuid).first()
            if row is None:
                raise _not_found()
            run_record(record, _verzending(row))
            row.delete()


def _document(uuid: UUID) -> StoredDocument:
    """The document row, locked until the write commits so that it cannot be deleted under the write."""
    document = StoredDocument.objects.select_for_update().filter(uuid=uuid).first()
    if document is None:
        raise NotFound("Het document bestaat niet.")
    return document
