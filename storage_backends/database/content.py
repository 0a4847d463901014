"""Content of the database backend: one object per stored content, in a Django storage.

Keys are `documents/<document uuid>/<random hex>`: a write never overwrites,
so a failed metadata step only has to delete the key it just wrote, and the
sweeper can tell stored content from orphans by the keys the versions name.
Reads stream in chunks; on S3 a byte range is fetched with a ranged GET
instead of downloading the object.
"""
from collections.abc import Callable, Iterator
from typing import IO
from uuid import UUID, uuid4

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files import File
from django.core.files.storage import Storage

from ..base import BackendUnavailable, ContentIn

CHUNK_SIZE = 64 * 1024
STORE_ERRORS = (OSError, BotoCoreError, ClientError)
# Every key ContentStore writes lies under this prefix; the sweeper lists nothing else.
KEY_PREFIX = "documents/"


class _CountingReader:
    """The client's stream, measuring the furthest byte read: the size once the storage read it all.

    Storages may seek back and read again (S3 uploads do), so the size is a
    maximum position, not a sum.
    """

    def __init__(self, stream):
        self.stream = stream
        self.position = 0
        self.size = 0

    def read(self, size=-1):
        data = self.stream.read(size)
        self.position += len(data)
        self.size = max(self.size, self.position)
        return data

    def seek(self, offset, whence=0):
        self.position = self.stream.seek(offset, whence)
        return self.position

    def tell(self):
        return self.position

    def __getattr__(self, name):
        return getattr(self.stream, name)


class JoinedReader:
    """A read-only stream over several stored contents in a row, opening each (with `open`) when it is reached."""

    def __init__(self, open: Callable[[str], IO[bytes]], keys: list[str]):
        self.open = open
        self.keys = list(keys)
        self.current = None
        self.closed = False

    def read(self, size=-1):
        """Up to `size` bytes (everything when negative); fewer only at the end (uploaders take a short read as EOF)."""
        data = bytearray()
        while size < 0 or len(data) < size:
            if self.current is None:
                if not self.keys:
                    break
                self.current = self.open(self.keys.pop(0))
            chunk = self.current.read(CHUNK_SIZE if size < 0 else min(CHUNK_SIZE, size - len(data)))
            if not chunk:
                self.current.close()
                self.current = None
            data += chunk
        return bytes(data)

    def seekable(self) -> bool:
        return False

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        if self.current is not None:
            self.current.close()
            self.current = None
        self.closed = True


class ContentStore:
    def __init__(self, storage: Storage):
        self.storage = storage

    def save(self, document: UUID, content: ContentIn) -> tuple[str, int]:
        """Store content under a fresh key; return the key and the number of bytes stored."""
        reader = _CountingReader(content.stream)
        try:
            key = self.storage.save(f"{KEY_PREFIX}{document}/{uuid4().hex}", File(reader, name="content"))
        except STORE_ERRORS as exc:
            raise BackendUnavailable(f"De documentopslag is niet bereikbaar: {exc}") from exc
        return key, reader.size

    def join(self, document: UUID, keys: list[str]) -> tuple[str, int]:
        """Store the contents at `keys`, in order, as one new content; read and written in chunks."""
        try:
            return self.save(document, ContentIn(stream=JoinedReader(self.open, keys)))
        except STORE_ERRORS as exc:
            raise BackendUnavailable(f"De documentopslag is niet bereikbaar: {exc}") from exc

    def delete(self, key: str) -> None:
        try:
            self.storage.delete(key)
        except STORE_ERRORS as exc:
            raise BackendUnavailable(f"De documentopslag is niet bereikbaar: {exc}") from exc

    def open(self, key: str) -> IO[bytes]:
        """The content at `key` as a stream read from the store as it is consumed.

        django-storages' S3File would first download the whole object into
        memory; the object's body streams instead.
        """
        bucket = getattr(self.storage, "bucket", None)
        if bucket is not None:
            return bucket.Object(self.storage._normalize_name(key)).get()["Body"]
        return self.storage.open(key, "rb")

    def chunks(self, key: str, *, start: int, end: int) -> Iterator[bytes]:
        """The bytes start..end (inclusive) of the content at `key`, in chunks.

        The object is opened before this returns, so an unreachable store is
        reported before a response starts.
        """
        bucket = getattr(self.storage, "bucket", None)
        try:
            if bucket is not None:
                name = self.storage._normalize_name(key)  # applies the storage's key prefix (location)
                body = bucket.Object(name).get(Range=f"bytes={start}-{end}")["Body"]
                return _stream(body.iter_chunks(CHUNK_SIZE), body)
            stream = self.storage.open(key, "rb")
            stream.seek(start)
        except STORE_ERRORS as exc:
            raise BackendUnavailable(f"De documentopslag is niet bereikbaar: {exc}") from exc
        return _stream(_read_upto(stream, end - start + 1), stream)


def _read_upto(stream, remaining: int) -> Iterator[bytes]:
    while remaining > 0:
        data = stream.read(min(CHUNK_SIZE, remaining))
        if not data:
            return
        remaining -= len(data)
        yield data


def _stream(chunks: Iterator[bytes], closeable) -> Iterator[bytes]:
    try:
        yield from chunks
    finally:
        closeable.close()
