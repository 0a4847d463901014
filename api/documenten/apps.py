"""Django app for the Documenten API 1.7.0."""
from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "api.documenten"
    label = "documenten"
    verbose_name = "Documenten API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .expansions import register_documenten

        register_documenten()
