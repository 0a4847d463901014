"""The database backend's orphan sweep (`DocumentBackend.sweep`): stored content that no committed row names.

A write stores its content before the metadata commits (backend.py); a crash
between the two, or a compensating delete that failed, leaves a key that no
row names. The sweep lists the store under the content prefix as a stream
(S3: the paginated listing; local disk: directory iterators), passes over what
is younger than the limit (its write may still be in flight) and asks the
database, one batch of keys at a time, which are named; neither the listing
nor the version table is ever held in memory.

On S3 it also aborts multipart uploads started before the limit: an upload
the store stopped in the middle of is not in the listing, yet S3 keeps (and
bills) its parts until it is aborted.
"""
import logging
import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone
from itertools import islice
from uuid import UUID

from django.utils import timezone

from ..base import BackendError, BackendUnavailable, SweepReport
from .content import KEY_PREFIX, STORE_ERRORS, ContentStore
from .models import StoredPart, StoredVersion

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000


def _referenced_keys(keys: list[str]) -> set[str]:
    """The keys among `keys` that a committed row names: the liveness check, one query per model holding keys.

    A key lies under its document's uuid (content.py), so each query goes
    through the document's unique uuid and the rows' foreign key index.
    """
    documents = {key.split("/")[1] for key in keys}
    return {
        *StoredVersion.objects.filter(document__uuid__in=documents, content_key__in=keys).values_list(
            "content_key", flat=True
        ),
        *StoredPart.objects.filter(document__uuid__in=documents, content_key__in=keys).values_list(
            "content_key", flat=True
        ),
    }


def content_sweep(
    content: ContentStore, *, older_than: timedelta, remove: bool, batch_size: int = BATCH_SIZE
) -> SweepReport:
    """Report (and with `remove`, delete) content under KEY_PREFIX older than `older_than` that no row names.

    Keys that do not have the layout content.py writes are not ours and are
    left alone. A key or upload that cannot be removed is logged and left for
    the next sweep. Raises BackendUnavailable when the store cannot be listed.
    """
    cutoff = timezone.now() - older_than
    scanned, found, removed = 0, [], []
    try:
        keys = (key for key, modified in _stored(content.storage) if modified < cutoff and _is_content_key(key))
        while batch := list(islice(keys, batch_size)):
            scanned += len(batch)
            referenced = _referenced_keys(batch)
            for key in batch:
                if key in referenced:
                    continue
                found.append(key)
                if remove and _removed(content, key):
                    removed.append(key)
        for upload in _abandoned_uploads(content.storage, cutoff):
            scanned += 1
            name = f"{_unprefixed(content.storage, upload.key)} (incomplete upload)"
            found.append(name)
            if remove and _aborted(upload):
                removed.append(name)
    except STORE_ERRORS as exc:
        raise BackendUnavailable(f"De documentopslag is niet bereikbaar: {exc}") from exc
    return SweepReport(scanned=scanned, found=tuple(found), removed=tuple(removed))


class SweeperMixin:
    """`DocumentBackend.sweep` for a backend holding its ContentStore in `content`."""

    content: ContentStore

    def sweep(self, *, older_than: timedelta, remove: bool) -> SweepReport:
        return content_sweep(self.content, older_than=older_than, remove=remove)


def _is_content_key(key: str) -> bool:
    """Whether `key` is `documents/<document uuid>/<name>`, the layout ContentStore.save writes."""
    parts = key.split("/")
    if len(parts) != 3 or f"{parts[0]}/" != KEY_PREFIX or not parts[2]:
        return False
    try:
        UUID(parts[1])
    except ValueError:
        return False
    return True


def _stored(storage) -> Iterator[tuple[str, datetime]]:
    """(key, last modified) of everything under KEY_PREFIX, listed lazily."""
    bucket = getattr(storage, "bucket", None)
    if bucket is not None:
        prefix = storage._normalize_name(KEY_PREFIX)  # the storage's key prefix (location) applies
        for summary in bucket.objects.filter(Prefix=prefix):
            yield _unprefixed(storage, summary.key), summary.last_modified
        return
    yield from _walk(storage.path(KEY_PREFIX), KEY_PREFIX)


def _walk(folder: str, prefix: str) -> Iterator[tuple[str, datetime]]:
    # scandir yields entries as it reads the directory; os.walk would list each directory whole.
    try:
        entries = os.scandir(folder)
    except FileNotFoundError:
        return
    with entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, f"{prefix}{entry.name}/")
            elif entry.is_file(follow_symlinks=False):
                modified = datetime.fromtimestamp(entry.stat().st_mtime, tz=dt_timezone.utc)
                yield f"{prefix}{entry.name}", modified


def _abandoned_uploads(storage, cutoff: datetime) -> Iterable:
    bucket = getattr(storage, "bucket", None)
    if bucket is None:
        return ()
    uploads = bucket.multipart_uploads.filter(Prefix=storage._normalize_name(KEY_PREFIX))
    return (upload for upload in uploads if upload.initiated < cutoff)


def _unprefixed(storage, name: str) -> str:
    """An S3 object name as the storage's own name for it: without the location prefix."""
    prefix = storage._normalize_name(KEY_PREFIX)
    return KEY_PREFIX + name[len(prefix):]


def _removed(content: ContentStore, key: str) -> bool:
    try:
        content.delete(key)
    except BackendError:
        logger.warning("orphaned content %s not removed; the next sweep tries again", key, exc_info=True)
        return False
    return True


def _aborted(upload) -> bool:
    try:
        upload.abort()
    except STORE_ERRORS:
        logger.warning("incomplete upload of %s not aborted; the next sweep tries again", upload.key, exc_info=True)
        return False
    return True
