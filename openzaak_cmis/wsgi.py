"""WSGI entry point used by gunicorn.

The document backend is built here, before the first request: a CMIS
repository without the content model stops the service from starting, with
the list of what is missing. An unreachable repository does not: the
Documenten API answers 503 until it can be reached, the other APIs work.
"""
import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openzaak_cmis.settings")

application = get_wsgi_application()

from storage_backends import document_backend  # noqa: E402 (needs the application's setup)
from storage_backends.base import BackendUnavailable  # noqa: E402

try:
    document_backend()
except BackendUnavailable as exc:
    logging.getLogger(__name__).error("document backend not ready at start-up: %s", exc)
