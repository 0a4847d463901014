"""Bestandsdelen in the database backend: parts staged in the content store, one row each.

A part's content is stored like any content (a fresh key per upload, so a
part uploaded again replaces the first after the commit); the unlock of the
document joins the parts (backend.py `document_unlock`).
"""
from uuid import UUID

from django.db import transaction
from django.utils.crypto import constant_time_compare

from ..base import BackendError, ContentIn, LockError, NotFound, Part
from .models import StoredDocument, StoredPart


def as_part(part: StoredPart, document: UUID) -> Part:
    return Part(
        uuid=part.uuid, informatieobject=document, volgnummer=part.volgnummer, omvang=part.omvang,
        voltooid=bool(part.content_key),
    )


def _parts_plan(total: int, size: int) -> list[int]:
    """The sizes of the parts of `total` bytes in parts of `size`: all full but the last."""
    return [min(size, total - start) for start in range(0, total, size)]


def _wrong_size(part: Part) -> BackendError:
    return BackendError(f"Het bestandsdeel moet precies {part.omvang} bytes zijn.", code="file-size")


class PartsMixin:
    """Part methods of DatabaseBackend (its `content`, `_locked_row`, `_content_kept_on_commit`, `_discard`)."""

    def part_get(self, uuid: UUID) -> Part:
        part = StoredPart.objects.select_related("document").filter(uuid=uuid).first()
        if part is None:
            raise NotFound("Het bestandsdeel bestaat niet.")
        return as_part(part, part.document.uuid)

    def part_put(self, uuid: UUID, *, content: ContentIn, lock: str) -> Part:
        current = self.part_get(uuid)
        if content.size is not None and content.size != current.omvang:
            raise _wrong_size(current)
        key, size = self.content.save(current.informatieobject, content)
        with self._content_kept_on_commit(key), transaction.atomic():
            if size != current.omvang:
                raise _wrong_size(current)
            document = self._locked_row(current.informatieobject)
            if not document.lock or not constant_time_compare(document.lock, lock or ""):
                raise LockError("Het lock-id klopt niet.", code="incorrect-lock-id")
            part = document.parts.select_for_update().filter(uuid=uuid).first()
            if part is None:
                raise NotFound("Het bestandsdeel bestaat niet (meer).")
            replaced, part.content_key = part.content_key, key
            part.save(update_fields=["content_key"])
            transaction.on_commit(lambda: self._discard(replaced))
        return as_part(part, document.uuid)

    def _parts_create(self, document: StoredDocument, total: int, size: int) -> None:
        StoredPart.objects.bulk_create(
            StoredPart(document=document, volgnummer=number, omvang=omvang)
            for number, omvang in enumerate(_parts_plan(total, size), start=1)
        )

    def _parts_discard(self, document: StoredDocument) -> None:
        keys = list(document.parts.exclude(content_key="").values_list("content_key", flat=True))
        document.parts.all().delete()
        transaction.on_commit(lambda: self._discard(*keys))
