"""Document backends of the Documenten API: `document_backend()` is the configured one.

`base.py` is the contract; `database/` keeps metadata in PostgreSQL and
content in the `documents` storage (local disk or S3). The Documenten API
reaches documents only through the object this returns.
"""
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import DocumentBackend


@cache
def document_backend() -> DocumentBackend:
    if settings.DOCUMENT_BACKEND == "database":
        from django.core.files.storage import storages

        from .database.backend import DatabaseBackend
        from .database.content import ContentStore

        return DatabaseBackend(ContentStore(storages["documents"]))
    raise ImproperlyConfigured(f"Unknown DOCUMENT_BACKEND {settings.DOCUMENT_BACKEND!r} (known: database).")
