"""Django app for the Zaken API 1.7.0."""
from django.apps import AppConfig


class ZakenConfig(AppConfig):
    name = "api.zaken"
    label = "zaken"
    verbose_name = "Zaken API"
    default_auto_field = "django.db.models.BigAutoField"
