"""Celery application: notification delivery and periodic maintenance jobs."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openzaak_cmis.settings")

app = Celery("openzaak_cmis")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
