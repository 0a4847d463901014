"""Document backends of the Documenten API: `document_backend()` is the configured one.

`base.py` is the contract; `database/` keeps metadata in PostgreSQL and
content in the `documents` storage (local disk or S3); `cmis/` keeps
documents in a CMIS repository and its index in PostgreSQL. Which one runs
(and with what settings) is the admin's configuration over the environment
(configuration.py). The Documenten API reaches documents only through the
object this returns.
"""
from functools import cache

from django.core.exceptions import ImproperlyConfigured

from .base import DocumentBackend


@cache
def document_backend() -> DocumentBackend:
    """The configured backend, built once per process (configuration changes apply after a restart).

    The CMIS backend first checks the repository's content model and refuses
    to start, naming what is missing (cmis/model_check.py).
    """
    from . import configuration
    from .database.content import ContentStore

    active = configuration.active()
    store = ContentStore(configuration.documents_storage(active))
    if active.backend == "database":
        from .database.backend import DatabaseBackend

        return DatabaseBackend(store)
    if active.backend == "cmis":
        from .base import BackendUnavailable
        from .cmis.backend import CmisBackend
        from .cmis.client import CmisError, CmisGateway
        from .cmis.model_check import require_model

        gateway = CmisGateway(configuration.cmis_config(active))
        try:
            require_model(gateway)
        except CmisError as exc:  # not cached: the next call tries again
            raise BackendUnavailable(f"De documentopslag (CMIS) is niet bereikbaar: {exc}") from exc
        return CmisBackend(gateway, store)
    raise ImproperlyConfigured(f"Unknown DOCUMENTEN_BACKEND {active.backend!r} (known: database, cmis).")
