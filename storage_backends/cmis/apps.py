"""Django app holding the CMIS backend's own tables (its index of documents is the database backend's tables)."""
from django.apps import AppConfig


class CmisBackendConfig(AppConfig):
    name = "storage_backends.cmis"
    label = "storage_cmis"
    verbose_name = "Documenten (CMIS)"
    default_auto_field = "django.db.models.BigAutoField"
