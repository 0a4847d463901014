"""Content streams as files under the data directory; written and read in chunks, never whole."""
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 16


class BlobStore:
    """Immutable-by-convention files named by a random id. Only an unshared blob is appended to."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        return self.root / name

    def save(self, stream: BinaryIO) -> tuple[str, int]:
        """Copy a stream into a new blob; returns (name, size)."""
        name = uuid.uuid4().hex
        partial = self.root / f"{name}.partial"
        try:
            with partial.open("wb") as target:
                shutil.copyfileobj(stream, target, CHUNK)
            os.replace(partial, self.path(name))
        finally:
            partial.unlink(missing_ok=True)
        return name, self.path(name).stat().st_size

    def copy(self, name: str) -> str:
        with self.path(name).open("rb") as source:
            return self.save(source)[0]

    def append(self, name: str, stream: BinaryIO) -> int:
        """Append in place; on failure the blob is cut back to its old length. Returns the new size."""
        with self.path(name).open("r+b") as target:
            size = target.seek(0, os.SEEK_END)
            try:
                shutil.copyfileobj(stream, target, CHUNK)
            except BaseException:
                target.truncate(size)
                raise
            return target.tell()

    def read(self, name: str, start: int, length: int) -> Iterator[bytes]:
        """Stream ``length`` bytes from ``start``. The file is opened now, so a later delete cannot break it."""
        source = self.path(name).open("rb")
        source.seek(start)
        return _chunks(source, length)

    def delete(self, name: str) -> None:
        self.path(name).unlink(missing_ok=True)


def _chunks(source: BinaryIO, length: int) -> Iterator[bytes]:
    with source:
        while length > 0:
            chunk = source.read(min(CHUNK, length))
            if not chunk:
                return
            length -= len(chunk)
            yield chunk
