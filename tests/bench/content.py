"""The benchmark document's bytes: made on the fly, never held whole, checked on the way back.

The document is 1 MiB of fixed noise repeated, each block stamped with its
index, so a part stored in the wrong place or twice changes the CRC-32.
"""
import random
import zlib
from collections.abc import Iterator
from functools import lru_cache

BLOCK = 1024 * 1024
_NOISE = random.Random(0).randbytes(BLOCK)


@lru_cache(maxsize=2)
def _block(index: int) -> bytes:
    return index.to_bytes(8, "big") + _NOISE[8:]


def chunks(start: int, end: int) -> Iterator[bytes]:
    """The document's bytes start..end (exclusive), at most one block at a time."""
    position = start
    while position < end:
        index, offset = divmod(position, BLOCK)
        data = _block(index)[offset : offset + min(BLOCK - offset, end - position)]
        position += len(data)
        yield data


def checksum(size: int) -> int:
    """CRC-32 of a document of `size` bytes."""
    crc = 0
    for data in chunks(0, size):
        crc = zlib.crc32(data, crc)
    return crc


class ContentSlice:
    """Bytes start..start+length of the document as the file a multipart encoder streams.

    The encoder (requests-toolbelt) takes `len()` as the bytes still to read:
    the whole slice when it computes Content-Length, then 0 when it is done.
    """

    def __init__(self, start: int, length: int):
        self.start = start
        self.length = length
        self.position = 0

    def __len__(self) -> int:
        return self.length - self.position

    def read(self, size: int | None = -1) -> bytes:
        remaining = self.length - self.position
        size = remaining if size is None or size < 0 else min(size, remaining)
        begin = self.start + self.position
        data = b"".join(chunks(begin, begin + size))
        self.position += len(data)
        return data
