"""Django app for the shared ZGW layer: outbox models, auth cache invalidation."""
from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "api.common"
    label = "common"
    verbose_name = "ZGW gemeenschappelijk"

    def ready(self):
        from . import signals  # noqa: F401  (auth cache invalidation)
