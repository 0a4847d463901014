"""The document backends the benchmark measures: one entry each in BACKENDS.

An entry is a context manager that is given a scratch directory, starts what
the backend needs besides PostgreSQL (stopping it when the block ends) and
yields a `Started`: the environment that points the server at it (see
docs/configuration.md) and, for a backend with a repository of its own, the
log of the requests that repository served, so the benchmark can count the
server's calls to it. A new backend joins with one function and one entry.
"""
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from storage_backends.cmis.model_json import type_definitions
from tests.cmis_server.binding import SERVICE_PATH
from tests.cmis_server.conftest import AUTH, start_server, stop_server
from tests.s3_server import CREDENTIALS, S3Server

BUCKET = "bench-documents"


class RequestLog:
    """The CMIS test server's list of the requests it served (`/__control/requests`; it keeps the last 1000)."""

    CAPACITY = 1000

    def __init__(self, base_url: str):
        self.url = f"{base_url}/__control/requests"

    def clear(self) -> None:
        requests.delete(self.url, auth=AUTH, timeout=10).raise_for_status()

    def count(self) -> int:
        response = requests.get(self.url, auth=AUTH, timeout=10)
        response.raise_for_status()
        served = len(response.json())
        if served >= self.CAPACITY:
            raise RuntimeError("the CMIS request log is full: count fewer operations at a time")
        return served


@dataclass(frozen=True)
class Started:
    env: dict[str, str]
    repository_log: RequestLog | None = None  # None: no repository besides PostgreSQL and the content store


@contextmanager
def database_local(scratch: Path) -> Iterator[Started]:
    yield Started({"DOCUMENTEN_BACKEND": "database", "DOCUMENT_STORAGE": "local", "DOCUMENTS_DIR": str(scratch / "documents")})


@contextmanager
def database_s3(scratch: Path) -> Iterator[Started]:
    """moto on loopback; it keeps objects in its own memory, which is not the server's RSS."""
    with S3Server() as s3:
        s3.create_bucket(BUCKET)
        yield Started({
            "DOCUMENTEN_BACKEND": "database",
            "DOCUMENT_STORAGE": "s3",
            "S3_ENDPOINT_URL": s3.endpoint,
            "S3_BUCKET": BUCKET,
            "S3_REGION": CREDENTIALS["region_name"],
            "S3_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
            "S3_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        })


@contextmanager
def cmis(scratch: Path) -> Iterator[Started]:
    """The CMIS test server (tests/cmis_server) on loopback with the content model registered.

    It runs as a process of its own and keeps content in files under the
    scratch directory, so neither its memory nor its disk counts as the
    server's. Bestandsdelen are staged on local disk, as the CMIS backend's
    staging store is configured in production (docs/storage-backends.md).
    """
    process, base_url = start_server(scratch / "repository")
    try:
        requests.post(f"{base_url}/__control/types", json=type_definitions(), auth=AUTH, timeout=10).raise_for_status()
        user, password = AUTH
        yield Started(
            {
                "DOCUMENTEN_BACKEND": "cmis",
                "CMIS_URL": base_url + SERVICE_PATH,
                "CMIS_USER": user,
                "CMIS_PASSWORD": password,
                "CMIS_BASE_FOLDER": "/DRC",
                "DOCUMENT_STORAGE": "local",
                "DOCUMENTS_DIR": str(scratch / "staging"),
            },
            repository_log=RequestLog(base_url),
        )
    finally:
        stop_server(process)


BACKENDS: dict[str, Callable[[Path], AbstractContextManager[Started]]] = {
    "database+local": database_local,
    "database+s3": database_s3,
    "cmis": cmis,
}
