"""Django app holding the database backend's tables."""
from django.apps import AppConfig


class DatabaseBackendConfig(AppConfig):
    name = "storage_backends.database"
    label = "storage_database"
    verbose_name = "Documenten (database)"
    default_auto_field = "django.db.models.BigAutoField"
