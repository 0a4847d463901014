"""Django app for the Autorisaties API (models come from vng_api_common.authorizations)."""
from django.apps import AppConfig


class AutorisatiesConfig(AppConfig):
    name = "api.autorisaties"
    label = "autorisaties"
    verbose_name = "Autorisaties API"
