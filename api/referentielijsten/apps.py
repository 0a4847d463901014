"""Django app for the embedded Referentielijsten API (no models: the data is packaged JSON)."""
from django.apps import AppConfig


class ReferentielijstenConfig(AppConfig):
    name = "api.referentielijsten"
    label = "referentielijsten"
    verbose_name = "Referentielijsten API"
