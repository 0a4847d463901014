"""The document backends the benchmark measures: one entry each in BACKENDS.

An entry is a context manager that is given a scratch directory, starts what
the backend needs besides PostgreSQL (stopping it when the block ends) and
yields the environment that points the server at it (see
docs/configuration.md). A new backend joins with one function and one entry,
e.g. "cmis": a CMIS server on loopback and `DOCUMENTEN_BACKEND=cmis` with its
settings.
"""
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from tests.s3_server import CREDENTIALS, S3Server

BUCKET = "bench-documents"


@contextmanager
def database_local(scratch: Path) -> Iterator[dict[str, str]]:
    yield {"DOCUMENTEN_BACKEND": "database", "DOCUMENT_STORAGE": "local", "DOCUMENTS_DIR": str(scratch / "documents")}


@contextmanager
def database_s3(scratch: Path) -> Iterator[dict[str, str]]:
    """moto on loopback; it keeps objects in its own memory, which is not the server's RSS."""
    with S3Server() as s3:
        s3.create_bucket(BUCKET)
        yield {
            "DOCUMENTEN_BACKEND": "database",
            "DOCUMENT_STORAGE": "s3",
            "S3_ENDPOINT_URL": s3.endpoint,
            "S3_BUCKET": BUCKET,
            "S3_REGION": CREDENTIALS["region_name"],
            "S3_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
            "S3_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        }


BACKENDS: dict[str, Callable[[Path], AbstractContextManager[dict[str, str]]]] = {
    "database+local": database_local,
    "database+s3": database_s3,
}
