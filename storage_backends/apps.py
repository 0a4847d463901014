"""Django app of the document backends as a whole: what works on any backend (the orphan sweep's command and task).

Each backend with tables is an app of its own (storage_backends.database,
label storage_database); this one has no models. It is installed so that
`manage.py sweep_documents` is found in management/ and Celery's
autodiscovery finds tasks.py.
"""
from django.apps import AppConfig


class StorageBackendsConfig(AppConfig):
    name = "storage_backends"
    label = "storage_backends"
    verbose_name = "Documentopslag"
