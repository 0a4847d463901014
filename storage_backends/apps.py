"""Django app of the document backends as a whole: what works on any backend.

It holds the storage configuration the admin edits (models.py, admin.py),
the orphan sweep's command and Celery task (management/, tasks.py). Each
backend with tables of its own is an app too: storage_backends.database
(label storage_database) and storage_backends.cmis (label storage_cmis).
"""
from django.apps import AppConfig


class StorageBackendsConfig(AppConfig):
    name = "storage_backends"
    label = "storage_backends"
    verbose_name = "Documentopslag"
