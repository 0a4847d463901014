"""Django app for the Catalogi API 1.3.3."""
from django.apps import AppConfig


class CatalogiConfig(AppConfig):
    name = "api.catalogi"
    label = "catalogi"
    verbose_name = "Catalogi API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .expansions import register_catalogi

        register_catalogi()
